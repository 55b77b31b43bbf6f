import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../db/schema';
import { dialectOf } from '../db/dialect';
import { SEARCH_BODIES, SEARCH_MODULES, type SearchBody } from '../db/migrations/0003_search';
import { OFFICE_SEARCH_BODIES, OFFICE_SEARCH_MODULES } from '../db/migrations/0008_search_office';
import { ftsQuery, searchWords } from './search.query';

const INDEXES: Record<string, { index: string; code: number }> = { ...SEARCH_MODULES, ...OFFICE_SEARCH_MODULES };
const BODIES: Record<string, SearchBody> = { ...SEARCH_BODIES, ...OFFICE_SEARCH_BODIES };
export type SearchModule = keyof typeof SEARCH_BODIES | keyof typeof OFFICE_SEARCH_BODIES;

/**
 * The ids (column `id`) of a module's live rows whose searchable texts hold every word typed: from
 * its FTS5 index on SQLite; on PostgreSQL read from the ledger itself, each word within one of the
 * texts the SQLite index holds (the same first characters, punctuation and spaces dropped, case
 * ignored) — a scan, ≈0.3 s on a million tree-hazard rows. `limit`: the first hits only (the header
 * search). Null when nothing searchable was typed (punctuation alone).
 */
export function matchingIds(
  db: Kysely<DB>,
  module: SearchModule,
  typed: string,
  limit?: number,
): RawBuilder<{ id: number }> | null {
  const words = searchWords(typed);
  if (words.length === 0) return null;
  const tail = limit === undefined ? sql`` : sql` limit ${limit}`;
  if (dialectOf(db) === 'sqlite') {
    // The module and id from the rowid (id × 8 + code): reading them from the index's columns costs
    // a lookup per hit, most of the time of a search with thousands.
    const { index, code } = INDEXES[module]!;
    const table = sql.table(index);
    return sql<{
      id: number;
    }>`select (rowid - ${sql.lit(code)}) / 8 as id from ${table} where ${table} match ${ftsQuery(typed)} and rowid % 8 = ${sql.lit(code)}${tail}`;
  }
  const { from, columns } = BODIES[module]!;
  const texts = Object.values(columns).flat();
  const word = (chars: string[]) =>
    sql.join(
      texts.map(
        ([expr, n]) =>
          sql`regexp_replace(left(coalesce(${sql.raw(expr)}, ''), ${sql.lit(n)}), '[[:punct:][:space:]]+', '', 'g') ilike ${`%${chars.join('')}%`}`,
      ),
      sql` or `,
    );
  const where = sql.join(
    words.map((w) => sql`(${word(w)})`),
    sql` and `,
  );
  const order = limit === undefined ? sql`` : sql` order by r.id`;
  return sql<{ id: number }>`select r.id from ${sql.raw(from)} where r.deleted_at is null and ${where}${order}${tail}`;
}

/**
 * A grid's search box through its module's text index (GridSearch.indexed): it finds what the
 * header search finds (names, phones, species, places, the start of the notes) without reading
 * every row.
 */
export const indexedSearch =
  (db: Kysely<DB>, module: SearchModule, idRef: string) =>
  (typed: string): Expression<SqlBool> | null => {
    const ids = matchingIds(db, module, typed);
    return ids ? sql<SqlBool>`${sql.ref(idRef)} in (${ids})` : null;
  };
