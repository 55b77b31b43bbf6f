import type { Kysely } from 'kysely';
import type { ParsedInputOf, RepairRow } from '../../contract';
import type { DB } from '../db/schema';
import { gridPageOf, gridRowsOf, type GridColumns, type GridSource } from '../shared/grid-query';
import { judgeRepair } from './repairs.rules';

const REPAIR_COLUMNS: GridColumns = {
  receivedAt: { ref: 'r.received_at', type: 'text' },
  source: { ref: 'r.source', type: 'text' },
  orderNo: { ref: 'r.order_no', type: 'text' },
  areaName: { ref: 'a.name', type: 'text' },
  lineName: { ref: 'l.name', type: 'text' },
  fault: { ref: 'r.fault', type: 'text' },
  crewNames: { ref: 'r.crew_names', type: 'text' },
  arrivedAt: { ref: 'r.arrived_at', type: 'text' },
  restoredAt: { ref: 'r.restored_at', type: 'text' },
  delayCause: { ref: 'r.delay_cause', type: 'text' },
};

const calls = (db: Kysely<DB>) =>
  db
    .selectFrom('repair_calls as r')
    .innerJoin('repair_areas as a', 'a.id', 'r.area_id')
    .leftJoin('lines as l', 'l.id', 'r.line_id')
    .selectAll('r')
    .select(['a.name as area_name', 'a.arrival_minutes', 'a.restore_minutes', 'l.name as line_name'])
    .where('r.deleted_at', 'is', null);
type Joined = Awaited<ReturnType<ReturnType<typeof calls>['executeTakeFirstOrThrow']>>;

/** A call with its judgement against its area's promise as the area has it now. */
function toRow(r: Joined): RepairRow {
  const promise = { arrivalMinutes: r.arrival_minutes, restoreMinutes: r.restore_minutes };
  return {
    id: r.id,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    source: r.source as RepairRow['source'],
    orderNo: r.order_no,
    receivedAt: r.received_at,
    areaId: r.area_id,
    areaName: r.area_name,
    lineId: r.line_id,
    lineName: r.line_name,
    fault: r.fault,
    seasonId: r.season_id,
    dutyDate: r.duty_date,
    shift: r.shift,
    crew: r.crew,
    crewNames: r.crew_names,
    arrivedAt: r.arrived_at,
    restoredAt: r.restored_at,
    delayCause: r.delay_cause,
    arrivalPromise: promise.arrivalMinutes,
    restorePromise: promise.restoreMinutes,
    ...judgeRepair({ receivedAt: r.received_at, arrivedAt: r.arrived_at, restoredAt: r.restored_at }, promise),
  };
}

function source(
  db: Kysely<DB>,
  req: Omit<ParsedInputOf<'repairs.list'>, 'startRow' | 'endRow'> & { startRow?: number; endRow?: number },
): GridSource<Joined, RepairRow> {
  return {
    base: () => {
      let q = calls(db);
      if (req.month)
        q = q.where('r.received_at', '>=', `${req.month}-01`).where('r.received_at', '<', `${req.month}-32`);
      return req.areaId ? q.where('r.area_id', '=', req.areaId) : q;
    },
    select: (q) => q as ReturnType<typeof calls>,
    req: { startRow: 0, endRow: 1000, ...req },
    columns: REPAIR_COLUMNS,
    search: ['r.fault', 'r.order_no', 'r.crew_names', 'a.name'],
    tieBreaker: 'r.id',
    defaultSort: [{ colId: 'receivedAt', sort: 'desc' }],
    map: toRow,
  };
}

export async function listRepairs(db: Kysely<DB>, req: ParsedInputOf<'repairs.list'>) {
  if (!req.breachesOnly && !req.arrival) return gridPageOf(source(db, req));
  // Breaches are judged, not stored; a month has hundreds of calls, not millions.
  const keep = (r: RepairRow) =>
    (!req.breachesOnly || r.arrivalBreach || r.restoreBreach) &&
    (!req.arrival || (r.arrivedAt !== null && r.arrivalBreach === (req.arrival === 'late')));
  const kept: RepairRow[] = [];
  for await (const r of gridRowsOf(source(db, req))) if (keep(r)) kept.push(r);
  return { rowCount: kept.length, rows: kept.slice(req.startRow, req.endRow) };
}

export async function monthRepairs(db: Kysely<DB>, month: string): Promise<RepairRow[]> {
  const rows: RepairRow[] = [];
  for await (const r of gridRowsOf(
    source(db, { month, sortModel: [{ colId: 'receivedAt', sort: 'asc' }], filterModel: {} }),
  ))
    rows.push(r);
  return rows;
}

export async function findRepair(db: Kysely<DB>, id: number): Promise<RepairRow | undefined> {
  const r = await calls(db).where('r.id', '=', id).executeTakeFirst();
  return r ? toRow(r) : undefined;
}

/** The latest month with a call (the dashboard shows it), or null. */
export async function latestMonth(db: Kysely<DB>): Promise<string | null> {
  const r = await db
    .selectFrom('repair_calls')
    .select((eb) => eb.fn.max('received_at').as('last'))
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return r?.last ? String(r.last).slice(0, 7) : null;
}

/** Every call received from `from` to `to` (inclusive days), on one line if given, judged against its area's promise. */
export async function repairsBetween(db: Kysely<DB>, from: string, to: string, lineId?: number): Promise<RepairRow[]> {
  let q = calls(db).where('r.received_at', '>=', from).where('r.received_at', '<', `${to}T99`);
  if (lineId !== undefined) q = q.where('r.line_id', '=', lineId);
  return (await q.orderBy('r.received_at').execute()).map(toRow);
}
