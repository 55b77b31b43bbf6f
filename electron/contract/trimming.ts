import { z } from 'zod';
import { APPROVERS, EVERYONE, LEDGER_EDITORS, PLANNERS, command, query } from './method';
import {
  gridPage,
  gridRequestWith,
  id,
  idInput,
  isoDate,
  optionalDate,
  optionalText,
  recordMeta,
  requiredText,
  version,
} from './common';
import { clearanceAction, hazardGrade, vegetationStatus } from './vegetation';

/** The planner's tree-trimming board (树障清理计划): work packages, teams' calendar, outage windows. */

/** Who records work done: the planner, or a clerk typing in the team's report. */
const RECORDERS = LEDGER_EDITORS;

/** 不停电 / 停电 / 带电作业. */
export const WORK_METHODS = ['no_outage', 'outage', 'live'] as const;
export const workMethod = z.enum(WORK_METHODS);
export type WorkMethod = z.infer<typeof workMethod>;

/** 已计划 → 已通知 → 作业中 → 待验收 → 已验收; 已取消 keeps the history of a package given up. */
export const PACKAGE_STATUSES = [
  'planned',
  'notified',
  'working',
  'awaiting_acceptance',
  'accepted',
  'cancelled',
] as const;
export const packageStatus = z.enum(PACKAGE_STATUSES);
export type PackageStatus = z.infer<typeof packageStatus>;

/** Every rule a placement is checked by, by the board and the automatic plan alike. */
export const PLAN_RULES = [
  'capacity',
  'nonWorkingDay',
  'teamUnavailable',
  'township',
  'blocked',
  'deadline',
  'outage',
  'notice',
  'taken',
] as const;
export const planRule = z.enum(PLAN_RULES);
export type PlanRule = z.infer<typeof planRule>;

export const planViolation = z.object({
  rule: planRule,
  date: z.string().nullable(),
  recordId: id.nullable(),
  /** What the message needs: load and capacity in person-minutes, a deadline, a reason, a township … */
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type PlanViolation = z.infer<typeof planViolation>;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'trimming.time' });

/* ---------- teams' capacity and the office calendar ---------- */

export const teamUnavailability = z.object({
  id,
  teamId: id,
  fromDate: z.string(),
  toDate: z.string(),
  reason: z.string(),
});
export type TeamUnavailability = z.infer<typeof teamUnavailability>;

export const planTeam = z.object({
  id,
  version,
  name: z.string(),
  hoursPerDay: z.number(),
  crewSize: z.number().int(),
  /** Person-minutes a day: crew × hours × 60. */
  capacity: z.number().int(),
  townshipIds: z.array(id),
  unavailable: z.array(teamUnavailability),
});
export type PlanTeam = z.infer<typeof planTeam>;

export const CALENDAR_KINDS = ['holiday', 'workday'] as const;
export const calendarDay = z.object({ date: z.string(), kind: z.enum(CALENDAR_KINDS), name: z.string() });
export type CalendarDay = z.infer<typeof calendarDay>;

/* ---------- outage windows (停电计划) ---------- */

export const OUTAGE_STATUSES = ['requested', 'approved', 'cancelled'] as const;
export const outageStatus = z.enum(OUTAGE_STATUSES);

export const outageInput = z
  .object({
    id: id.optional(),
    version: version.optional(),
    lineId: id,
    date: isoDate,
    startTime: hhmm,
    endTime: hhmm,
    /** Empty: the whole line. */
    towerFrom: z.number().int().min(1).max(9999).nullable().optional(),
    towerTo: z.number().int().min(1).max(9999).nullable().optional(),
    reason: requiredText(200),
    customersAffected: z
      .number({ error: 'validation.number' })
      .int({ error: 'validation.integer' })
      .min(0)
      .max(1_000_000),
    notes: optionalText(500),
  })
  .superRefine((w, ctx) => {
    if (w.endTime <= w.startTime)
      ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'trimming.outage.endBeforeStart' });
    if ((w.towerFrom == null) !== (w.towerTo == null))
      ctx.addIssue({ code: 'custom', path: ['towerTo'], message: 'trimming.outage.towersBoth' });
    if (w.towerFrom != null && w.towerTo != null && w.towerTo < w.towerFrom)
      ctx.addIssue({ code: 'custom', path: ['towerTo'], message: 'trimming.outage.towersOrder' });
  });
export type OutageInput = z.input<typeof outageInput>;

export const outageRow = z.object({
  ...recordMeta,
  lineId: id,
  lineName: z.string(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  towerFrom: z.number().int().nullable(),
  towerTo: z.number().int().nullable(),
  reason: z.string(),
  customersAffected: z.number().int(),
  status: outageStatus,
  requestedBy: z.string().nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  /** The day customers were told (停电通知 posted, SMS sent); at least outageNoticeDays before. */
  customersNotifiedOn: z.string().nullable(),
  /** Approved, or asked for, with less notice than the setting: flagged on the board and the list. */
  shortNotice: z.boolean(),
  notes: z.string().nullable(),
});
export type OutageRow = z.infer<typeof outageRow>;

/* ---------- work packages (作业包) ---------- */

export const packageRecord = z.object({
  id,
  lineId: id,
  lineName: z.string(),
  towerFrom: z.number().int(),
  towerTo: z.number().int(),
  towerRange: z.string(),
  townshipId: id.nullable(),
  townshipName: z.string().nullable(),
  villageName: z.string().nullable(),
  landowner: z.string().nullable(),
  landownerPhone: z.string().nullable(),
  species: z.string(),
  treeCount: z.number().int(),
  action: clearanceAction,
  hazardGrade,
  status: vegetationStatus,
  deadline: z.string().nullable(),
  plantedInZone: z.boolean(),
  /** Person-minutes this record's trees take (trees × minutes per tree for its action). */
  minutes: z.number().int(),
  /** When the landowner's notice was marked delivered, if it was. */
  notifiedOn: z.string().nullable(),
  distanceAfter: z.number().nullable(),
});
export type PackageRecord = z.infer<typeof packageRecord>;

export const packageRow = z.object({
  ...recordMeta,
  teamId: id,
  teamName: z.string(),
  date: z.string(),
  /** A run of days (1 = one day); the work is spread evenly over them. */
  days: z.number().int().min(1),
  lastDate: z.string(),
  lineId: id,
  lineName: z.string(),
  method: workMethod,
  status: packageStatus,
  minutes: z.number().int(),
  trees: z.number().int(),
  records: z.array(packageRecord),
  /** 派工单号, e.g. 2026-12-0031, given when the order is first issued. */
  orderNo: z.string().nullable(),
  ordersPrinted: z.number().int(),
  doneDate: z.string().nullable(),
  acceptedBy: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  overrideReason: z.string().nullable(),
  notes: z.string().nullable(),
  /** The rules it breaks as it stands now (saved as an override, or broken since). */
  violations: z.array(planViolation),
});
export type PackageRow = z.infer<typeof packageRow>;

export const packageInput = z.object({
  id: id.optional(),
  version: version.optional(),
  teamId: id,
  date: isoDate,
  days: z.number().int().min(1).max(14).default(1),
  method: workMethod.default('no_outage'),
  recordIds: z.array(id).min(1, { error: 'trimming.package.noRecords' }).max(200),
  /** Saving a placement that breaks a rule needs a reason: it goes into the audit log. */
  overrideReason: optionalText(300),
  notes: optionalText(500),
});
export type PackageInput = z.input<typeof packageInput>;

/* ---------- the board ---------- */

export const boardDay = z.object({ date: z.string(), working: z.boolean(), holiday: z.string().nullable() });

export const teamDayLoad = z.object({
  teamId: id,
  date: z.string(),
  minutes: z.number().int(),
  capacity: z.number().int(),
});

export const boardOutput = z.object({
  days: z.array(boardDay),
  teams: z.array(planTeam),
  packages: z.array(packageRow),
  loads: z.array(teamDayLoad),
  windows: z.array(outageRow),
  /** The month plan the days fall in, if submitted or approved. */
  month: z.lazy(() => monthPlanRow).nullable(),
});
export type BoardOutput = z.infer<typeof boardOutput>;

export const backlogInput = z.object({
  lineId: id.optional(),
  townshipId: id.optional(),
  grades: z.array(hazardGrade).max(3).optional(),
  /** Only records whose deadline falls on or before this day. */
  dueBy: optionalDate,
  search: z.string().trim().max(50).optional(),
  limit: z.number().int().min(1).max(5000).default(2000),
});

export const backlogRecord = packageRecord.omit({ notifiedOn: true, distanceAfter: true });
export type BacklogRecord = z.infer<typeof backlogRecord>;

/* ---------- the automatic plan ---------- */

export const UNPLACED_REASONS = ['noTeam', 'capacity', 'noWindow', 'blocked'] as const;

export const planDraftPackage = z.object({
  teamId: id,
  date: z.string(),
  days: z.number().int(),
  lineId: id,
  method: workMethod,
  recordIds: z.array(id),
  minutes: z.number().int(),
});
export type PlanDraftPackage = z.infer<typeof planDraftPackage>;

export const autoPlanOutcome = z.object({
  from: z.string(),
  to: z.string(),
  packages: z.array(planDraftPackage),
  unplaced: z.array(z.object({ recordId: id, reason: z.enum(UNPLACED_REASONS) })),
  /** Placed after a deadline that had already passed when the plan was made. */
  late: z.array(id),
  teamDays: z.number().int(),
  ms: z.number().int(),
});
export type AutoPlanOutcome = z.infer<typeof autoPlanOutcome>;

export const autoPlanInput = z
  .object({
    from: isoDate,
    to: isoDate,
    townshipIds: z.array(id).max(200).optional(),
    lineIds: z.array(id).max(500).optional(),
    teamIds: z.array(id).max(100).optional(),
  })
  .refine((r) => r.to >= r.from, { path: ['to'], error: 'trimming.rangeOrder' })
  .refine((r) => (Date.parse(r.to) - Date.parse(r.from)) / 86_400_000 <= 184, {
    path: ['to'],
    error: 'trimming.rangeTooLong',
  });

/* ---------- the month's plan ---------- */

export const MONTH_PLAN_STATUSES = ['draft', 'submitted', 'approved'] as const;
export const monthPlanRow = z.object({
  month: z.string(),
  status: z.enum(MONTH_PLAN_STATUSES),
  /** Approved versions count up; changes after approval are listed against the last one. */
  approvedVersion: z.number().int(),
  submittedBy: z.string().nullable(),
  submittedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  packages: z.number().int(),
  /** Packages added, moved or dropped since the approved version. */
  changes: z.array(z.object({ kind: z.enum(['added', 'moved', 'removed']), packageId: id, summary: z.string() })),
});
export type MonthPlanRow = z.infer<typeof monthPlanRow>;

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'trimming.month' });

/* ---------- prints ---------- */

export const noticeLetter = z.object({
  landowner: z.string(),
  landownerPhone: z.string().nullable(),
  villageName: z.string().nullable(),
  townshipName: z.string().nullable(),
  lineName: z.string(),
  towers: z.string(),
  items: z.array(
    z.object({ species: z.string(), treeCount: z.number().int(), action: clearanceAction, plantedInZone: z.boolean() }),
  ),
  date: z.string(),
  teamName: z.string(),
  packageId: id,
});
export type NoticeLetter = z.infer<typeof noticeLetter>;

export const weekPlanRow = z.object({
  date: z.string(),
  teamName: z.string(),
  lineName: z.string(),
  towers: z.string(),
  trees: z.number().int(),
  actions: z.array(clearanceAction),
  method: workMethod,
  window: z.string().nullable(),
  notified: z.enum(['all', 'some', 'none', 'nobody']),
  orderNo: z.string().nullable(),
  packageId: id,
});
export type WeekPlanRow = z.infer<typeof weekPlanRow>;

export const trimmingMethods = {
  'trimming.teams': query(EVERYONE, z.object({}), z.object({ teams: z.array(planTeam) })),
  'trimming.saveTeam': command(
    PLANNERS,
    z.object({
      teamId: id,
      version,
      hoursPerDay: z
        .number({ error: 'validation.number' })
        .min(1, { error: 'validation.too_small' })
        .max(16, { error: 'validation.too_big' }),
      crewSize: z
        .number({ error: 'validation.number' })
        .int({ error: 'validation.integer' })
        .min(1, { error: 'validation.too_small' })
        .max(50, { error: 'validation.too_big' }),
      townshipIds: z.array(id).max(200),
    }),
    planTeam,
  ),
  'trimming.saveUnavailability': command(
    PLANNERS,
    z
      .object({ teamId: id, fromDate: isoDate, toDate: isoDate, reason: requiredText(100) })
      .refine((r) => r.toDate >= r.fromDate, { path: ['toDate'], error: 'trimming.rangeOrder' }),
    teamUnavailability,
  ),
  'trimming.deleteUnavailability': command(PLANNERS, idInput, z.object({ ok: z.literal(true) })),

  'calendar.list': query(
    EVERYONE,
    z.object({ year: z.number().int().min(2000).max(2100) }),
    z.object({ days: z.array(calendarDay) }),
  ),
  'calendar.save': command(
    ['admin'],
    z.object({ date: isoDate, kind: z.enum(CALENDAR_KINDS), name: requiredText(20) }),
    calendarDay,
  ),
  'calendar.delete': command(['admin'], z.object({ date: isoDate }), z.object({ ok: z.literal(true) })),

  'trimming.board': query(
    EVERYONE,
    z
      .object({ from: isoDate, to: isoDate })
      .refine((r) => r.to >= r.from && (Date.parse(r.to) - Date.parse(r.from)) / 86_400_000 <= 62, {
        path: ['to'],
        error: 'trimming.rangeTooLong',
      }),
    boardOutput,
  ),
  'trimming.backlog': query(
    EVERYONE,
    backlogInput,
    z.object({ records: z.array(backlogRecord), total: z.number().int() }),
  ),
  /** The rules a placement would break, before it is saved: what a drag shows at once. */
  'trimming.check': query(
    PLANNERS,
    packageInput,
    z.object({ violations: z.array(planViolation), minutes: z.number().int() }),
  ),
  'trimming.savePackage': command(PLANNERS, packageInput, z.object({ package: packageRow })),
  'trimming.cancelPackage': command(
    PLANNERS,
    z.object({ id, version, reason: requiredText(200) }),
    z.object({ package: packageRow }),
  ),
  'trimming.package': query(EVERYONE, idInput, packageRow),
  /** Packages as a list (the bell's links, the package register). */
  'trimming.packages': query(
    EVERYONE,
    gridRequestWith({
      statuses: z.array(packageStatus).max(6).optional(),
      teamId: id.optional(),
      from: optionalDate,
      to: optionalDate,
      /** Past their last day and not done. */
      late: z.boolean().optional(),
      /** Within the notice lead (plus two days) with a landowner not yet told. */
      noticesDue: z.boolean().optional(),
    }),
    gridPage(packageRow.omit({ records: true, violations: true })),
  ),

  'trimming.autoPlan': command(PLANNERS, autoPlanInput, z.object({ jobId: z.string() })),
  /** Writes an automatic plan's draft (checked again, all or nothing). */
  'trimming.acceptDraft': command(
    PLANNERS,
    z.object({ jobId: z.string().regex(/^[a-f0-9]{24}$/) }),
    z.object({ created: z.number().int() }),
  ),

  'trimming.markNotified': command(
    RECORDERS,
    z.object({ packageIds: z.array(id).min(1).max(500), date: isoDate }),
    z.object({ records: z.number().int(), packages: z.number().int() }),
  ),
  'trimming.issueOrder': command(PLANNERS, idInput, z.object({ package: packageRow, reprint: z.boolean() })),
  'trimming.recordDone': command(
    RECORDERS,
    z.object({
      id,
      version,
      doneDate: isoDate,
      results: z
        .array(z.object({ recordId: id, distanceAfter: z.number({ error: 'validation.number' }).min(0).max(200) }))
        .min(1),
    }),
    z.object({ package: packageRow, backToBacklog: z.array(z.object({ recordId: id, grade: hazardGrade })) }),
  ),
  'trimming.accept': command(
    ['planner', 'manager', 'admin'],
    z.object({ id, version }),
    z.object({ package: packageRow }),
  ),

  'trimming.notices': query(
    EVERYONE,
    z.object({ packageIds: z.array(id).max(500).optional(), weekOf: optionalDate }),
    z.object({ letters: z.array(noticeLetter) }),
  ),
  'trimming.weekPlan': query(
    EVERYONE,
    z.object({ weekOf: isoDate, teamId: id.optional() }),
    z.object({ from: z.string(), to: z.string(), rows: z.array(weekPlanRow) }),
  ),
  'trimming.weekPlanExport': query(
    EVERYONE,
    z.object({ weekOf: isoDate, teamId: id.optional(), language: z.enum(['zh-CN', 'en']).default('zh-CN') }),
    z.object({ fileId: z.string(), name: z.string() }),
  ),

  'trimming.month': query(EVERYONE, z.object({ month }), monthPlanRow),
  'trimming.submitMonth': command(PLANNERS, z.object({ month }), monthPlanRow),
  'trimming.approveMonth': command(APPROVERS, z.object({ month }), monthPlanRow),

  'outages.list': query(
    EVERYONE,
    gridRequestWith({
      lineId: id.optional(),
      from: optionalDate,
      to: optionalDate,
      statuses: z.array(outageStatus).max(3).optional(),
      customersNotTold: z.boolean().optional(),
    }),
    gridPage(outageRow),
  ),
  'outages.get': query(EVERYONE, idInput, outageRow),
  'outages.save': command(PLANNERS, outageInput, outageRow),
  'outages.approve': command(APPROVERS, z.object({ id, version }), outageRow),
  'outages.cancel': command(
    ['planner', 'manager', 'admin'],
    z.object({ id, version, reason: requiredText(200) }),
    outageRow,
  ),
  'outages.markCustomersNotified': command(PLANNERS, z.object({ id, version, date: isoDate }), outageRow),
} as const;
