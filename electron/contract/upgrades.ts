import { z } from 'zod';
import { APPROVERS, EVERYONE, LEDGER_EDITORS, command, query, type Role } from './method';
import {
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

/** 配变 / 柱上开关 / 电缆段 / 杆塔 / 线路段 / 避雷器 / 其他 */
export const EQUIPMENT_TYPES = [
  'transformer',
  'pole_switch',
  'cable_section',
  'tower',
  'line_section',
  'arrester',
  'other',
] as const;
/** 一般 / 严重 / 危急 (DOMAIN.md §7, State Grid three levels). */
export const DEFECT_GRADES = ['general', 'serious', 'critical'] as const;
/** 1 好 … 5 很差 */
export const CONDITION_LEVELS = [1, 2, 3, 4, 5] as const;

export const equipmentInput = z.object({
  id: id.optional(),
  version: version.optional(),
  kind: z.enum(EQUIPMENT_TYPES),
  code: requiredText(40),
  name: requiredText(60),
  lineId: id.nullable().optional(),
  location: optionalText(100),
  model: optionalText(40),
  capacity: optionalText(20),
  installYear: z
    .number({ error: 'validation.number' })
    .int()
    .min(1950, { error: 'validation.too_small' })
    .max(2100, { error: 'validation.too_big' })
    .nullable()
    .optional(),
  condition: z.number().int().min(1).max(5).default(3),
  defectGrade: z.enum(DEFECT_GRADES).nullable().optional(),
  defectFoundOn: isoDate.nullable().optional(),
  notes: optionalText(500),
});
export const equipmentRow = z.object({
  ...recordMeta,
  kind: z.enum(EQUIPMENT_TYPES),
  code: z.string(),
  name: z.string(),
  lineId: id.nullable(),
  lineName: z.string().nullable(),
  location: z.string().nullable(),
  model: z.string().nullable(),
  capacity: z.string().nullable(),
  installYear: z.number().nullable(),
  age: z.number().nullable(),
  condition: z.number(),
  defectGrade: z.enum(DEFECT_GRADES).nullable(),
  defectFoundOn: z.string().nullable(),
  /** When the defect must be handled by (settings upgrades.defectDays.*), and whether that has passed. */
  defectDueOn: z.string().nullable(),
  defectOverdue: z.boolean(),
  notes: z.string().nullable(),
});
export type EquipmentRow = z.infer<typeof equipmentRow>;

/**
 * 草稿 → 已提交 → 已批准 / 已驳回 → 已立项 → 施工中 → 待验收 → 已验收 / 验收不通过 → 已关闭.
 * A rejected request is revised (back to 草稿) and submitted again; a failed acceptance goes back to 施工中.
 */
export const UPGRADE_STATUSES = [
  'draft',
  'submitted',
  'approved',
  'rejected',
  'funded',
  'in_progress',
  'awaiting_acceptance',
  'accepted',
  'acceptance_failed',
  'closed',
] as const;
export type UpgradeStatus = (typeof UPGRADE_STATUSES)[number];
export const PROJECT_TYPES = ['renovation', 'overhaul'] as const;

export const UPGRADE_ACTIONS = [
  'submit',
  'approve',
  'reject',
  'revise',
  'fund',
  'start',
  'finish',
  'accept',
  'failAcceptance',
  'close',
] as const;
export type UpgradeAction = (typeof UPGRADE_ACTIONS)[number];

/**
 * The workflow: which action moves a request from which states to which, and who may take it.
 * Rejecting and failing an acceptance need a reason; approving one's own request is refused; a
 * request above the two-approval amount needs two different managers.
 */
export const UPGRADE_TRANSITIONS: Record<
  UpgradeAction,
  { from: readonly UpgradeStatus[]; to: UpgradeStatus; roles: readonly Role[]; needsReason?: boolean }
> = {
  submit: { from: ['draft'], to: 'submitted', roles: LEDGER_EDITORS },
  approve: { from: ['submitted'], to: 'approved', roles: APPROVERS },
  reject: { from: ['submitted'], to: 'rejected', roles: APPROVERS, needsReason: true },
  revise: { from: ['rejected'], to: 'draft', roles: LEDGER_EDITORS },
  fund: { from: ['approved'], to: 'funded', roles: APPROVERS },
  start: { from: ['funded', 'acceptance_failed'], to: 'in_progress', roles: LEDGER_EDITORS },
  finish: { from: ['in_progress'], to: 'awaiting_acceptance', roles: LEDGER_EDITORS },
  accept: { from: ['awaiting_acceptance'], to: 'accepted', roles: APPROVERS },
  failAcceptance: { from: ['awaiting_acceptance'], to: 'acceptance_failed', roles: APPROVERS, needsReason: true },
  close: { from: ['accepted'], to: 'closed', roles: APPROVERS },
};

export const upgradeInput = z.object({
  id: id.optional(),
  version: version.optional(),
  equipmentId: id,
  problem: requiredText(500),
  proposedWork: requiredText(500),
  projectType: z.enum(PROJECT_TYPES),
  estimatedCost: z
    .number({ error: 'validation.number' })
    .min(0, { error: 'validation.not_negative' })
    .max(100_000, { error: 'validation.too_big' }),
  customersAffected: z.number({ error: 'validation.number' }).int().min(0).max(1_000_000).default(0),
  notes: optionalText(500),
});

export const priorityPart = z.object({ factor: z.string(), value: z.number(), weight: z.number(), points: z.number() });
export const upgradeRow = z.object({
  ...recordMeta,
  equipmentId: id,
  equipmentName: z.string(),
  equipmentKind: z.enum(EQUIPMENT_TYPES),
  problem: z.string(),
  proposedWork: z.string(),
  projectType: z.enum(PROJECT_TYPES),
  estimatedCost: z.number(),
  customersAffected: z.number(),
  notes: z.string().nullable(),
  status: z.enum(UPGRADE_STATUSES),
  /** The requester's user name (the rules compare it), and the name people know them by. */
  requestedBy: z.string(),
  requestedByName: z.string(),
  /** JG-2026-0012 (技改) / DX-2026-0003 (大修): given on first submission, for the file. */
  requestNo: z.string().nullable(),
  /** Managers who approved so far (two are needed above upgrades.secondApprovalAbove). */
  approvals: z.array(z.string()),
  approvalsNeeded: z.number().int(),
  projectNo: z.string().nullable(),
  fundingYear: z.number().nullable(),
  fundingSource: z.string().nullable(),
  approvedAmount: z.number().nullable(),
  /** The year whose budget the approval counts against. */
  budgetYear: z.number().nullable(),
  /** Approved in an earlier year and not yet funded: carried over into this year's queue and budget (上年结转). */
  carriedOverFrom: z.number().nullable(),
  priority: z.number(),
  priorityParts: z.array(priorityPart),
});
export type UpgradeRow = z.infer<typeof upgradeRow>;

/** closedBy / name: the display name of the person (their user name when the account is gone). */
export const punchItem = z.object({
  id,
  text: z.string(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
});
export const upgradeEvent = z.object({
  at: z.string(),
  username: z.string(),
  name: z.string(),
  action: z.string(),
  from: z.string(),
  to: z.string(),
  comment: z.string().nullable(),
});

export const transitionInput = z.object({
  ids: z.array(id).min(1).max(500),
  action: z.enum(UPGRADE_ACTIONS),
  comment: optionalText(500),
  /** 已立项: the project's number, funding year and source, and the approved amount (万元). */
  projectNo: optionalText(40),
  fundingYear: z.number().int().min(2000).max(2100).optional(),
  fundingSource: optionalText(40),
  approvedAmount: z.number().min(0).max(100_000).optional(),
  /** Approving past the year's budget needs this to be true (the user confirmed). */
  overBudgetConfirmed: z.boolean().optional(),
  /** 验收 (accept / fail acceptance): when, who inspected, and the problems found (each closed on its own later). */
  acceptance: z
    .object({
      date: isoDate,
      inspectors: requiredText(100),
      punchItems: z.array(requiredText(200)).max(50).default([]),
    })
    .optional(),
});

/** `approved` includes `carriedOver`: approved-unfunded requests of earlier years. */
export const budgetEnvelope = z.object({
  year: z.number(),
  budget: z.number(),
  approved: z.number(),
  carriedOver: z.number(),
  remaining: z.number(),
});

export const upgradesMethods = {
  'equipment.list': query(
    EVERYONE,
    gridRequestWith({ kind: z.enum(EQUIPMENT_TYPES).optional(), defectOverdue: z.boolean().optional() }),
    gridPage(equipmentRow),
  ),
  'equipment.save': command(LEDGER_EDITORS, equipmentInput, equipmentRow),
  'equipment.delete': command(LEDGER_EDITORS, idsInput, countOutput),
  'upgrades.list': query(
    EVERYONE,
    gridRequestWith({
      statuses: z.array(z.enum(UPGRADE_STATUSES)).max(10).optional(),
      projectType: z.enum(PROJECT_TYPES).optional(),
    }),
    gridPage(upgradeRow),
  ),
  'upgrades.get': query(
    EVERYONE,
    idInput,
    upgradeRow.extend({
      history: z.array(upgradeEvent),
      acceptedOn: z.string().nullable(),
      inspectors: z.string().nullable(),
      punchItems: z.array(punchItem),
    }),
  ),
  /** Closes (销项) one problem from an acceptance's punch list. */
  'upgrades.closePunchItem': command(LEDGER_EDITORS, idInput, punchItem),
  'upgrades.save': command(LEDGER_EDITORS, upgradeInput, upgradeRow),
  'upgrades.delete': command(LEDGER_EDITORS, idsInput, countOutput),
  /** Moves one or many requests on; all or none (one refused request refuses the batch, naming it). */
  'upgrades.transition': command(
    ['clerk', 'planner', 'manager', 'admin'],
    transitionInput,
    z.object({ rows: z.array(upgradeRow), budget: budgetEnvelope }),
  ),
  'budgets.get': query(EVERYONE, z.object({ year: z.number().int().min(2000).max(2100) }), budgetEnvelope),
  'budgets.save': command(
    APPROVERS,
    z.object({ year: z.number().int().min(2000).max(2100), budget: z.number().min(0).max(1_000_000) }),
    budgetEnvelope,
  ),
} as const;
