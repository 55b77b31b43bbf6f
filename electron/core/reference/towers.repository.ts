import type { Kysely } from 'kysely';
import type { ParsedInputOf, TowerRow } from '../../contract';
import type { DB } from '../db/schema';
import { gridPageOf, gridRowsOf, type GridColumns } from '../shared/grid-query';

/** A line's towers, live, with the line's name. */
const towers = (db: Kysely<DB>) =>
  db
    .selectFrom('line_towers as k')
    .innerJoin('lines as l', 'l.id', 'k.line_id')
    .selectAll('k')
    .select('l.name as line_name')
    .where('k.deleted_at', 'is', null);
type Joined = Awaited<ReturnType<ReturnType<typeof towers>['executeTakeFirstOrThrow']>>;

const toTower = (r: Joined): TowerRow => ({
  id: r.id,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  lineId: r.line_id,
  lineName: r.line_name,
  number: r.number,
  kind: r.kind as TowerRow['kind'],
  longitude: r.longitude,
  latitude: r.latitude,
  altitude: r.altitude,
  notes: r.notes,
});

const COLUMNS: GridColumns = {
  lineName: { ref: 'l.name', type: 'text' },
  number: { ref: 'k.number', type: 'number' },
  kind: { ref: 'k.kind', type: 'text' },
  longitude: { ref: 'k.longitude', type: 'number' },
  latitude: { ref: 'k.latitude', type: 'number' },
  altitude: { ref: 'k.altitude', type: 'number' },
  notes: { ref: 'k.notes', type: 'text' },
};

const source = (db: Kysely<DB>, req: ParsedInputOf<'towers.list'>) => ({
  base: () => (req.lineId ? towers(db).where('k.line_id', '=', req.lineId) : towers(db)),
  select: (q: unknown) => q as ReturnType<typeof towers>,
  req,
  columns: COLUMNS,
  search: ['l.name', 'k.notes'],
  tieBreaker: 'k.id',
  // Along the line: by line, then tower number.
  defaultSort: [
    { colId: 'lineName', sort: 'asc' as const },
    { colId: 'number', sort: 'asc' as const },
  ],
  map: toTower,
});

export const listTowers = (db: Kysely<DB>, req: ParsedInputOf<'towers.list'>) => gridPageOf(source(db, req));

/** Every tower the list would show, in its order (the export). */
export const allTowers = (db: Kysely<DB>, req: ParsedInputOf<'towers.list'>) => gridRowsOf(source(db, req));

export async function findTower(db: Kysely<DB>, id: number): Promise<TowerRow | undefined> {
  const r = await towers(db).where('k.id', '=', id).executeTakeFirst();
  return r && toTower(r);
}

/** The live tower with this number on the line, other than `id`. */
export const towerNumberTaken = (db: Kysely<DB>, lineId: number, number: number, id: number | undefined) => {
  let q = db
    .selectFrom('line_towers')
    .select('id')
    .where('line_id', '=', lineId)
    .where('number', '=', number)
    .where('deleted_at', 'is', null);
  if (id !== undefined) q = q.where('id', '!=', id);
  return q.executeTakeFirst();
};
