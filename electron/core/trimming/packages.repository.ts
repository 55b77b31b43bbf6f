import { sql, type Kysely } from 'kysely';
import type { PackageRow, ParsedInputOf } from '../../contract';
import type { DB } from '../db/schema';
import { gridPageOf } from '../shared/grid-query';
import { addDays } from '../shared/time';

/** The SQL that writes work packages and moves their records along (the reads are in trimming.repository.ts). */

/** Records follow their package: planned for its day and team, 待排期 → 已排期; a late plan keeps the override's reason. */
export async function planRecords(
  db: Kysely<DB>,
  ids: number[],
  date: string,
  teamId: number,
  lateReason: string | null,
  at: string,
) {
  if (ids.length === 0) return;
  await db
    .updateTable('vegetation_records')
    .set({
      planned_date: date,
      team_id: teamId,
      status: sql`case when status = 'unscheduled' then 'scheduled' else status end`,
      late_reason: sql`case when deadline is not null and deadline < ${date} then ${lateReason} else null end`,
      version: sql`version + 1`,
      updated_at: at,
    })
    .where('id', 'in', ids)
    .execute();
}

/** Records leaving a package go back to the backlog, unplanned. */
export async function releaseRecords(db: Kysely<DB>, ids: number[], at: string) {
  if (ids.length === 0) return;
  await db
    .updateTable('vegetation_records')
    .set({
      planned_date: null,
      team_id: null,
      late_reason: null,
      status: sql`case when status = 'blocked' then status else 'unscheduled' end`,
      version: sql`version + 1`,
      updated_at: at,
    })
    .where('id', 'in', ids)
    .where('status', '!=', 'done')
    .execute();
}

export interface PackageValues {
  team_id: number;
  date: string;
  days: number;
  last_date: string;
  line_id: number;
  method: string;
  minutes: number;
  override_reason: string | null;
  notes: string | null;
  updated_at: string;
}

export const insertPackage = async (db: Kysely<DB>, values: PackageValues, by: string) =>
  (
    await db
      .insertInto('work_packages')
      .values({ ...values, status: 'planned', created_by: by, created_at: values.updated_at })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;

/** Adds and drops a package's records. */
export async function setPackageRecords(db: Kysely<DB>, packageId: number, add: number[], drop: number[]) {
  if (drop.length)
    await db
      .deleteFrom('work_package_records')
      .where('package_id', '=', packageId)
      .where('record_id', 'in', drop)
      .execute();
  if (add.length)
    await db
      .insertInto('work_package_records')
      .values(add.map((record_id) => ({ package_id: packageId, record_id, notified_on: null, distance_after: null })))
      .execute();
}

/** The landowners of these records were handed their notices on `date`: the records are 已通知, the package too. */
export async function markNotified(
  db: Kysely<DB>,
  packageId: number,
  recordIds: number[],
  date: string,
  movePackage: boolean,
  at: string,
) {
  if (recordIds.length) {
    await db
      .updateTable('work_package_records')
      .set({ notified_on: date })
      .where('package_id', '=', packageId)
      .where('record_id', 'in', recordIds)
      .execute();
    await db
      .updateTable('vegetation_records')
      .set({ status: 'notified', version: sql`version + 1`, updated_at: at })
      .where('id', 'in', recordIds)
      .where('status', 'in', ['unscheduled', 'scheduled'])
      .execute();
  }
  if (movePackage)
    await db
      .updateTable('work_packages')
      .set({ status: 'notified', version: sql`version + 1`, updated_at: at })
      .where('id', '=', packageId)
      .execute();
}

/** The 派工单 is printed: its number is kept, the print counted; the first issue starts the work (作业中, records 处理中). */
export async function issueOrder(
  db: Kysely<DB>,
  packageId: number,
  orderNo: string,
  recordIds: number[],
  starts: boolean,
  at: string,
) {
  await db
    .updateTable('work_packages')
    .set({
      order_no: orderNo,
      orders_printed: sql`orders_printed + 1`,
      ...(starts ? { status: 'working' } : {}),
      version: sql`version + 1`,
      updated_at: at,
    })
    .where('id', '=', packageId)
    .execute();
  if (starts && recordIds.length) {
    await db
      .updateTable('vegetation_records')
      .set({ status: 'in_progress', version: sql`version + 1`, updated_at: at })
      .where('id', 'in', recordIds)
      .where('status', 'in', ['unscheduled', 'scheduled', 'notified'])
      .execute();
  }
}

/** A record's distance after the work, on its package line. */
export const recordDistanceAfter = (db: Kysely<DB>, packageId: number, recordId: number, distance: number) =>
  db
    .updateTable('work_package_records')
    .set({ distance_after: distance })
    .where('package_id', '=', packageId)
    .where('record_id', '=', recordId)
    .execute();

/** Done, far enough: 已完成 with the next trimming date from the cycle. */
export const finishRecord = (
  db: Kysely<DB>,
  id: number,
  v: { doneDate: string; distanceAfter: number; next: string },
  at: string,
) =>
  db
    .updateTable('vegetation_records')
    .set({
      status: 'done',
      completed_date: v.doneDate,
      distance_after: v.distanceAfter,
      next_due_date: v.next,
      due_date: v.next,
      late_reason: null,
      version: sql`version + 1`,
      updated_at: at,
    })
    .where('id', '=', id)
    .execute();

/** Still too close after the work: back to the backlog, judged again from that day, out of the package. */
export async function returnRecord(
  db: Kysely<DB>,
  packageId: number,
  id: number,
  v: { distanceAfter: number; grade: string; basisJson: string; foundDate: string; deadline: string },
  at: string,
) {
  await db
    .updateTable('vegetation_records')
    .set({
      status: 'unscheduled',
      planned_date: null,
      team_id: null,
      late_reason: null,
      vertical_distance: v.distanceAfter,
      horizontal_distance: null,
      hazard_grade: v.grade,
      hazard_basis_json: v.basisJson,
      found_date: v.foundDate,
      deadline: v.deadline,
      due_date: v.deadline,
      version: sql`version + 1`,
      updated_at: at,
    })
    .where('id', '=', id)
    .execute();
  await db.deleteFrom('work_package_records').where('package_id', '=', packageId).where('record_id', '=', id).execute();
}

const NOT_DONE = ['planned', 'notified', 'working'];

const packageList = (db: Kysely<DB>) =>
  db
    .selectFrom('work_packages as p')
    .innerJoin('teams as tm', 'tm.id', 'p.team_id')
    .innerJoin('lines as l', 'l.id', 'p.line_id')
    .selectAll('p')
    .select(['tm.name as team_name', 'l.name as line_name'])
    .select((eb) =>
      eb
        .selectFrom('work_package_records as pr')
        .innerJoin('vegetation_records as v', 'v.id', 'pr.record_id')
        .select((e) => e.fn.coalesce(e.fn.sum<number>('v.tree_count'), sql<number>`0`).as('n'))
        .whereRef('pr.package_id', '=', 'p.id')
        .as('trees'),
    );
type ListedPackage = Awaited<ReturnType<ReturnType<typeof packageList>['executeTakeFirstOrThrow']>>;

/** Packages as a list: by status, team, days; late ones; ones whose landowners must be told now (within `lead` + 2 days). */
export function packagesGrid(db: Kysely<DB>, req: ParsedInputOf<'trimming.packages'>, today: string, lead: number) {
  return gridPageOf({
    base: () => {
      let q = packageList(db).where('p.status', '!=', 'cancelled');
      if (req.statuses?.length) q = q.where('p.status', 'in', req.statuses);
      if (req.teamId) q = q.where('p.team_id', '=', req.teamId);
      if (req.from) q = q.where('p.last_date', '>=', req.from);
      if (req.to) q = q.where('p.date', '<=', req.to);
      if (req.late) q = q.where('p.status', 'in', NOT_DONE).where('p.last_date', '<', today);
      if (req.noticesDue) {
        q = q
          .where('p.status', 'in', NOT_DONE)
          .where('p.date', '>=', today)
          .where('p.date', '<=', addDays(today, lead + 2))
          .where(({ exists, selectFrom }) =>
            exists(
              selectFrom('work_package_records as pr')
                .innerJoin('vegetation_records as v', 'v.id', 'pr.record_id')
                .select('pr.record_id')
                .whereRef('pr.package_id', '=', 'p.id')
                .where('pr.notified_on', 'is', null)
                .where('v.landowner', 'is not', null)
                .where('v.landowner', '!=', '')
                .where('v.hazard_grade', '!=', 'emergency'),
            ),
          );
      }
      return q;
    },
    select: (q: unknown) => q as ReturnType<typeof packageList>,
    req,
    columns: {
      date: { ref: 'p.date', type: 'date' },
      teamName: { ref: 'tm.name', type: 'text' },
      lineName: { ref: 'l.name', type: 'text' },
      status: { ref: 'p.status', type: 'text' },
      orderNo: { ref: 'p.order_no', type: 'text' },
    },
    search: ['l.name', 'tm.name', 'p.order_no'],
    tieBreaker: 'p.id',
    defaultSort: [{ colId: 'date', sort: 'asc' as const }],
    map: (p: ListedPackage) => ({
      id: p.id,
      version: p.version,
      createdAt: p.created_at,
      updatedAt: p.updated_at,
      teamId: p.team_id,
      teamName: p.team_name,
      date: p.date,
      days: p.days,
      lastDate: p.last_date,
      lineId: p.line_id,
      lineName: p.line_name,
      method: p.method as PackageRow['method'],
      status: p.status as PackageRow['status'],
      minutes: p.minutes,
      trees: Number(p.trees ?? 0),
      orderNo: p.order_no,
      ordersPrinted: p.orders_printed,
      doneDate: p.done_date,
      acceptedBy: p.accepted_by,
      acceptedAt: p.accepted_at,
      overrideReason: p.override_reason,
      notes: p.notes,
    }),
  });
}
