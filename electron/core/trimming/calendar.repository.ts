import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { addDays, addMonths } from '../shared/time';

/** The SQL behind teams' townships and days away, the office calendar and the month's plan. */

export async function setTeamTownships(db: Kysely<DB>, teamId: number, townshipIds: number[]) {
  await db.deleteFrom('team_townships').where('team_id', '=', teamId).execute();
  if (townshipIds.length)
    await db
      .insertInto('team_townships')
      .values(townshipIds.map((township_id) => ({ team_id: teamId, township_id })))
      .execute();
}

export const addTeamAway = (
  db: Kysely<DB>,
  v: { teamId: number; fromDate: string; toDate: string; reason: string },
  at: string,
  by: string,
) =>
  db
    .insertInto('team_unavailability')
    .values({
      team_id: v.teamId,
      from_date: v.fromDate,
      to_date: v.toDate,
      reason: v.reason,
      created_at: at,
      created_by: by,
    })
    .returningAll()
    .executeTakeFirstOrThrow();

export const removeTeamAway = (db: Kysely<DB>, id: number) =>
  db.deleteFrom('team_unavailability').where('id', '=', id).returningAll().executeTakeFirst();

export async function saveCalendarDay(
  db: Kysely<DB>,
  day: { date: string; kind: string; name: string },
  at: string,
  by: string,
) {
  const values = { kind: day.kind, name: day.name, updated_at: at, updated_by: by };
  await db
    .insertInto('office_calendar')
    .values({ date: day.date, ...values })
    .onConflict((oc) => oc.column('date').doUpdateSet(values))
    .execute();
}

export const removeCalendarDay = (db: Kysely<DB>, date: string) =>
  db.deleteFrom('office_calendar').where('date', '=', date).returningAll().executeTakeFirst();

/* ---------- the month's plan ---------- */

/** A package as the approved version keeps it. */
export interface MonthSnapshot {
  id: number;
  teamId: number;
  date: string;
  recordIds: number[];
}

const monthRange = (month: string) => ({ from: `${month}-01`, to: addDays(addMonths(`${month}-01`, 1), -1) });

/** The month's packages (not cancelled) with their records. */
export async function packagesOfMonth(db: Kysely<DB>, month: string): Promise<MonthSnapshot[]> {
  const { from, to } = monthRange(month);
  const rows = await db
    .selectFrom('work_packages as p')
    .leftJoin('work_package_records as pr', 'pr.package_id', 'p.id')
    .select(['p.id', 'p.team_id', 'p.date', 'pr.record_id'])
    .where('p.date', '>=', from)
    .where('p.date', '<=', to)
    .where('p.status', '!=', 'cancelled')
    .orderBy('p.id')
    .orderBy('pr.record_id')
    .execute();
  const byId = new Map<number, MonthSnapshot>();
  for (const r of rows) {
    const p = byId.get(r.id) ?? { id: r.id, teamId: r.team_id, date: r.date, recordIds: [] };
    if (r.record_id !== null) p.recordIds.push(r.record_id);
    byId.set(r.id, p);
  }
  return [...byId.values()];
}

export const findMonth = (db: Kysely<DB>, month: string) =>
  db.selectFrom('trimming_months').selectAll().where('month', '=', month).executeTakeFirst();

export async function submitMonth(db: Kysely<DB>, month: string, by: string, at: string) {
  const values = { status: 'submitted', submitted_by: by, submitted_at: at };
  await db
    .insertInto('trimming_months')
    .values({ month, ...values, approved_by: null, approved_at: null, snapshot_json: null })
    .onConflict((oc) => oc.column('month').doUpdateSet(values))
    .execute();
}

export const approveMonth = (
  db: Kysely<DB>,
  month: string,
  version: number,
  snapshot: MonthSnapshot[],
  by: string,
  at: string,
) =>
  db
    .updateTable('trimming_months')
    .set({
      status: 'approved',
      approved_version: version,
      approved_by: by,
      approved_at: at,
      snapshot_json: JSON.stringify(snapshot),
    })
    .where('month', '=', month)
    .execute();
