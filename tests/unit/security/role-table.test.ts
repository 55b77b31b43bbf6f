import { describe, expect, it } from 'vitest';
import { ROLES, allows, contract, type MethodName, type Role } from '../../../electron/contract';

// The role table the README shows (ARCHITECTURE "Roles"), written out by hand so that a change to the
// contract that hands a planner's or a manager's work to someone else fails here, not in an office.
const who = (method: MethodName): Role[] => ROLES.filter((r) => allows(contract[method].access, r));

const TABLE: [string, MethodName[], Role[]][] = [
  [
    'clerks keep the ledgers and record results',
    [
      'vegetation.save',
      'lightningTests.save',
      'trips.save',
      'equipment.save',
      'staff.save',
      'certificates.save',
      'training.save',
      'absences.save',
      'repairs.save',
      'upgrades.save',
      'trimming.recordDone',
      'trimming.markNotified',
    ],
    ['clerk', 'planner', 'admin'],
  ],
  [
    'planners plan: the trimming plan, outages, the duty roster',
    [
      'roster.generate',
      'roster.publish',
      'roster.assign',
      'roster.unassign',
      'seasons.save',
      'seasons.delete',
      'trimming.savePackage',
      'trimming.autoPlan',
      'trimming.issueOrder',
      'trimming.submitMonth',
      'outages.save',
    ],
    ['planner', 'admin'],
  ],
  [
    'planners keep the reference data and the repair areas with their promises',
    ['lines.save', 'townships.save', 'villages.save', 'teams.save', 'repairAreas.save', 'repairAreas.applyPreset'],
    ['planner', 'admin'],
  ],
  ['managers approve', ['trimming.approveMonth', 'outages.approve', 'budgets.save'], ['manager', 'admin']],
  [
    'admins manage users, thresholds and backups',
    ['accounts.saveUser', 'accounts.resetPassword', 'settings.reset', 'backup.create', 'backup.list'],
    ['admin'],
  ],
];

describe('who may do what', () => {
  it.each(TABLE)('%s', (_what, methods, roles) => {
    for (const m of methods) expect(who(m), m).toEqual(roles);
  });

  it('a clerk records absences and repair calls but cannot generate, publish or override the roster', () => {
    expect(allows(contract['absences.save'].access, 'clerk')).toBe(true);
    expect(allows(contract['repairs.save'].access, 'clerk')).toBe(true);
    for (const m of ['roster.generate', 'roster.publish', 'roster.assign', 'roster.unassign'] as const)
      expect(allows(contract[m].access, 'clerk'), m).toBe(false);
  });

  it('a manager reads everything and writes no ledger', () => {
    for (const m of ['vegetation.save', 'roster.generate', 'lightningTests.save', 'lines.save'] as const)
      expect(allows(contract[m].access, 'manager'), m).toBe(false);
    const reads = (Object.keys(contract) as MethodName[]).filter(
      (m) => !contract[m].writes && contract[m].access !== 'public',
    );
    // Not reads: admin lists, reading a sheet to import, and the planner's what-if check of a package.
    const tools = new Set<MethodName>(['excel.analyse', 'trimming.check']);
    for (const m of reads.filter((m) => !m.startsWith('accounts.') && !m.startsWith('backup.') && !tools.has(m)))
      expect(allows(contract[m].access, 'manager'), m).toBe(true);
  });
});
