import { UPGRADE_TRANSITIONS, allows, type Role, type UpgradeAction, type UpgradeStatus } from '../../contract';
import { addDays } from '../shared/time';

/** Weights of the priority score (settings upgrades.weight.*), in points out of their sum. */
export interface PriorityWeights {
  condition: number;
  age: number;
  defect: number;
  consequence: number;
}

export interface PriorityFacts {
  /** 1 good … 5 very poor */
  condition: number;
  age: number | null;
  defectGrade: 'general' | 'serious' | 'critical' | null;
  customersAffected: number;
}

const DEFECT_SHARE = { general: 1 / 3, serious: 2 / 3, critical: 1 } as const;
const round = (x: number) => Math.round(x * 10) / 10;

/**
 * The priority score and why: each factor scaled to 0–1 (condition 1→0 … 5→1; age 0→0 … 30 years→1;
 * defect none/一般/严重/危急 → 0/⅓/⅔/1; customers affected on a log scale, 10,000 → 1) times its weight.
 */
export function priorityOf(f: PriorityFacts, w: PriorityWeights) {
  const parts = [
    {
      factor: 'condition',
      value: f.condition,
      weight: w.condition,
      share: (Math.min(5, Math.max(1, f.condition)) - 1) / 4,
    },
    { factor: 'age', value: f.age ?? 0, weight: w.age, share: Math.min(1, Math.max(0, (f.age ?? 0) / 30)) },
    {
      factor: 'defect',
      value: f.defectGrade ? ['general', 'serious', 'critical'].indexOf(f.defectGrade) + 1 : 0,
      weight: w.defect,
      share: f.defectGrade ? DEFECT_SHARE[f.defectGrade] : 0,
    },
    {
      factor: 'consequence',
      value: f.customersAffected,
      weight: w.consequence,
      share: Math.min(1, Math.log10(f.customersAffected + 1) / 4),
    },
  ].map((p) => ({ factor: p.factor, value: p.value, weight: p.weight, points: round(p.weight * p.share) }));
  return { score: round(parts.reduce((n, p) => n + p.points, 0)), parts };
}

/** When a defect must be handled by (危急 1 day, 严重 30 days, 一般 within the year's plan: settings). */
export function defectDueOn(
  grade: 'general' | 'serious' | 'critical' | null,
  foundOn: string | null,
  days: Record<'general' | 'serious' | 'critical', number>,
): string | null {
  return grade && foundOn ? addDays(foundOn, days[grade]) : null;
}

export interface TransitionFacts {
  status: UpgradeStatus;
  requestedBy: string;
  approvals: string[];
  estimatedCost: number;
}

export interface Actor {
  username: string;
  role: Role;
}

export type TransitionOutcome = { ok: true; to: UpgradeStatus; approvals: string[] } | { ok: false; reason: string };

/**
 * Whether this person may take this action on this request now, and where it leads. Above the
 * two-approval amount the first approval is recorded and the request stays 已提交 until a second,
 * different manager approves.
 */
export function decideTransition(
  action: UpgradeAction,
  r: TransitionFacts,
  who: Actor,
  comment: string | null | undefined,
  secondApprovalAbove: number,
): TransitionOutcome {
  const rule = UPGRADE_TRANSITIONS[action];
  if (!allows(rule.roles, who.role)) return { ok: false, reason: 'upgrades.errors.role' };
  if (!rule.from.includes(r.status)) return { ok: false, reason: 'upgrades.errors.wrongStatus' };
  if (rule.needsReason && !comment?.trim()) return { ok: false, reason: 'upgrades.errors.reasonRequired' };
  if (action === 'approve') {
    if (r.requestedBy === who.username) return { ok: false, reason: 'upgrades.errors.ownRequest' };
    if (r.approvals.includes(who.username)) return { ok: false, reason: 'upgrades.errors.alreadyApproved' };
    const approvals = [...r.approvals, who.username];
    const needed = r.estimatedCost > secondApprovalAbove ? 2 : 1;
    return { ok: true, to: approvals.length >= needed ? 'approved' : 'submitted', approvals };
  }
  // A new round of decisions starts when a request is revised.
  return { ok: true, to: rule.to, approvals: action === 'revise' ? [] : r.approvals };
}
