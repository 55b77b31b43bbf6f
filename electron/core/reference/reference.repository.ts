import { sql, type Kysely, type Selectable } from 'kysely';
import type { GridRequest, LineRow, ReferenceOptions } from '../../contract';
import type { DB, LinesTable, TeamsTable } from '../db/schema';
import { gridPageOf, type GridColumns } from '../shared/grid-query';

const meta = (r: { id: number; version: number; created_at: string; updated_at: string }) => ({
  id: r.id,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/* ---------- townships ---------- */

const TOWNSHIP_COLUMNS: GridColumns = {
  name: { ref: 't.name', type: 'text' },
  longitude: { ref: 't.longitude', type: 'number' },
  latitude: { ref: 't.latitude', type: 'number' },
  notes: { ref: 't.notes', type: 'text' },
};

function townshipQuery(db: Kysely<DB>) {
  return db.selectFrom('townships as t').where('t.deleted_at', 'is', null);
}
const townshipSelect = (q: ReturnType<typeof townshipQuery>) =>
  q
    .selectAll('t')
    .select(
      sql<number>`(select count(*) from villages vi where vi.township_id = t.id and vi.deleted_at is null)`.as(
        'village_count',
      ),
    );
type TownshipJoined = Awaited<ReturnType<ReturnType<typeof townshipSelect>['executeTakeFirstOrThrow']>>;
const toTownship = (r: TownshipJoined) => ({
  ...meta(r),
  name: r.name,
  notes: r.notes,
  longitude: r.longitude,
  latitude: r.latitude,
  villageCount: Number(r.village_count),
});

export const townships = {
  list: (db: Kysely<DB>, req: GridRequest) =>
    gridPageOf({
      base: () => townshipQuery(db),
      select: (q) => townshipSelect(q as ReturnType<typeof townshipQuery>),
      req,
      columns: TOWNSHIP_COLUMNS,
      search: ['t.name'],
      tieBreaker: 't.id',
      defaultSort: [{ colId: 'name', sort: 'asc' }],
      map: toTownship,
    }),
  find: async (db: Kysely<DB>, id: number) => {
    const r = await townshipSelect(townshipQuery(db).where('t.id', '=', id)).executeTakeFirst();
    return r && toTownship(r);
  },
};

/* ---------- villages ---------- */

const VILLAGE_COLUMNS: GridColumns = {
  name: { ref: 'vi.name', type: 'text' },
  townshipName: { ref: 't.name', type: 'text' },
  notes: { ref: 'vi.notes', type: 'text' },
};
function villageQuery(db: Kysely<DB>) {
  return db
    .selectFrom('villages as vi')
    .innerJoin('townships as t', 't.id', 'vi.township_id')
    .where('vi.deleted_at', 'is', null);
}
const villageSelect = (q: ReturnType<typeof villageQuery>) => q.selectAll('vi').select('t.name as township_name');
type VillageJoined = Awaited<ReturnType<ReturnType<typeof villageSelect>['executeTakeFirstOrThrow']>>;
const toVillage = (r: VillageJoined) => ({
  ...meta(r),
  townshipId: r.township_id,
  townshipName: r.township_name,
  name: r.name,
  notes: r.notes,
});

export const villages = {
  list: (db: Kysely<DB>, req: GridRequest) =>
    gridPageOf({
      base: () => villageQuery(db),
      select: (q) => villageSelect(q as ReturnType<typeof villageQuery>),
      req,
      columns: VILLAGE_COLUMNS,
      search: ['vi.name', 't.name'],
      tieBreaker: 'vi.id',
      defaultSort: [{ colId: 'townshipName', sort: 'asc' }],
      map: toVillage,
    }),
  find: async (db: Kysely<DB>, id: number) => {
    const r = await villageSelect(villageQuery(db).where('vi.id', '=', id)).executeTakeFirst();
    return r && toVillage(r);
  },
};

/* ---------- teams ---------- */

const TEAM_COLUMNS: GridColumns = {
  name: { ref: 'name', type: 'text' },
  kind: { ref: 'kind', type: 'text' },
  phone: { ref: 'phone', type: 'text' },
};
const teamQuery = (db: Kysely<DB>) => db.selectFrom('teams').where('deleted_at', 'is', null);
const toTeam = (r: Selectable<TeamsTable>) => ({
  ...meta(r),
  name: r.name,
  kind: r.kind as 'line',
  phone: r.phone,
  notes: r.notes,
});

export const teams = {
  list: (db: Kysely<DB>, req: GridRequest) =>
    gridPageOf({
      base: () => teamQuery(db),
      select: (q) => (q as ReturnType<typeof teamQuery>).selectAll(),
      req,
      columns: TEAM_COLUMNS,
      search: ['name'],
      tieBreaker: 'id',
      defaultSort: [{ colId: 'name', sort: 'asc' }],
      map: toTeam,
    }),
  find: async (db: Kysely<DB>, id: number) => {
    const r = await teamQuery(db).selectAll().where('id', '=', id).executeTakeFirst();
    return r && toTeam(r);
  },
};

/* ---------- lines ---------- */

const LINE_COLUMNS: GridColumns = {
  name: { ref: 'l.name', type: 'text' },
  code: { ref: 'l.code', type: 'text' },
  voltage: { ref: 'l.voltage', type: 'text', order: ['0.4', '10', '35', '66', '110', '220'] },
  conductor: { ref: 'l.conductor', type: 'text' },
  areaType: { ref: 'l.area_type', type: 'text' },
  substation: { ref: 'l.substation', type: 'text' },
  lengthKm: { ref: 'l.length_km', type: 'number' },
  towerCount: { ref: 'l.tower_count', type: 'number' },
  commissionedDate: { ref: 'l.commissioned_date', type: 'date' },
};
const lineQuery = (db: Kysely<DB>) => db.selectFrom('lines as l').where('l.deleted_at', 'is', null);

async function linesWithTownships(db: Kysely<DB>, rows: Selectable<LinesTable>[]): Promise<LineRow[]> {
  const ids = rows.map((r) => r.id);
  const links = ids.length
    ? await db
        .selectFrom('line_townships as lt')
        .innerJoin('townships as t', 't.id', 'lt.township_id')
        .select(['lt.line_id', 't.id', 't.name'])
        .where('lt.line_id', 'in', ids)
        .orderBy('t.name')
        .orderBy('t.id')
        .execute()
    : [];
  return rows.map((r) => {
    const mine = links.filter((k) => k.line_id === r.id);
    return {
      ...meta(r),
      name: r.name,
      code: r.code,
      voltage: r.voltage as LineRow['voltage'],
      conductor: r.conductor as LineRow['conductor'],
      areaType: r.area_type as LineRow['areaType'],
      substation: r.substation,
      lengthKm: r.length_km,
      towerCount: r.tower_count,
      commissionedDate: r.commissioned_date,
      townshipIds: mine.map((k) => k.id),
      townshipNames: mine.map((k) => k.name).join('、'),
      notes: r.notes,
    };
  });
}

export const lines = {
  list: async (db: Kysely<DB>, req: GridRequest) => {
    const page = await gridPageOf({
      base: () => lineQuery(db),
      select: (q) => (q as ReturnType<typeof lineQuery>).selectAll('l'),
      req,
      columns: LINE_COLUMNS,
      search: ['l.name', 'l.code', 'l.substation'],
      tieBreaker: 'l.id',
      defaultSort: [{ colId: 'voltage', sort: 'desc' }],
      map: (r: Selectable<LinesTable>) => r,
    });
    return { rowCount: page.rowCount, rows: await linesWithTownships(db, page.rows) };
  },
  find: async (db: Kysely<DB>, id: number) => {
    const r = await lineQuery(db).selectAll('l').where('l.id', '=', id).executeTakeFirst();
    return r && (await linesWithTownships(db, [r]))[0];
  },
};

/* ---------- what the handlers ask of the four registers ---------- */

/** Live tree-hazard records that name these lines, townships, villages or teams (deleting them is refused while any do). */
export const liveRecordsUsing =
  (column: 'line_id' | 'township_id' | 'village_id' | 'team_id') => async (db: Kysely<DB>, ids: number[]) =>
    Number(
      (
        await db
          .selectFrom('vegetation_records')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where(column, 'in', ids)
          .where('deleted_at', 'is', null)
          .executeTakeFirstOrThrow()
      ).n,
    );

/** Live villages of these townships. */
export async function liveVillagesIn(db: Kysely<DB>, townshipIds: number[]): Promise<number> {
  const r = await db
    .selectFrom('villages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('township_id', 'in', townshipIds)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Another live line, township or team with this name. */
export const nameTaken =
  (table: 'lines' | 'townships' | 'teams') => (db: Kysely<DB>, input: { id?: number; name: string }) => {
    let q = db.selectFrom(table).select('id').where('name', '=', input.name).where('deleted_at', 'is', null);
    if (input.id !== undefined) q = q.where('id', '!=', input.id);
    return q.executeTakeFirst();
  };

/** Another live village of this name in the same township. */
export function villageNameTaken(db: Kysely<DB>, input: { id?: number; name: string; townshipId: number }) {
  let q = db
    .selectFrom('villages')
    .select('id')
    .where('name', '=', input.name)
    .where('township_id', '=', input.townshipId)
    .where('deleted_at', 'is', null);
  if (input.id !== undefined) q = q.where('id', '!=', input.id);
  return q.executeTakeFirst();
}

/** The townships a line serves, replaced by these. */
export async function setLineTownships(db: Kysely<DB>, lineId: number, townshipIds: number[]): Promise<void> {
  await db.deleteFrom('line_townships').where('line_id', '=', lineId).execute();
  const unique = [...new Set(townshipIds)];
  if (unique.length)
    await db
      .insertInto('line_townships')
      .values(unique.map((t) => ({ line_id: lineId, township_id: t })))
      .execute();
}

/** Every form's choices: the live lines, townships, villages and teams by name. */
export async function referenceOptions(db: Kysely<DB>): Promise<ReferenceOptions> {
  const [l, t, v, tm] = await Promise.all([
    db
      .selectFrom('lines')
      .select(['id', 'name', 'voltage', 'conductor', 'area_type'])
      .where('deleted_at', 'is', null)
      .orderBy('name')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('townships')
      .select(['id', 'name'])
      .where('deleted_at', 'is', null)
      .orderBy('name')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('villages')
      .select(['id', 'township_id', 'name'])
      .where('deleted_at', 'is', null)
      .orderBy('name')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('teams')
      .select(['id', 'name', 'kind'])
      .where('deleted_at', 'is', null)
      .orderBy('name')
      .orderBy('id')
      .execute(),
  ]);
  return {
    lines: l.map((r) => ({
      id: r.id,
      name: r.name,
      voltage: r.voltage as ReferenceOptions['lines'][number]['voltage'],
      conductor: r.conductor as ReferenceOptions['lines'][number]['conductor'],
      areaType: r.area_type as ReferenceOptions['lines'][number]['areaType'],
    })),
    townships: t,
    villages: v.map((r) => ({ id: r.id, townshipId: r.township_id, name: r.name })),
    teams: tm.map((r) => ({ id: r.id, name: r.name, kind: r.kind as ReferenceOptions['teams'][number]['kind'] })),
  };
}
