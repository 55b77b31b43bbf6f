import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect';

/**
 * Global search (SQLite FTS5). Chinese has no spaces between words and a clerk types fragments of
 * names ("建国" for 王建国), so each indexed text is written with a space between characters: every
 * character is a token, and a fragment is a phrase query ("建 国") — substring search through the
 * index. Triggers keep it current whatever writes the row (forms, imports, restores, the recycle
 * bin), in plain SQL so any SQLite tool can still write the file.
 */

/** `t` with spaces between its first n characters, in SQL. */
export function spaced(expr: string, n: number): string {
  const chars = Array.from({ length: n }, (_, i) => `substr(coalesce(${expr}, ''), ${i + 1}, 1)`);
  return `(${chars.join(" || ' ' || ")})`;
}

/**
 * Which index each module writes to, and its code in the rowid (id × 8 + code). A big ledger has an
 * index of its own (a search never wades through another module's hits); the small reference
 * tables share one.
 */
export const SEARCH_MODULES = {
  vegetation: { index: 'search_vegetation', code: 1 },
  lines: { index: 'search_reference', code: 2 },
  townships: { index: 'search_reference', code: 3 },
  villages: { index: 'search_reference', code: 4 },
  teams: { index: 'search_reference', code: 5 },
} as const;

/** Five text columns (a phrase never runs from one into the next): who, phone/code, what, where, notes. */
const COLUMNS = ['who', 'code', 'what', 'place', 'notes'] as const;

/** A text a search looks in: an SQL expression over the module's row (`r`), and how many of its first characters count. */
export type SearchText = readonly [expr: string, chars: number];

/**
 * Each module's row source (the record as `r`, joined to the names it shows) and its columns. The
 * names come from joins, not scalar subqueries: spaced() repeats its argument per character.
 * On PostgreSQL the search reads the same texts from the same rows directly (search.handlers).
 */
export interface SearchBody {
  from: string;
  columns: Partial<Record<(typeof COLUMNS)[number], SearchText[]>>;
}

/** A column's texts spaced and joined, as the FTS5 index holds them. */
const indexed = (texts: SearchText[]) => texts.map(([expr, n]) => spaced(expr, n)).join(" || ' , ' || ");

export const SEARCH_BODIES: Record<keyof typeof SEARCH_MODULES, SearchBody> = {
  vegetation: {
    from: 'vegetation_records r left join lines l on l.id = r.line_id left join villages vi on vi.id = r.village_id left join townships t on t.id = r.township_id',
    columns: {
      // Lengths cover real names (landowners 2–4 characters, lines ~10) while keeping the trigger
      // cheap: every character spaced costs ~0.3 µs per row written. Notes: their first 24 characters.
      who: [['r.landowner', 8]],
      code: [['r.landowner_phone', 13]],
      what: [['r.species', 6]],
      place: [
        ['l.name', 16],
        ['vi.name', 6],
        ['t.name', 6],
      ],
      notes: [['r.notes', 24]],
    },
  },
  lines: { from: 'lines r', columns: { who: [['r.name', 24]], code: [['r.code', 12]], place: [['r.substation', 12]] } },
  townships: { from: 'townships r', columns: { who: [['r.name', 20]] } },
  villages: {
    from: 'villages r left join townships t on t.id = r.township_id',
    columns: { who: [['r.name', 20]], place: [['t.name', 12]] },
  },
  teams: { from: 'teams r', columns: { who: [['r.name', 24]], code: [['r.phone', 16]] } },
};

export async function createSearchIndex(db: Kysely<unknown>, index: string): Promise<void> {
  await sql
    .raw(
      `create virtual table ${index} using fts5(${COLUMNS.join(', ')}, module unindexed, ref_id unindexed, tokenize = 'unicode61 remove_diacritics 2')`,
    )
    .execute(db);
}

/** Fills `index` with a module's live rows and adds the triggers that keep it current. Later migrations index their modules with it. */
export async function indexModule(
  db: Kysely<unknown>,
  module: string,
  where: { index: string; code: number },
  { from, columns }: SearchBody,
): Promise<void> {
  const { index, code } = where;
  const table = from.split(' ')[0]!;
  const select = `select r.id * 8 + ${code}, ${COLUMNS.map((c) => (columns[c] ? indexed(columns[c]) : "''")).join(', ')}, '${module}', r.id from ${from}`;
  const target = `${index} (rowid, ${COLUMNS.join(', ')}, module, ref_id)`;
  await sql.raw(`insert into ${target} ${select} where r.deleted_at is null`).execute(db);
  await sql
    .raw(
      `create trigger search_${table}_insert after insert on ${table} when new.deleted_at is null begin
      insert into ${target} ${select} where r.id = new.id;
    end`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger search_${table}_update after update on ${table} begin
      delete from ${index} where rowid = old.id * 8 + ${code};
      insert into ${target} ${select} where r.id = new.id and new.deleted_at is null;
    end`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger search_${table}_delete after delete on ${table} begin
      delete from ${index} where rowid = old.id * 8 + ${code};
    end`,
    )
    .execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  // PostgreSQL has no FTS5: its search reads the ledgers themselves (search.handlers).
  if (dialectOf(db) === 'postgres') return;
  for (const index of new Set(Object.values(SEARCH_MODULES).map((m) => m.index))) await createSearchIndex(db, index);
  for (const [module, body] of Object.entries(SEARCH_BODIES))
    await indexModule(db, module, SEARCH_MODULES[module as keyof typeof SEARCH_MODULES], body);
}
