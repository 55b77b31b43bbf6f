import { z } from 'zod';
import { EVERYONE, LEDGER_EDITORS, command, query } from './method';
import {
  conductorType,
  countOutput,
  gridPage,
  gridRequestWith,
  id,
  idInput,
  idsInput,
  isoDate,
  metres,
  optionalDate,
  optionalText,
  phone,
  recordMeta,
  requiredText,
  version,
  voltageLevel,
} from './common';

export const TREE_CLASSES = ['general', 'street'] as const;
export const CLEARANCE_ACTIONS = ['trim', 'fell', 'transplant'] as const;
/** 待排期 → 已排期 → 已通知 → 处理中 → 已完成; 受阻 only while a dispute is open. */
export const VEGETATION_STATUSES = ['unscheduled', 'scheduled', 'notified', 'in_progress', 'done', 'blocked'] as const;
export const HAZARD_GRADES = ['emergency', 'major', 'general'] as const;
export const VEGETATION_PRESETS = ['overdue', 'due30', 'emergency', 'blocked'] as const;
export type VegetationPreset = (typeof VEGETATION_PRESETS)[number];

export const treeClass = z.enum(TREE_CLASSES);
export const clearanceAction = z.enum(CLEARANCE_ACTIONS);
export const vegetationStatus = z.enum(VEGETATION_STATUSES);
export const hazardGrade = z.enum(HAZARD_GRADES);
export type HazardGrade = z.infer<typeof hazardGrade>;

/* ---------- tower range: how offices write a span of towers ---------- */

// One tower as ledgers write it: "#12", "12号", "12#", "N12", "12号杆", "012".
const TOWER = String.raw`(?:[#nN]\s*)?(\d{1,4})\s*(?:号\s*[杆塔]?|#|[杆塔])?`;
const TOWER_RANGE = new RegExp(String.raw`^${TOWER}(?:\s*[-–—―~～至到]{1,2}\s*${TOWER})?$`);
/** Several towers listed one by one ("12、14、15"): not one span. */
const TOWER_LIST = /^[#nN]?\s*\d{1,4}\s*(?:号|#)?\s*[、,，;；/]/;

/** Full-width digits, letters and punctuation as plain ASCII (ledgers typed with a Chinese IME). */
const asciiOf = (s: string) =>
  s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');

/**
 * A span of towers however a ledger writes it — "#12–#15", "12号-15号", "12#-15#", "#12~#15",
 * "N12-N15", "12号杆-15号杆", "012-015", "12—15", "12-15号", a single "12号" — or null.
 */
export function parseTowerRange(value: string): { from: number; to: number } | null {
  const m = TOWER_RANGE.exec(asciiOf(value).trim());
  if (!m) return null;
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  if (from < 1 || to < from) return null;
  return { from, to };
}

/** Every tower number written in a field ("#38–#41", "38、40号", "N12"): for bounds, not for meaning. */
export function towerNumbersIn(value: string): number[] {
  return (asciiOf(value).match(/\d{1,5}/g) ?? []).map(Number);
}

/** Why a tower range was refused: a list of towers, the last before the first, or a form not known. */
export function towerRangeProblem(
  value: string,
): 'vegetation.towerRange.list' | 'vegetation.towerRange.order' | 'vegetation.towerRange.format' | null {
  if (parseTowerRange(value) !== null) return null;
  const s = asciiOf(value).trim();
  if (TOWER_LIST.test(s)) return 'vegetation.towerRange.list';
  const m = TOWER_RANGE.exec(s);
  if (m && Number(m[1]) >= 1) return 'vegetation.towerRange.order';
  return 'vegetation.towerRange.format';
}

export function formatTowerRange(from: number, to: number): string {
  return from === to ? `#${from}` : `#${from}–#${to}`;
}

export const towerRange = z
  .string()
  .max(30, { error: 'vegetation.towerRange.format' })
  .superRefine((s, ctx) => {
    const problem = towerRangeProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/* ---------- hazard judgement ---------- */

export const hazardBasis = z.object({
  /** Which distance decided the grade. */
  measure: z.enum(['vertical', 'horizontal']),
  value: z.number(),
  /** The regulation minimum used, in metres, and the setting key it came from. */
  minimum: z.number(),
  margin: z.number(),
  settingKey: z.string(),
  /** The standard the minimum comes from (DOMAIN.md §1). */
  source: z.string(),
});
export type HazardBasis = z.infer<typeof hazardBasis>;

export const judgement = z.object({ grade: hazardGrade, basis: hazardBasis });
export type Judgement = z.infer<typeof judgement>;

/* ---------- records ---------- */

const distance = metres.nullable().optional();

export const vegetationInput = z
  .object({
    id: id.optional(),
    version: version.optional(),
    lineId: id,
    towerRange,
    townshipId: id.nullable().optional(),
    villageId: id.nullable().optional(),
    landowner: optionalText(40),
    landownerPhone: phone.nullable().optional(),
    species: requiredText(20),
    treeCount: z
      .number({ error: 'validation.number' })
      .int({ error: 'validation.integer' })
      .min(1, { error: 'validation.too_small' })
      .max(100_000),
    treeHeight: distance,
    verticalDistance: distance,
    horizontalDistance: distance,
    treeClass: treeClass.default('general'),
    /** Planted inside the protection zone after the line was built: no compensation (条例第十八条). */
    plantedInZone: z.boolean().default(false),
    action: clearanceAction,
    /** The day the hazard was found (default: the day it is entered): 紧急/重大 deadlines count from it. */
    foundDate: optionalDate,
    plannedDate: optionalDate,
    /** Required when the planned date is moved past the deadline; kept and audited. */
    lateReason: optionalText(200),
    teamId: id.nullable().optional(),
    status: vegetationStatus.default('unscheduled'),
    distanceAfter: distance,
    completedDate: optionalDate,
    notes: optionalText(1000),
  })
  .superRefine((r, ctx) => {
    if (r.verticalDistance == null && r.horizontalDistance == null) {
      ctx.addIssue({ code: 'custom', path: ['verticalDistance'], message: 'vegetation.distance.required' });
    }
    if (r.status === 'done' && !r.completedDate) {
      ctx.addIssue({ code: 'custom', path: ['completedDate'], message: 'vegetation.completedDate.required' });
    }
    if (r.status === 'scheduled' && !r.plannedDate) {
      ctx.addIssue({ code: 'custom', path: ['plannedDate'], message: 'vegetation.plannedDate.required' });
    }
  });
export type VegetationInput = z.input<typeof vegetationInput>;

export const vegetationRow = z.object({
  ...recordMeta,
  lineId: id,
  lineName: z.string(),
  voltage: voltageLevel,
  conductor: conductorType,
  towerFrom: z.number().int(),
  towerTo: z.number().int(),
  towerRange: z.string(),
  townshipId: id.nullable(),
  townshipName: z.string().nullable(),
  villageId: id.nullable(),
  villageName: z.string().nullable(),
  landowner: z.string().nullable(),
  landownerPhone: z.string().nullable(),
  species: z.string(),
  treeCount: z.number().int(),
  treeHeight: z.number().nullable(),
  verticalDistance: z.number().nullable(),
  horizontalDistance: z.number().nullable(),
  treeClass,
  plantedInZone: z.boolean(),
  action: clearanceAction,
  foundDate: z.string(),
  /** The day it must be dealt with by: from the found date and grade (紧急, 重大) or the cycle (一般). */
  deadline: z.string().nullable(),
  plannedDate: z.string().nullable(),
  /** Open, and planned for after its deadline. */
  plannedLate: z.boolean(),
  lateReason: z.string().nullable(),
  teamId: id.nullable(),
  teamName: z.string().nullable(),
  status: vegetationStatus,
  distanceAfter: z.number().nullable(),
  completedDate: z.string().nullable(),
  nextDueDate: z.string().nullable(),
  /** The date that decides overdue: the deadline while open, the next trimming date once done. */
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  hazardGrade,
  hazardBasis,
  notes: z.string().nullable(),
});
export type VegetationRow = z.infer<typeof vegetationRow>;

export const vegetationListInput = gridRequestWith({
  lineId: id.optional(),
  townshipId: id.optional(),
  grades: z.array(hazardGrade).max(3).optional(),
  statuses: z.array(vegetationStatus).max(6).optional(),
  /** One quick filter (links from the first screen and reminders). */
  preset: z.enum(VEGETATION_PRESETS).optional(),
  /** Quick filters ticked together: a record must meet every one (and the dropdowns). */
  presets: z.array(z.enum(VEGETATION_PRESETS)).max(VEGETATION_PRESETS.length).optional(),
});
/** The quick filters a list request asks for, from either field. */
export const presetsOf = (req: { preset?: VegetationPreset; presets?: VegetationPreset[] }): VegetationPreset[] => [
  ...new Set([...(req.presets ?? []), ...(req.preset ? [req.preset] : [])]),
];
export type VegetationListInput = z.input<typeof vegetationListInput>;

/* ---------- disputes (受阻) ---------- */

export const DISPUTE_PARTIES = ['landowner', 'village', 'township', 'county'] as const;
export const COORDINATION_LEVELS = ['none', 'village', 'township', 'county'] as const;
export const disputeParty = z.enum(DISPUTE_PARTIES);
export const coordinationLevel = z.enum(COORDINATION_LEVELS);
const money = z
  .number({ error: 'validation.number' })
  .finite()
  .min(0, { error: 'validation.not_negative' })
  .max(100_000_000);

export const disputeEntry = z.object({
  id,
  entryDate: z.string(),
  party: disputeParty.nullable(),
  content: z.string(),
  createdBy: z.string().nullable(),
});

export const disputeRow = z.object({
  id,
  version,
  recordId: id,
  parties: z.array(disputeParty),
  lawExplained: z.boolean(),
  coordinationLevel,
  compensationAgreed: z.number().nullable(),
  compensationPaid: z.number().nullable(),
  paidDate: z.string().nullable(),
  status: z.enum(['open', 'closed']),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  closeNote: z.string().nullable(),
  entries: z.array(disputeEntry),
});
export type DisputeRow = z.infer<typeof disputeRow>;

const disputeFields = {
  parties: z.array(disputeParty).min(1, { error: 'vegetation.dispute.parties.required' }).max(4),
  lawExplained: z.boolean(),
  coordinationLevel,
};

/** Warnings are i18n keys: the save went through, but the user should know. */
const warnings = z.array(z.string());

export const vegetationMethods = {
  'vegetation.list': query(EVERYONE, vegetationListInput, gridPage(vegetationRow)),
  'vegetation.get': query(EVERYONE, idInput, vegetationRow),
  'vegetation.judge': query(
    EVERYONE,
    z.object({ lineId: id, treeClass, verticalDistance: distance, horizontalDistance: distance }),
    judgement.nullable(),
  ),
  'vegetation.save': command(LEDGER_EDITORS, vegetationInput, z.object({ record: vegetationRow, warnings })),
  'vegetation.delete': command(LEDGER_EDITORS, idsInput, countOutput),
  'vegetation.dispute.get': query(
    EVERYONE,
    z.object({ recordId: id }),
    z.object({ dispute: disputeRow.nullable(), history: z.array(disputeRow) }),
  ),
  'vegetation.dispute.open': command(
    LEDGER_EDITORS,
    z.object({ recordId: id, ...disputeFields, note: requiredText(1000) }),
    z.object({ dispute: disputeRow, warnings }),
  ),
  'vegetation.dispute.update': command(
    LEDGER_EDITORS,
    z.object({
      id,
      version,
      ...disputeFields,
      compensationAgreed: money.nullable().optional(),
      compensationPaid: money.nullable().optional(),
      paidDate: optionalDate,
    }),
    z.object({ dispute: disputeRow, warnings }),
  ),
  'vegetation.dispute.addEntry': command(
    LEDGER_EDITORS,
    z.object({
      disputeId: id,
      entryDate: isoDate,
      party: disputeParty.nullable().optional(),
      content: requiredText(1000),
    }),
    z.object({ dispute: disputeRow, warnings }),
  ),
  'vegetation.dispute.close': command(
    LEDGER_EDITORS,
    z.object({ id, version, note: requiredText(500) }),
    z.object({ dispute: disputeRow, warnings }),
  ),
} as const;
