import { z } from 'zod';
import { EVERYONE, LEDGER_EDITORS, PLANNERS, REFERENCE_EDITORS, command, query } from './method';
import {
  areaType,
  countOutput,
  gridPage,
  gridRequestWith,
  id,
  idInput,
  idsInput,
  isoDate,
  optionalText,
  recordMeta,
  requiredText,
  version,
} from './common';

/**
 * Repair promises per area kind, in minutes (DOMAIN.md §6.1). `restore` null: the source sets no
 * restoration limit. The office's own promise is the default; the others are presets.
 */
export const PROMISE_PRESETS = {
  office: {
    urban: { arrival: 30, restore: 240 },
    rural: { arrival: 60, restore: 360 },
    remote: { arrival: 90, restore: 360 },
  },
  /** State Grid 十项承诺 (current): averages, not per-call limits. Restoration is after arrival. */
  sgcc_average: {
    urban: { arrival: 45, restore: 180 },
    rural: { arrival: 90, restore: 240 },
    remote: { arrival: 120, restore: 240 },
  },
  gbt28583: {
    urban: { arrival: 60, restore: null },
    rural: { arrival: 120, restore: null },
    remote: { arrival: 240, restore: null },
  },
} as const;
export const PROMISE_PRESET_NAMES = ['office', 'sgcc_average', 'gbt28583'] as const;

const minutes = z
  .number({ error: 'validation.number' })
  .int()
  .min(1, { error: 'validation.too_small' })
  .max(24 * 60, { error: 'validation.too_big' });
const crewCount = z.number({ error: 'validation.number' }).int().min(0).max(10, { error: 'validation.too_big' });

export const repairAreaInput = z.object({
  id: id.optional(),
  version: version.optional(),
  name: requiredText(30),
  kind: areaType,
  arrivalMinutes: minutes,
  restoreMinutes: minutes.nullable().optional(),
  /** Crews on duty in each shift, and extra crews on days marked as peak. */
  crewsPerShift: crewCount.default(1),
  peakExtraCrews: crewCount.default(0),
  sort: z.number().int().min(0).max(1000).default(0),
});
export const repairAreaRow = z.object({
  ...recordMeta,
  name: z.string(),
  kind: areaType,
  arrivalMinutes: z.number(),
  restoreMinutes: z.number().nullable(),
  crewsPerShift: z.number(),
  peakExtraCrews: z.number(),
  sort: z.number(),
});
export type RepairAreaRow = z.infer<typeof repairAreaRow>;

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'roster.errors.clock' });
export const shiftTemplate = z.object({
  code: z.string().regex(/^[a-z0-9]{1,8}$/),
  name: requiredText(10),
  start: clock,
  hours: z.number().int().min(1).max(24),
});
export type ShiftTemplate = z.infer<typeof shiftTemplate>;
export const DEFAULT_SHIFTS: ShiftTemplate[] = [
  { code: 'day', name: '白班', start: '08:00', hours: 12 },
  { code: 'night', name: '夜班', start: '20:00', hours: 12 },
];

export const SEASON_KINDS = ['summer', 'winter'] as const;
export const seasonInput = z
  .object({
    id: id.optional(),
    version: version.optional(),
    name: requiredText(40),
    kind: z.enum(SEASON_KINDS).default('summer'),
    startDate: isoDate,
    endDate: isoDate,
    shifts: z.array(shiftTemplate).min(1).max(4).default(DEFAULT_SHIFTS),
    /** Heat-wave days and the like: areas put on their extra crews. */
    peakDays: z.array(isoDate).max(366).default([]),
    notes: optionalText(200),
  })
  .superRefine((s, ctx) => {
    if (s.endDate < s.startDate)
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'roster.errors.endBeforeStart' });
    else if ((Date.parse(s.endDate) - Date.parse(s.startDate)) / 86_400_000 > 200)
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'roster.errors.tooLong' });
    if (new Set(s.shifts.map((x) => x.code)).size !== s.shifts.length)
      ctx.addIssue({ code: 'custom', path: ['shifts'], message: 'roster.errors.shiftCodes' });
    const outside = s.peakDays.find((d) => d < s.startDate || d > s.endDate);
    if (outside)
      ctx.addIssue({
        code: 'custom',
        path: ['peakDays'],
        message: 'roster.errors.peakOutside',
        params: { date: outside },
      });
  });
export const seasonRow = z.object({
  ...recordMeta,
  name: z.string(),
  kind: z.enum(SEASON_KINDS),
  startDate: z.string(),
  endDate: z.string(),
  shifts: z.array(shiftTemplate),
  peakDays: z.array(z.string()),
  notes: z.string().nullable(),
  /** Published versions so far (0: a draft never published), and when the last one was. */
  publishedVersion: z.number().int(),
  publishedAt: z.string().nullable(),
  assignmentCount: z.number().int(),
});
export type SeasonRow = z.infer<typeof seasonRow>;

/** 休假 and 培训 are hard (nobody is put on duty); 希望休息 is a wish the generator tries to honour. */
export const ABSENCE_KINDS = ['leave', 'training', 'wish'] as const;
export const absenceInput = z
  .object({
    id: id.optional(),
    version: version.optional(),
    staffId: id,
    kind: z.enum(ABSENCE_KINDS),
    fromDate: isoDate,
    toDate: isoDate,
    notes: optionalText(200),
  })
  .refine((a) => a.toDate >= a.fromDate, { path: ['toDate'], message: 'roster.errors.endBeforeStart' });
export const absenceRow = z.object({
  ...recordMeta,
  staffId: id,
  staffName: z.string(),
  kind: z.enum(ABSENCE_KINDS),
  fromDate: z.string(),
  toDate: z.string(),
  notes: z.string().nullable(),
});

/** The hard rules; a violation names one and the shift, crew or person it is about. */
export const HARD_RULES = [
  'coverage',
  'skills',
  'crewSize',
  'eligibility',
  'doubleBooked',
  'rest',
  'consecutive',
  'absence',
] as const;
export type HardRule = (typeof HARD_RULES)[number];
const params = z.record(z.string(), z.union([z.string(), z.number()]));
export const violation = z.object({
  rule: z.enum(HARD_RULES),
  date: z.string(),
  shift: z.string(),
  areaId: id.nullable(),
  crew: z.number().int().nullable(),
  staffId: id.nullable(),
  params,
});
export type Violation = z.infer<typeof violation>;

export const assignment = z.object({
  id: id,
  date: z.string(),
  shift: z.string(),
  areaId: id,
  crew: z.number().int(),
  staffId: id,
  staffName: z.string(),
  phone: z.string().nullable(),
  overrideReason: z.string().nullable(),
});
export type Assignment = z.infer<typeof assignment>;

export const fairness = z.object({
  minNights: z.number(),
  maxNights: z.number(),
  minWeekends: z.number(),
  maxWeekends: z.number(),
  minShifts: z.number(),
  maxShifts: z.number(),
  /** Wishes for a day off: how many there were and how many the roster keeps. */
  wishes: z.number(),
  wishesHonoured: z.number(),
  /**
   * The widest spread of total shifts and of nights among people who are alike: the same required
   * skills and the same days available. The roster aims at ≤ 2 for both.
   */
  alikeShiftSpread: z.number(),
  alikeNightSpread: z.number(),
  /**
   * Skills so few people hold that each of them must take more than the average: the skill, how many
   * holders can be on duty, and the fewest shifts each must then take (crews needing it ÷ holders).
   */
  scarce: z.array(
    z.object({ skill: z.string(), people: z.number().int(), minShifts: z.number().int(), average: z.number() }),
  ),
});
export type Fairness = z.infer<typeof fairness>;

export const shortage = z.object({
  date: z.string(),
  shift: z.string(),
  areaId: id,
  crew: z.number().int(),
  /** Skills nobody available could bring, and how many more people the crew needed. */
  missingSkills: z.array(z.string()),
  missingPeople: z.number().int(),
});
export type Shortage = z.infer<typeof shortage>;

export const rosterView = z.object({
  season: seasonRow,
  areas: z.array(repairAreaRow),
  people: z.array(
    z.object({
      id,
      name: z.string(),
      employeeNo: z.string(),
      phone: z.string().nullable(),
      skills: z.array(z.string()),
      teamName: z.string().nullable(),
      /** Days of the season they may be on duty, and why not on the first day they may not. */
      eligibleDays: z.number().int(),
      unavailable: z.object({ date: z.string(), key: z.string(), params: params.optional() }).nullable(),
    }),
  ),
  assignments: z.array(assignment),
  violations: z.array(violation),
  fairness,
  /** The rules the roster was checked with (settings roster.*). */
  rules: z.object({
    requiredSkills: z.array(z.string()),
    minCrewSize: z.number(),
    minRestHours: z.number(),
    maxConsecutiveDays: z.number(),
  }),
  /** What changed since the last published version. */
  changes: z.array(
    z.object({
      change: z.enum(['added', 'removed']),
      date: z.string(),
      shift: z.string(),
      areaId: id,
      crew: z.number().int(),
      staffName: z.string(),
    }),
  ),
});
export type RosterView = z.infer<typeof rosterView>;

const slot = {
  seasonId: id,
  date: isoDate,
  shift: z.string().max(8),
  areaId: id,
  crew: z.number().int().min(1).max(20),
};
/** A hand edit: put a person on a crew, optionally taking them (or someone) off another assignment. */
export const rosterChange = z.object({
  ...slot,
  staffId: id,
  /** The assignment this is a move from (drag from one crew to another). */
  moveFrom: id.optional(),
});
export const generateOutcome = z.object({
  seasonId: id,
  saved: z.boolean(),
  assigned: z.number().int(),
  shortages: z.array(shortage),
  fairness,
  ms: z.number(),
});
export type GenerateOutcome = z.infer<typeof generateOutcome>;

export const REPAIR_SOURCES = ['95598', 'phone', 'patrol', 'other'] as const;
const dateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: 'validation.dateTime' });
export const repairInput = z
  .object({
    id: id.optional(),
    version: version.optional(),
    source: z.enum(REPAIR_SOURCES).default('95598'),
    orderNo: optionalText(30),
    receivedAt: dateTime,
    areaId: id,
    lineId: id.nullable().optional(),
    fault: requiredText(200),
    /** The crew on duty, picked from the roster: season, shift date, shift and crew. */
    seasonId: id.nullable().optional(),
    dutyDate: isoDate.nullable().optional(),
    shift: z.string().max(8).nullable().optional(),
    crew: z.number().int().min(1).max(20).nullable().optional(),
    arrivedAt: dateTime.nullable().optional(),
    restoredAt: dateTime.nullable().optional(),
    /** Why a promise was broken (road, weather, waiting for an outage permit …). */
    delayCause: optionalText(200),
  })
  .superRefine((r, ctx) => {
    if (r.arrivedAt && r.arrivedAt < r.receivedAt)
      ctx.addIssue({ code: 'custom', path: ['arrivedAt'], message: 'roster.errors.arrivedBeforeReceived' });
    if (r.restoredAt && r.restoredAt < (r.arrivedAt ?? r.receivedAt))
      ctx.addIssue({ code: 'custom', path: ['restoredAt'], message: 'roster.errors.restoredBeforeArrived' });
  });
export const repairRow = z.object({
  ...recordMeta,
  source: z.enum(REPAIR_SOURCES),
  orderNo: z.string().nullable(),
  receivedAt: z.string(),
  areaId: id,
  areaName: z.string(),
  lineId: id.nullable(),
  lineName: z.string().nullable(),
  fault: z.string(),
  seasonId: id.nullable(),
  dutyDate: z.string().nullable(),
  shift: z.string().nullable(),
  crew: z.number().nullable(),
  crewNames: z.string().nullable(),
  arrivedAt: z.string().nullable(),
  restoredAt: z.string().nullable(),
  delayCause: z.string().nullable(),
  /** Judged against the area's promise as it is now (recorded below). */
  arrivalMinutes: z.number().nullable(),
  restoreMinutes: z.number().nullable(),
  arrivalPromise: z.number(),
  restorePromise: z.number().nullable(),
  arrivalBreach: z.boolean(),
  restoreBreach: z.boolean(),
});
export type RepairRow = z.infer<typeof repairRow>;

const complianceLine = z.object({
  calls: z.number().int(),
  arrivalBreaches: z.number().int(),
  restoreBreaches: z.number().int(),
  /** Averages in minutes: call to arrival, call to power back, and arrival to power back (the State Grid average counts this one). */
  avgArrival: z.number().nullable(),
  avgRestore: z.number().nullable(),
  avgRepair: z.number().nullable(),
});
export const monthlyReport = z.object({
  month: z.string(),
  areas: z.array(
    complianceLine.extend({
      areaId: id,
      areaName: z.string(),
      arrivalPromise: z.number(),
      restorePromise: z.number().nullable(),
      avgArrivalPromise: z.number(),
      avgRepairPromise: z.number().nullable(),
    }),
  ),
  crews: z.array(complianceLine.extend({ crewLabel: z.string() })),
  breaches: z.array(repairRow),
  /** The latest month that has any call (YYYY-MM), so an empty month can point to it; null when none. */
  latestMonthWithCalls: z.string().nullable(),
});
export type MonthlyReport = z.infer<typeof monthlyReport>;

export const rosterMethods = {
  'repairAreas.list': query(EVERYONE, z.object({}), z.object({ rows: z.array(repairAreaRow) })),
  'repairAreas.save': command(REFERENCE_EDITORS, repairAreaInput, repairAreaRow),
  'repairAreas.delete': command(REFERENCE_EDITORS, idsInput, countOutput),
  'repairAreas.applyPreset': command(
    REFERENCE_EDITORS,
    z.object({ preset: z.enum(PROMISE_PRESET_NAMES) }),
    z.object({ rows: z.array(repairAreaRow) }),
  ),
  'seasons.list': query(EVERYONE, z.object({}), z.object({ rows: z.array(seasonRow) })),
  'seasons.save': command(PLANNERS, seasonInput, seasonRow),
  'seasons.delete': command(PLANNERS, idsInput, countOutput),
  'absences.list': query(EVERYONE, gridRequestWith({ staffId: id.optional() }), gridPage(absenceRow)),
  'absences.save': command(LEDGER_EDITORS, absenceInput, absenceRow),
  'absences.delete': command(LEDGER_EDITORS, idsInput, countOutput),
  'roster.get': query(EVERYONE, z.object({ seasonId: id }), rosterView),
  /** Starts generation as a job; its result is a generateOutcome. */
  'roster.generate': command(PLANNERS, z.object({ seasonId: id }), z.object({ jobId: z.string() })),
  /** What a hand edit would break, without saving it. */
  'roster.check': query(EVERYONE, rosterChange, z.object({ violations: z.array(violation) })),
  /** Saves a hand edit; one that breaks a hard rule needs an override reason (audited). */
  'roster.assign': command(
    PLANNERS,
    rosterChange.extend({ overrideReason: optionalText(200) }),
    z.object({ violations: z.array(violation) }),
  ),
  'roster.unassign': command(
    PLANNERS,
    z.object({ id, overrideReason: optionalText(200) }),
    z.object({ violations: z.array(violation) }),
  ),
  'roster.publish': command(PLANNERS, z.object({ seasonId: id }), seasonRow),
  /** The roster as an xlsx file to download (files.read). */
  'roster.export': query(EVERYONE, z.object({ seasonId: id }), z.object({ fileId: z.string(), name: z.string() })),
  'repairs.list': query(
    EVERYONE,
    gridRequestWith({
      month: z
        .string()
        .regex(/^\d{4}-\d{2}$/)
        .optional(),
      areaId: id.optional(),
      breachesOnly: z.boolean().optional(),
      arrival: z.enum(['onTime', 'late']).optional(),
    }),
    gridPage(repairRow),
  ),
  'repairs.get': query(EVERYONE, idInput, repairRow),
  'repairs.save': command(LEDGER_EDITORS, repairInput, repairRow),
  'repairs.delete': command(LEDGER_EDITORS, idsInput, countOutput),
  'repairs.monthly': query(EVERYONE, z.object({ month: z.string().regex(/^\d{4}-\d{2}$/) }), monthlyReport),
} as const;
