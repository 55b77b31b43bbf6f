import type { Insertable, Kysely } from 'kysely';
import type { OutageRow, ParsedInputOf } from '../../contract';
import type { DB } from '../db/schema';
import { daysBetween } from '../shared/time';
import type { RuleWindow } from './trimming.rules';

/** All SQL of the planner's outage windows (停电计划). */

const outages = (db: Kysely<DB>) =>
  db
    .selectFrom('outage_windows as w')
    .innerJoin('lines as l', 'l.id', 'w.line_id')
    .selectAll('w')
    .select('l.name as line_name');
export type OutageJoined = Awaited<ReturnType<ReturnType<typeof outages>['executeTakeFirstOrThrow']>>;

/** Short notice: customers told (or, not yet told, today) fewer days before than the setting asks. */
export function toOutageRow(r: OutageJoined, today: string, noticeDays: number): OutageRow {
  const told =
    r.customers_notified_on ?? (r.status === 'approved' && r.approved_at ? r.approved_at.slice(0, 10) : today);
  return {
    id: r.id,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    lineId: r.line_id,
    lineName: r.line_name,
    date: r.date,
    startTime: r.start_time,
    endTime: r.end_time,
    towerFrom: r.tower_from,
    towerTo: r.tower_to,
    reason: r.reason,
    customersAffected: r.customers_affected,
    status: r.status as OutageRow['status'],
    requestedBy: r.requested_by,
    approvedBy: r.approved_by,
    approvedAt: r.approved_at,
    customersNotifiedOn: r.customers_notified_on,
    shortNotice: r.status !== 'cancelled' && daysBetween(told > r.date ? r.date : told, r.date) < noticeDays,
    notes: r.notes,
  };
}

export const findOutage = (db: Kysely<DB>, id: number) => outages(db).where('w.id', '=', id).executeTakeFirst();

export const outagesBetween = (db: Kysely<DB>, from: string, to: string) =>
  outages(db)
    .where('w.date', '>=', from)
    .where('w.date', '<=', to)
    .where('w.status', '!=', 'cancelled')
    .orderBy('w.date')
    .orderBy('w.start_time')
    .orderBy('w.id')
    .execute();

export function outagesGrid(db: Kysely<DB>, req: ParsedInputOf<'outages.list'>) {
  return {
    base: () => {
      let q = outages(db);
      if (req.lineId) q = q.where('w.line_id', '=', req.lineId);
      if (req.from) q = q.where('w.date', '>=', req.from);
      if (req.to) q = q.where('w.date', '<=', req.to);
      if (req.statuses?.length) q = q.where('w.status', 'in', req.statuses);
      if (req.customersNotTold) q = q.where('w.customers_notified_on', 'is', null);
      return q;
    },
    columns: {
      date: { ref: 'w.date', type: 'date' as const },
      lineName: { ref: 'l.name', type: 'text' as const },
      status: { ref: 'w.status', type: 'text' as const },
      reason: { ref: 'w.reason', type: 'text' as const },
      customersAffected: { ref: 'w.customers_affected', type: 'number' as const },
    },
  };
}

export const insertOutage = async (
  db: Kysely<DB>,
  values: Omit<Insertable<DB['outage_windows']>, 'status' | 'requested_by' | 'created_at'>,
  by: string,
) =>
  (
    await db
      .insertInto('outage_windows')
      .values({ ...values, status: 'requested', requested_by: by, created_at: values.updated_at })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;

/** Approved windows between two days whose customers have not been told. */
export const windowsNotTold = async (db: Kysely<DB>, from: string, to: string) =>
  Number(
    (
      await db
        .selectFrom('outage_windows')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'approved')
        .where('customers_notified_on', 'is', null)
        .where('date', '>=', from)
        .where('date', '<=', to)
        .executeTakeFirstOrThrow()
    ).n,
  );

export const windowsForRules = (rows: OutageJoined[]): RuleWindow[] =>
  rows.map((w) => ({
    lineId: w.line_id,
    date: w.date,
    startTime: w.start_time,
    endTime: w.end_time,
    towerFrom: w.tower_from,
    towerTo: w.tower_to,
    status: w.status,
  }));
