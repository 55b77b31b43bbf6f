import { z } from 'zod';
import { EVERYONE, LEDGER_EDITORS, command, query } from './method';
import {
  countOutput,
  gridPage,
  gridRequestWith,
  id,
  idInput,
  idsInput,
  isoDate,
  optionalDate,
  optionalText,
  phone,
  recordMeta,
  requiredText,
  version,
} from './common';

/** 在岗 / 休假 / 调离 / 退休 */
export const STAFF_STATUSES = ['on_duty', 'leave', 'transferred', 'retired'] as const;
export const staffStatus = z.enum(STAFF_STATUSES);
export const SKILL_LEVELS = [1, 2, 3] as const;
/** The skills an office tracks by default (setting staff.skills; the roster needs 配电设备, 电缆 and 架空线路 on every shift). */
export const STAFF_SKILLS = ['配电设备', '电缆', '架空线路', '带电作业', '驾驶', '测试'] as const;
export const MAX_SKILLS = 20;

/**
 * A list of skill names as a setting holds it: "配电设备、电缆；架空线路" (、，,；; or new lines).
 * Null when a name is too long, repeated, or there are none or too many.
 */
export function parseSkillList(value: string): string[] | null {
  const names = value
    .split(/[、，,；;\n]/)
    .map((n) => n.trim())
    .filter(Boolean);
  if (
    names.length === 0 ||
    names.length > MAX_SKILLS ||
    names.some((n) => n.length > 20) ||
    new Set(names).size !== names.length
  )
    return null;
  return names;
}

/**
 * Certificates (DOMAIN.md §5): the 特种作业操作证 electrical subtypes, and the abolished 进网作业许可证
 * kept as history only.
 */
export const CERTIFICATE_KINDS = [
  'hv_electrician',
  'lv_electrician',
  'cable',
  'relay',
  'testing',
  'explosion_proof',
  'grid_permit',
] as const;
export const certificateKind = z.enum(CERTIFICATE_KINDS);
/** 有效 / 待复审 (review window open) / 即将到期 (expiry window open) / 已过期 (expired or review missed) / 已废止 */
export const CERTIFICATE_STATES = ['valid', 'review_due', 'expiring', 'expired', 'abolished'] as const;
export const certificateState = z.enum(CERTIFICATE_STATES);

export const skillEntry = z.object({ skill: requiredText(20), level: z.number().int().min(1).max(3) });

export const staffInput = z.object({
  id: id.optional(),
  version: version.optional(),
  employeeNo: requiredText(20),
  name: requiredText(20),
  teamId: id.nullable().optional(),
  position: optionalText(30),
  phone: phone.nullable().optional(),
  hireDate: optionalDate,
  education: optionalText(20),
  status: staffStatus.default('on_duty'),
  /** The day they came back from a break of 3 months or more (安规 must be passed again after it). */
  returnedFromBreakOn: optionalDate,
  skills: z.array(skillEntry).max(30).default([]),
  notes: optionalText(500),
});
export type StaffInput = z.input<typeof staffInput>;

/** Why a person may or may not be put on duty; each reason is an i18n key with its parameters. */
export const eligibility = z.object({
  eligible: z.boolean(),
  reasons: z.array(
    z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() }),
  ),
});
export type Eligibility = z.infer<typeof eligibility>;

export const staffRow = z.object({
  ...recordMeta,
  employeeNo: z.string(),
  name: z.string(),
  teamId: id.nullable(),
  teamName: z.string().nullable(),
  position: z.string().nullable(),
  phone: z.string().nullable(),
  hireDate: z.string().nullable(),
  education: z.string().nullable(),
  status: staffStatus,
  returnedFromBreakOn: z.string().nullable(),
  skills: z.array(skillEntry),
  notes: z.string().nullable(),
  /** The best state among their usable electrical certificates, or null without any. */
  certificateState: certificateState.nullable(),
  lastSafetyExamOn: z.string().nullable(),
  trainingHoursThisYear: z.number(),
  /** The yearly requirement (setting staff.training.hoursPerYear) and whether they are short of it. */
  trainingHoursRequired: z.number(),
  shortOfHours: z.boolean(),
  eligibility,
});
export type StaffRow = z.infer<typeof staffRow>;

export const certificateInput = z
  .object({
    id: id.optional(),
    version: version.optional(),
    staffId: id,
    kind: certificateKind,
    number: requiredText(40),
    issueDate: isoDate,
    /** Defaults to the issue date + the validity (6 years). */
    expiryDate: optionalDate,
    lastReviewDate: optionalDate,
    /** 10 years of continuous work, approved by the issuing authority: review every 6 years instead of 3. */
    extendedReview: z.boolean().default(false),
    notes: optionalText(200),
  })
  .superRefine((c, ctx) => {
    if (c.expiryDate && c.expiryDate <= c.issueDate)
      ctx.addIssue({ code: 'custom', path: ['expiryDate'], message: 'staff.certificate.expiryBeforeIssue' });
    if (c.lastReviewDate && c.lastReviewDate < c.issueDate)
      ctx.addIssue({ code: 'custom', path: ['lastReviewDate'], message: 'staff.certificate.reviewBeforeIssue' });
  });

export const certificateRow = z.object({
  ...recordMeta,
  staffId: id,
  staffName: z.string(),
  kind: certificateKind,
  number: z.string(),
  issueDate: z.string(),
  expiryDate: z.string(),
  lastReviewDate: z.string().nullable(),
  extendedReview: z.boolean(),
  notes: z.string().nullable(),
  state: certificateState,
  /** When the next review is due, and the dates that decided the state. */
  nextReviewDate: z.string().nullable(),
  stateReason: z.string(),
  stateParams: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type CertificateRow = z.infer<typeof certificateRow>;

export const TRAINING_CATEGORIES = ['safety_rules', 'skills', 'induction', 'certificate', 'other'] as const;
export const trainingCategory = z.enum(TRAINING_CATEGORIES);

export const attendee = z.object({
  staffId: id,
  score: z.number().min(0).max(100).nullable().optional(),
  passed: z.boolean().default(true),
});

export const trainingInput = z.object({
  id: id.optional(),
  version: version.optional(),
  course: requiredText(60),
  category: trainingCategory,
  date: isoDate,
  hours: z.number({ error: 'validation.number' }).min(0.5, { error: 'validation.too_small' }).max(200),
  trainer: optionalText(30),
  place: optionalText(60),
  attendees: z.array(attendee).max(500).default([]),
  notes: optionalText(500),
});

export const trainingRow = z.object({
  ...recordMeta,
  course: z.string(),
  category: trainingCategory,
  date: z.string(),
  hours: z.number(),
  trainer: z.string().nullable(),
  place: z.string().nullable(),
  attendees: z.array(
    z.object({ staffId: id, staffName: z.string(), score: z.number().nullable(), passed: z.boolean() }),
  ),
  notes: z.string().nullable(),
});

export const skillMatrix = z.object({
  skills: z.array(z.string()),
  rows: z.array(
    z.object({
      staffId: id,
      employeeNo: z.string(),
      name: z.string(),
      teamName: z.string().nullable(),
      levels: z.record(z.string(), z.number().int()),
      certificateState: certificateState.nullable(),
      eligible: z.boolean(),
    }),
  ),
  /** Skills a team has exactly one person for (with a usable certificate or not): who it is. */
  singles: z.array(z.object({ teamName: z.string(), skill: z.string(), staffName: z.string() })),
});

export const staffMethods = {
  'staff.skillMatrix': query(EVERYONE, z.object({ teamId: id.optional() }), skillMatrix),
  'staff.list': query(
    EVERYONE,
    gridRequestWith({
      teamId: id.optional(),
      status: staffStatus.optional(),
      eligibleOnly: z.boolean().optional(),
      shortOfHours: z.boolean().optional(),
    }),
    gridPage(staffRow),
  ),
  'staff.get': query(EVERYONE, idInput, staffRow),
  'staff.save': command(LEDGER_EDITORS, staffInput, staffRow),
  'staff.delete': command(LEDGER_EDITORS, idsInput, countOutput),
  'certificates.list': query(
    EVERYONE,
    gridRequestWith({ staffId: id.optional(), states: z.array(certificateState).max(5).optional() }),
    gridPage(certificateRow),
  ),
  'certificates.save': command(LEDGER_EDITORS, certificateInput, certificateRow),
  'certificates.delete': command(LEDGER_EDITORS, idsInput, countOutput),
  'training.list': query(
    EVERYONE,
    gridRequestWith({ year: z.number().int().min(2000).max(2100).optional() }),
    gridPage(trainingRow),
  ),
  'training.save': command(LEDGER_EDITORS, trainingInput, trainingRow),
  'training.delete': command(LEDGER_EDITORS, idsInput, countOutput),
} as const;
