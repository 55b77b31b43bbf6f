import { describe, expect, test } from 'vitest';
import {
  ROLES,
  UPGRADE_ACTIONS,
  UPGRADE_STATUSES,
  type Role,
  type UpgradeAction,
  type UpgradeStatus,
} from '../../../../electron/contract';
import { decideTransition, defectDueOn, priorityOf } from '../../../../electron/core/upgrades/upgrades.rules';

/**
 * The workflow as the issue states it, written out here (not read from the code): the action, the
 * states it may start from, where it leads, and who may take it.
 */
const EDITORS: Role[] = ['clerk', 'planner', 'admin'];
const MANAGERS: Role[] = ['manager', 'admin'];
const WORKFLOW: Record<UpgradeAction, [UpgradeStatus[], UpgradeStatus, Role[]]> = {
  submit: [['draft'], 'submitted', EDITORS],
  approve: [['submitted'], 'approved', MANAGERS],
  reject: [['submitted'], 'rejected', MANAGERS],
  revise: [['rejected'], 'draft', EDITORS],
  fund: [['approved'], 'funded', MANAGERS],
  start: [['funded', 'acceptance_failed'], 'in_progress', EDITORS],
  finish: [['in_progress'], 'awaiting_acceptance', EDITORS],
  accept: [['awaiting_acceptance'], 'accepted', MANAGERS],
  failAcceptance: [['awaiting_acceptance'], 'acceptance_failed', MANAGERS],
  close: [['accepted'], 'closed', MANAGERS],
};

const cases = UPGRADE_ACTIONS.flatMap((action) =>
  UPGRADE_STATUSES.flatMap((status) => ROLES.map((role) => ({ action, status, role }))),
);

describe('every action from every state by every role', () => {
  test.each(cases)('$role: $action from $status', ({ action, status, role }) => {
    const [from, to, roles] = WORKFLOW[action];
    const out = decideTransition(
      action,
      { status, requestedBy: 'someone-else', approvals: [], estimatedCost: 10 },
      { username: `${role}1`, role },
      'reason given',
      50,
    );
    if (!roles.includes(role)) expect(out).toEqual({ ok: false, reason: 'upgrades.errors.role' });
    else if (!from.includes(status)) expect(out).toEqual({ ok: false, reason: 'upgrades.errors.wrongStatus' });
    else expect(out).toMatchObject({ ok: true, to });
  });
  expect(cases).toHaveLength(10 * 10 * 4);
});

describe('the rules around a decision', () => {
  const submitted = { status: 'submitted' as const, requestedBy: 'clerk1', approvals: [], estimatedCost: 10 };
  const manager = { username: 'manager1', role: 'manager' as const };

  test('rejecting and failing an acceptance need a reason', () => {
    expect(decideTransition('reject', submitted, manager, '  ', 50)).toEqual({
      ok: false,
      reason: 'upgrades.errors.reasonRequired',
    });
    expect(decideTransition('reject', submitted, manager, '预算不足，明年再报', 50)).toMatchObject({
      ok: true,
      to: 'rejected',
    });
    const awaiting = { ...submitted, status: 'awaiting_acceptance' as const };
    expect(decideTransition('failAcceptance', awaiting, manager, null, 50)).toEqual({
      ok: false,
      reason: 'upgrades.errors.reasonRequired',
    });
  });

  test('nobody approves a request they raised', () => {
    expect(
      decideTransition(
        'approve',
        { ...submitted, requestedBy: 'admin1' },
        { username: 'admin1', role: 'admin' },
        null,
        50,
      ),
    ).toEqual({ ok: false, reason: 'upgrades.errors.ownRequest' });
  });

  test('above the two-approval amount the first approval keeps it pending, a second manager passes it, the same one twice is refused', () => {
    const big = { ...submitted, estimatedCost: 80 };
    const first = decideTransition('approve', big, manager, null, 50);
    expect(first).toEqual({ ok: true, to: 'submitted', approvals: ['manager1'] });
    expect(decideTransition('approve', { ...big, approvals: ['manager1'] }, manager, null, 50)).toEqual({
      ok: false,
      reason: 'upgrades.errors.alreadyApproved',
    });
    expect(
      decideTransition(
        'approve',
        { ...big, approvals: ['manager1'] },
        { username: 'manager2', role: 'manager' },
        null,
        50,
      ),
    ).toEqual({ ok: true, to: 'approved', approvals: ['manager1', 'manager2'] });
    // At the amount exactly, one approval is enough.
    expect(decideTransition('approve', { ...submitted, estimatedCost: 50 }, manager, null, 50)).toMatchObject({
      ok: true,
      to: 'approved',
    });
  });

  test('a revised request starts a new round of approvals', () => {
    expect(
      decideTransition(
        'revise',
        { ...submitted, status: 'rejected', approvals: ['manager1'] },
        { username: 'clerk1', role: 'clerk' },
        null,
        50,
      ),
    ).toEqual({ ok: true, to: 'draft', approvals: [] });
  });
});

describe('priority and defect deadlines', () => {
  const w = { condition: 30, age: 20, defect: 30, consequence: 20 };
  test('the score adds the weighted factors and shows each one', () => {
    const worst = priorityOf({ condition: 5, age: 30, defectGrade: 'critical', customersAffected: 10_000 }, w);
    expect(worst.score).toBe(100);
    const p = priorityOf({ condition: 3, age: 15, defectGrade: 'serious', customersAffected: 99 }, w);
    expect(p.parts).toEqual([
      { factor: 'condition', value: 3, weight: 30, points: 15 },
      { factor: 'age', value: 15, weight: 20, points: 10 },
      { factor: 'defect', value: 2, weight: 30, points: 20 },
      { factor: 'consequence', value: 99, weight: 20, points: 10 },
    ]);
    expect(p.score).toBe(55);
    expect(priorityOf({ condition: 1, age: null, defectGrade: null, customersAffected: 0 }, w).score).toBe(0);
  });

  test('危急 within a day, 严重 within 30 days, 一般 within the year (settings)', () => {
    const days = { critical: 1, serious: 30, general: 365 };
    expect(defectDueOn('critical', '2026-07-01', days)).toBe('2026-07-02');
    expect(defectDueOn('serious', '2026-07-01', days)).toBe('2026-07-31');
    expect(defectDueOn(null, '2026-07-01', days)).toBeNull();
  });
});
