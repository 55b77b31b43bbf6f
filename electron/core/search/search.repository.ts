import type { Kysely } from 'kysely';
import { formatTowerRange } from '../../contract';
import type { DB } from '../db/schema';
import type { SearchModule } from './text-index';

export interface Describer {
  page: string;
  describe(db: Kysely<DB>, ids: number[]): Promise<Map<number, { title: string; subtitle: string }>>;
}

const nameOnly = (table: 'lines' | 'townships' | 'teams', sub: (r: Record<string, unknown>) => string): Describer => ({
  page: table,
  async describe(db, ids) {
    const rows = (await db.selectFrom(table).selectAll().where('id', 'in', ids).execute()) as unknown as Record<
      string,
      unknown
    >[];
    return new Map(rows.map((r) => [r.id as number, { title: String(r.name), subtitle: sub(r) }]));
  },
});

/** How each module's hits are titled. A module adds its search by adding its describer here (and its triggers). */
export const DESCRIBERS: Record<SearchModule, Describer> = {
  vegetation: {
    page: 'vegetation',
    async describe(db, ids) {
      const rows = await db
        .selectFrom('vegetation_records as v')
        .leftJoin('lines as l', 'l.id', 'v.line_id')
        .leftJoin('villages as vi', 'vi.id', 'v.village_id')
        .select([
          'v.id',
          'v.landowner',
          'v.species',
          'v.tree_count',
          'v.tower_from',
          'v.tower_to',
          'l.name as line',
          'vi.name as village',
        ])
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
      const rows = await db
        .selectFrom('villages as v')
        .innerJoin('townships as t', 't.id', 'v.township_id')
        .select(['v.id', 'v.name', 't.name as township'])
        .where('v.id', 'in', ids)
        .execute();
      return new Map(rows.map((r) => [r.id, { title: r.name, subtitle: r.township }]));
    },
  },
  teams: nameOnly('teams', (r) => String(r.phone ?? '')),
  staff: {
    page: 'staff',
    async describe(db, ids) {
      const rows = await db
        .selectFrom('staff as s')
        .leftJoin('teams as t', 't.id', 's.team_id')
        .select(['s.id', 's.name', 's.employee_no', 's.position', 't.name as team'])
        .where('s.id', 'in', ids)
        .execute();
      return new Map(
        rows.map((r) => [
          r.id,
          { title: r.name, subtitle: [r.employee_no, r.team, r.position].filter(Boolean).join(' · ') },
        ]),
      );
    },
  },
  equipment: {
    page: 'equipment',
    async describe(db, ids) {
      const rows = await db
        .selectFrom('equipment as e')
        .leftJoin('lines as l', 'l.id', 'e.line_id')
        .select(['e.id', 'e.code', 'e.name', 'e.location', 'l.name as line'])
        .where('e.id', 'in', ids)
        .execute();
      return new Map(
        rows.map((r) => [r.id, { title: r.code, subtitle: [r.name, r.line, r.location].filter(Boolean).join(' · ') }]),
      );
    },
  },
  upgrades: {
    page: 'upgrades',
    async describe(db, ids) {
      const rows = await db
        .selectFrom('upgrade_requests as u')
        .innerJoin('equipment as e', 'e.id', 'u.equipment_id')
        .select(['u.id', 'u.problem', 'u.estimated_cost', 'u.requested_by', 'e.name as equipment'])
        .where('u.id', 'in', ids)
        .execute();
      return new Map(
        rows.map((r) => [
          r.id,
          {
            title: `${r.equipment} · ${r.problem}`,
            subtitle: [`${r.estimated_cost} 万元`, r.requested_by].join(' · '),
          },
        ]),
      );
    },
  },
};
