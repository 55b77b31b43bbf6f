import type { Kysely } from 'kysely';
import {
  formatTowerRange,
  type BacklogRecord,
  type CalendarDay,
  type PackageRecord,
  type PackageRow,
  type ParsedInputOf,
  type PlanTeam,
} from '../../contract';
import type { DB } from '../db/schema';
import { loadSettings, type Settings } from '../settings/settings.repository';
import { addDays } from '../shared/time';
import { type Placement, type PlanWorld, type RuleCalendar, type RuleRecord, type RuleTeam } from './trimming.rules';
import { outagesBetween, windowsForRules } from './outages.repository';

/** All SQL of the trimming board. */

export interface PlannerSettings {
  minutesPerTree: Record<'trim' | 'fell' | 'transplant', number>;
  adjacentTowers: number;
  noticeLeadDays: number;
  outageNoticeDays: number;
}

/** The planner's rule context: its thresholds from the settings (one read per call, like every module's load…Context). */
export const loadTrimmingContext = async (db: Kysely<DB>): Promise<PlannerSettings> =>
  plannerSettings(await loadSettings(db));

const plannerSettings = (s: Settings): PlannerSettings => ({
  minutesPerTree: {
    trim: s.number('trimming.minutesPerTree.trim'),
    fell: s.number('trimming.minutesPerTree.fell'),
    transplant: s.number('trimming.minutesPerTree.transplant'),
  },
  adjacentTowers: s.number('trimming.adjacentTowers'),
  noticeLeadDays: s.number('trimming.noticeLeadDays'),
  outageNoticeDays: s.number('trimming.outageNoticeDays'),
});

/* ---------- teams and the calendar ---------- */

export async function loadTeams(db: Kysely<DB>, ids?: number[]): Promise<PlanTeam[]> {
  let q = db
    .selectFrom('teams')
    .select(['id', 'version', 'name', 'hours_per_day', 'crew_size'])
    .where('deleted_at', 'is', null);
  if (ids) q = q.where('id', 'in', ids.length ? ids : [0]);
  const teams = await q.orderBy('name').orderBy('id').execute();
  const [townships, away] = await Promise.all([
    db.selectFrom('team_townships').select(['team_id', 'township_id']).orderBy('township_id').execute(),
    db.selectFrom('team_unavailability').selectAll().orderBy('from_date').orderBy('id').execute(),
  ]);
  return teams.map((t) => ({
    id: t.id,
    version: t.version,
    name: t.name,
    hoursPerDay: t.hours_per_day,
    crewSize: t.crew_size,
    capacity: Math.round(t.hours_per_day * 60 * t.crew_size),
    townshipIds: townships.filter((x) => x.team_id === t.id).map((x) => x.township_id),
    unavailable: away
      .filter((a) => a.team_id === t.id)
      .map((a) => ({ id: a.id, teamId: a.team_id, fromDate: a.from_date, toDate: a.to_date, reason: a.reason })),
  }));
}

export async function calendarDays(db: Kysely<DB>, from: string, to: string): Promise<CalendarDay[]> {
  const rows = await db
    .selectFrom('office_calendar')
    .select(['date', 'kind', 'name'])
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('date')
    .execute();
  return rows.map((r) => ({ date: r.date, kind: r.kind as CalendarDay['kind'], name: r.name }));
}

export async function loadCalendar(db: Kysely<DB>, from: string, to: string): Promise<RuleCalendar> {
  const days = await calendarDays(db, from, to);
  return {
    holidays: new Map(days.filter((d) => d.kind === 'holiday').map((d) => [d.date, d.name])),
    workdays: new Set(days.filter((d) => d.kind === 'workday').map((d) => d.date)),
  };
}

/* ---------- records as the board sees them ---------- */

const boardRecords = (db: Kysely<DB>) =>
  db
    .selectFrom('vegetation_records as v')
    .innerJoin('lines as l', 'l.id', 'v.line_id')
    .leftJoin('townships as t', 't.id', 'v.township_id')
    .leftJoin('villages as vi', 'vi.id', 'v.village_id')
    .select([
      'v.id',
      'v.line_id',
      'v.tower_from',
      'v.tower_to',
      'v.township_id',
      'v.landowner',
      'v.landowner_phone',
      'v.species',
      'v.tree_count',
      'v.action',
      'v.hazard_grade',
      'v.status',
      'v.deadline',
      'v.planted_in_zone',
      'v.version',
      'v.planned_date',
      'v.team_id',
      'v.tree_class',
      'v.found_date',
      'v.created_at',
      'l.name as line_name',
      'l.voltage',
      'l.conductor',
      't.name as township_name',
      'vi.name as village_name',
    ]);
export type BoardRecordRow = Awaited<ReturnType<ReturnType<typeof boardRecords>['executeTakeFirstOrThrow']>>;

export function toBacklogRecord(r: BoardRecordRow, s: PlannerSettings): BacklogRecord {
  return {
    id: r.id,
    lineId: r.line_id,
    lineName: r.line_name,
    towerFrom: r.tower_from,
    towerTo: r.tower_to,
    towerRange: formatTowerRange(r.tower_from, r.tower_to),
    townshipId: r.township_id,
    townshipName: r.township_name,
    villageName: r.village_name,
    landowner: r.landowner,
    landownerPhone: r.landowner_phone,
    species: r.species,
    treeCount: r.tree_count,
    action: r.action as BacklogRecord['action'],
    hazardGrade: r.hazard_grade as BacklogRecord['hazardGrade'],
    status: r.status as BacklogRecord['status'],
    deadline: r.deadline,
    plantedInZone: r.planted_in_zone === 1,
    minutes: r.tree_count * s.minutesPerTree[r.action as 'trim'],
  };
}

export const recordsById = (db: Kysely<DB>, ids: number[]) =>
  ids.length
    ? boardRecords(db).where('v.id', 'in', ids).where('v.deleted_at', 'is', null).execute()
    : Promise.resolve([]);

/** Packages that still hold their records: everything but 已取消. */
const ACTIVE = ['planned', 'notified', 'working', 'awaiting_acceptance', 'accepted'];

/**
 * The backlog: open records (not done) in no active package, by line in tower order. 受阻 ones are
 * listed too (the board shows why they cannot be planned).
 */
export async function backlog(db: Kysely<DB>, input: ParsedInputOf<'trimming.backlog'>, s: PlannerSettings) {
  let q = boardRecords(db)
    .where('v.deleted_at', 'is', null)
    .where('v.status', '!=', 'done')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('work_package_records as pr')
            .innerJoin('work_packages as p', 'p.id', 'pr.package_id')
            .select('pr.record_id')
            .whereRef('pr.record_id', '=', 'v.id')
            .where('p.status', 'in', ACTIVE),
        ),
      ),
    );
  if (input.lineId) q = q.where('v.line_id', '=', input.lineId);
  if (input.townshipId) q = q.where('v.township_id', '=', input.townshipId);
  if (input.grades?.length) q = q.where('v.hazard_grade', 'in', input.grades);
  if (input.dueBy) q = q.where('v.deadline', '<=', input.dueBy);
  if (input.search) {
    const like = `%${input.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb('v.landowner', 'like', like),
        eb('l.name', 'like', like),
        eb('vi.name', 'like', like),
        eb('t.name', 'like', like),
      ]),
    );
  }
  const rows = await q
    .orderBy('l.name')
    .orderBy('v.line_id')
    .orderBy('v.tower_from')
    .orderBy('v.id')
    .limit(input.limit + 1)
    .execute();
  return {
    records: rows.slice(0, input.limit).map((r) => toBacklogRecord(r, s)),
    total: rows.length > input.limit ? input.limit + 1 : rows.length,
  };
}

/** Every open record in no active package (for the automatic plan), with the line's voltage. */
export const openBacklog = (db: Kysely<DB>) =>
  boardRecords(db)
    .where('v.deleted_at', 'is', null)
    .where('v.status', '!=', 'done')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('work_package_records as pr')
            .innerJoin('work_packages as p', 'p.id', 'pr.package_id')
            .select('pr.record_id')
            .whereRef('pr.record_id', '=', 'v.id')
            .where('p.status', 'in', ACTIVE),
        ),
      ),
    )
    .orderBy('v.id')
    .execute();

/* ---------- packages ---------- */

const packages = (db: Kysely<DB>) =>
  db
    .selectFrom('work_packages as p')
    .innerJoin('teams as tm', 'tm.id', 'p.team_id')
    .innerJoin('lines as l', 'l.id', 'p.line_id')
    .selectAll('p')
    .select(['tm.name as team_name', 'l.name as line_name']);
type PackageJoined = Awaited<ReturnType<ReturnType<typeof packages>['executeTakeFirstOrThrow']>>;

async function withRecords(
  db: Kysely<DB>,
  rows: PackageJoined[],
  s: PlannerSettings,
): Promise<Omit<PackageRow, 'violations'>[]> {
  const links = rows.length
    ? await db
        .selectFrom('work_package_records')
        .selectAll()
        .where(
          'package_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
    : [];
  const records = new Map((await recordsById(db, [...new Set(links.map((l) => l.record_id))])).map((r) => [r.id, r]));
  return rows.map((p) => {
    const mine: PackageRecord[] = links
      .filter((l) => l.package_id === p.id && records.has(l.record_id))
      .map((l) => ({
        ...toBacklogRecord(records.get(l.record_id)!, s),
        notifiedOn: l.notified_on,
        distanceAfter: l.distance_after,
      }))
      .sort((a, b) => a.towerFrom - b.towerFrom || a.id - b.id);
    return {
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
      trees: mine.reduce((n, r) => n + r.treeCount, 0),
      records: mine,
      orderNo: p.order_no,
      ordersPrinted: p.orders_printed,
      doneDate: p.done_date,
      acceptedBy: p.accepted_by,
      acceptedAt: p.accepted_at,
      overrideReason: p.override_reason,
      notes: p.notes,
    };
  });
}

/** Active packages with any day in [from, to]. */
export async function packagesBetween(db: Kysely<DB>, from: string, to: string, s: PlannerSettings, teamId?: number) {
  let q = packages(db).where('p.status', 'in', ACTIVE).where('p.date', '<=', to).where('p.last_date', '>=', from);
  if (teamId) q = q.where('p.team_id', '=', teamId);
  return withRecords(db, await q.orderBy('p.date').orderBy('tm.name').orderBy('p.id').execute(), s);
}

export async function packagesById(db: Kysely<DB>, ids: number[], s: PlannerSettings) {
  if (ids.length === 0) return [];
  return withRecords(db, await packages(db).where('p.id', 'in', ids).orderBy('p.date').orderBy('p.id').execute(), s);
}

/** Active packages holding any of these records. */
export async function packagesHolding(db: Kysely<DB>, recordIds: number[], s: PlannerSettings) {
  if (recordIds.length === 0) return [];
  const ids = await db
    .selectFrom('work_package_records as pr')
    .innerJoin('work_packages as p', 'p.id', 'pr.package_id')
    .select('p.id')
    .distinct()
    .where('pr.record_id', 'in', recordIds)
    .where('p.status', 'in', ACTIVE)
    .execute();
  return packagesById(
    db,
    ids.map((r) => r.id),
    s,
  );
}

export const toPlacement = (
  p: Pick<PackageRow, 'id' | 'teamId' | 'date' | 'days' | 'method' | 'records'>,
): Placement => ({
  key: p.id,
  teamId: p.teamId,
  date: p.date,
  days: p.days,
  method: p.method,
  recordIds: p.records.map((r) => r.id),
});

export function toRuleRecord(r: BoardRecordRow, notifiedOn: string | null): RuleRecord {
  return {
    id: r.id,
    lineId: r.line_id,
    towerFrom: r.tower_from,
    towerTo: r.tower_to,
    townshipId: r.township_id,
    treeCount: r.tree_count,
    action: r.action as RuleRecord['action'],
    grade: r.hazard_grade,
    deadline: r.deadline,
    status: r.status,
    hasLandowner: !!r.landowner?.trim(),
    notifiedOn,
  };
}

/** What the checker needs for these placements: their records, the teams, the windows and calendar of their days. */
export async function worldFor(
  db: Kysely<DB>,
  placements: Placement[],
  s: PlannerSettings,
  today: string,
  extraRecordIds: number[] = [],
): Promise<PlanWorld> {
  const from = placements.map((p) => p.date).sort()[0] ?? today;
  const to =
    placements
      .map((p) => addDays(p.date, p.days - 1))
      .sort()
      .at(-1) ?? today;
  const ids = [...new Set([...placements.flatMap((p) => p.recordIds), ...extraRecordIds])];
  const [rows, teams, windows, calendar, notified] = await Promise.all([
    recordsById(db, ids),
    loadTeams(db),
    outagesBetween(db, from, to),
    loadCalendar(db, from, to),
    ids.length
      ? db
          .selectFrom('work_package_records as pr')
          .innerJoin('work_packages as p', 'p.id', 'pr.package_id')
          .select(['pr.record_id', 'pr.notified_on'])
          .where('pr.record_id', 'in', ids)
          .where('p.status', 'in', ACTIVE)
          .where('pr.notified_on', 'is not', null)
          .execute()
      : Promise.resolve([]),
  ]);
  const notifiedOn = new Map(notified.map((n) => [n.record_id, n.notified_on]));
  return {
    records: new Map(rows.map((r) => [r.id, toRuleRecord(r, notifiedOn.get(r.id) ?? null)])),
    teams: new Map(
      teams.map((t): [number, RuleTeam] => [
        t.id,
        {
          id: t.id,
          name: t.name,
          capacity: t.capacity,
          crewSize: t.crewSize,
          townshipIds: t.townshipIds,
          unavailable: t.unavailable,
        },
      ]),
    ),
    windows: windowsForRules(windows),
    calendar,
    minutesPerTree: s.minutesPerTree,
    noticeLeadDays: s.noticeLeadDays,
    today,
  };
}

/** 派工单号: the month of the work and a running number within it (2026-12-0031). */
export async function nextOrderNo(db: Kysely<DB>, date: string): Promise<string> {
  const prefix = date.slice(0, 7);
  const last = await db
    .selectFrom('work_packages')
    .select('order_no')
    .where('order_no', 'like', `${prefix}-%`)
    .orderBy('order_no', 'desc')
    .limit(1)
    .executeTakeFirst();
  const n = last?.order_no ? Number(last.order_no.slice(8)) + 1 : 1;
  return `${prefix}-${String(n).padStart(4, '0')}`;
}
