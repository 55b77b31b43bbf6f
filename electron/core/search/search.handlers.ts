import { sql, type Kysely } from 'kysely';
import { formatTowerRange, type SearchGroup } from '../../contract';
import type { Handlers } from '../context';
import type { DB } from '../db/schema';
import { dialectOf } from '../db/dialect';
import { SEARCH_BODIES, SEARCH_MODULES, type SearchBody } from '../db/migrations/0003_search';
import { OFFICE_SEARCH_BODIES, OFFICE_SEARCH_MODULES } from '../db/migrations/0008_search_office';
import { ftsQuery, searchWords } from './search.query';

const PER_MODULE = 8;

interface Describer {
  page: string;
  describe(db: Kysely<DB>, ids: number[]): Promise<Map<number, { title: string; subtitle: string }>>;
}

const nameOnly = (table: 'lines' | 'townships' | 'teams', sub: (r: Record<string, unknown>) => string): Describer => ({
  page: table,
  async describe(db, ids) {
    const rows = (await db.selectFrom(table).selectAll().where('id', 'in', ids).execute()) as unknown as Record<string, unknown>[];
    return new Map(rows.map((r) => [r.id as number, { title: String(r.name), subtitle: sub(r) }]));
  },
});

/** How each module's hits are titled. A module adds its search by adding its describer here (and its triggers). */
const DESCRIBERS: Record<string, Describer> = {
  vegetation: {
    page: 'vegetation',
    async describe(db, ids) {
      const rows = await db
        .selectFrom('vegetation_records as v')
        .leftJoin('lines as l', 'l.id', 'v.line_id')
        .leftJoin('villages as vi', 'vi.id', 'v.village_id')
        .select(['v.id', 'v.landowner', 'v.species', 'v.tree_count', 'v.tower_from', 'v.tower_to', 'l.name as line', 'vi.name as village'])
        .where('v.id', 'in', ids)
        .execute();
      return new Map(
        rows.map((r) => [
          r.id,
          {
            title: `${r.line ?? ''} ${formatTowerRange(r.tower_from, r.tower_to)}`,
            subtitle: [r.landowner, r.village, `${r.species} ${r.tree_count}`].filter(Boolean).join(' · '),
          },
        ]),
      );
    },
  },
  lines: nameOnly('lines', (r) => [r.code, r.substation].filter(Boolean).join(' · ')),
  townships: nameOnly('townships', () => ''),
  villages: {
    page: 'villages',
    async describe(db, ids) {
      const rows = await db.selectFrom('villages as v').innerJoin('townships as t', 't.id', 'v.township_id').select(['v.id', 'v.name', 't.name as township']).where('v.id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.id, { title: r.name, subtitle: r.township }]));
    },
  },
  teams: nameOnly('teams', (r) => String(r.phone ?? '')),
  staff: {
    page: 'staff',
    async describe(db, ids) {
      const rows = await db.selectFrom('staff as s').leftJoin('teams as t', 't.id', 's.team_id').select(['s.id', 's.name', 's.employee_no', 's.position', 't.name as team']).where('s.id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.id, { title: r.name, subtitle: [r.employee_no, r.team, r.position].filter(Boolean).join(' · ') }]));
    },
  },
  equipment: {
    page: 'equipment',
    async describe(db, ids) {
      const rows = await db.selectFrom('equipment as e').leftJoin('lines as l', 'l.id', 'e.line_id').select(['e.id', 'e.code', 'e.name', 'e.location', 'l.name as line']).where('e.id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.id, { title: r.code, subtitle: [r.name, r.line, r.location].filter(Boolean).join(' · ') }]));
    },
  },
  upgrades: {
    page: 'upgrades',
    async describe(db, ids) {
      const rows = await db.selectFrom('upgrade_requests as u').innerJoin('equipment as e', 'e.id', 'u.equipment_id').select(['u.id', 'u.problem', 'u.estimated_cost', 'u.requested_by', 'e.name as equipment']).where('u.id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.id, { title: `${r.equipment} · ${r.problem}`, subtitle: [`${r.estimated_cost} 万元`, r.requested_by].join(' · ') }]));
    },
  },
};

const INDEXES: Record<string, { index: string }> = { ...SEARCH_MODULES, ...OFFICE_SEARCH_MODULES };
const BODIES: Record<string, SearchBody> = { ...SEARCH_BODIES, ...OFFICE_SEARCH_BODIES };

/** A module's hits (up to limit ids) for the words typed, from its FTS5 index on SQLite. */
async function indexedHits(db: Kysely<DB>, module: string, words: string[][], limit: number): Promise<number[]> {
  const match = ftsQuery(words.map((w) => w.join('')).join(' '))!;
  const index = sql.table(INDEXES[module]!.index);
  const found = await sql<{ ref_id: number }>`select ref_id from ${index} where ${index} match ${match} and module = ${module} limit ${limit}`.execute(db);
  return found.rows.map((r) => Number(r.ref_id));
}

/**
 * The same hits on PostgreSQL, read from the ledgers themselves: each word within one of the texts the
 * SQLite index holds (the same first characters, punctuation and spaces dropped, case ignored). A county's
 * registers are small enough; the tree-hazard ledger at a million rows is a scan (≈0.3 s).
 */
async function scannedHits(db: Kysely<DB>, module: string, words: string[][], limit: number): Promise<number[]> {
  const { from, columns } = BODIES[module]!;
  const texts = Object.values(columns).flat();
  const word = (chars: string[]) =>
    sql.join(
      texts.map(([expr, n]) => sql`regexp_replace(left(coalesce(${sql.raw(expr)}, ''), ${sql.lit(n)}), '[[:punct:][:space:]]+', '', 'g') ilike ${`%${chars.join('')}%`}`),
      sql` or `,
    );
  const where = sql.join(words.map((w) => sql`(${word(w)})`), sql` and `);
  const found = await sql<{ id: number }>`select r.id from ${sql.raw(from)} where r.deleted_at is null and ${where} order by r.id limit ${limit}`.execute(db);
  return found.rows.map((r) => Number(r.id));
}

export const searchHandlers: Handlers<'search.global'> = {
  'search.global': async (input, ctx) => {
    const words = searchWords(input.q);
    if (words.length === 0) return { groups: [] };
    const hits = dialectOf(ctx.db) === 'postgres' ? scannedHits : indexedHits;
    const groups: SearchGroup[] = [];
    for (const [module, describer] of Object.entries(DESCRIBERS)) {
      const found = await hits(ctx.db, module, words, PER_MODULE + 1);
      const ids = found.slice(0, PER_MODULE);
      if (ids.length === 0) continue;
      const described = await describer.describe(ctx.db, ids);
      groups.push({
        module,
        page: describer.page,
        hits: ids.filter((id) => described.has(id)).map((id) => ({ id, ...described.get(id)! })),
        more: found.length > PER_MODULE,
      });
    }
    return { groups };
  },
};
