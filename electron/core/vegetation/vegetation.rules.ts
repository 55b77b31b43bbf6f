import type { HazardBasis, Judgement, VoltageLevel } from '../../contract';
import { SETTING_BY_KEY, parseSpeciesCycles } from '../settings/settings.defaults';
import type { Settings } from '../settings/settings.repository';
import { addDays, addMonths } from '../shared/time';

export interface LineClass {
  voltage: VoltageLevel;
  conductor: 'bare' | 'insulated';
}

const DISTRIBUTION: ReadonlySet<VoltageLevel> = new Set(['0.4', '10']);

/**
 * Which clearance table row applies (DOMAIN.md §1): lines of 10 kV and below by conductor (insulated
 * values where insulated); 35 kV and up by tree class (实施细则 for general trees, GB 50061/50545 for street trees).
 */
export function clearanceScope(line: LineClass, treeClass: 'general' | 'street'): string {
  return DISTRIBUTION.has(line.voltage) ? `${line.voltage}.${line.conductor}` : `${line.voltage}.${treeClass}`;
}

/**
 * Grades a tree hazard: 紧急 when a measured distance is at or below the minimum, 重大 when within the
 * margin (default 3 m) above it, otherwise 一般. The basis names the distance that decided it.
 * Returns null when no distance was measured.
 */
export function judgeClearance(
  line: LineClass,
  treeClass: 'general' | 'street',
  distances: { vertical: number | null | undefined; horizontal: number | null | undefined },
  settings: Pick<Settings, 'number'>,
): Judgement | null {
  const scope = clearanceScope(line, treeClass);
  const margin = settings.number('clearance.majorMargin');
  const candidates: HazardBasis[] = [];
  for (const measure of ['vertical', 'horizontal'] as const) {
    const value = distances[measure];
    if (value === null || value === undefined) continue;
    const settingKey = `clearance.${scope}.${measure}`;
    candidates.push({
      measure,
      value,
      minimum: settings.number(settingKey),
      margin,
      settingKey,
      source: SETTING_BY_KEY.get(settingKey)?.source ?? '',
    });
  }
  if (candidates.length === 0) return null;
  // The distance with the least room above its minimum decides.
  const basis = candidates.reduce((a, b) => (b.value - b.minimum < a.value - a.minimum ? b : a));
  const slack = basis.value - basis.minimum;
  const grade = slack <= 1e-9 ? 'emergency' : slack <= margin + 1e-9 ? 'major' : 'general';
  return { grade, basis };
}

/** Months until the next trimming: per species where the setting lists it, else the default cycle. */
export function trimmingCycleMonths(species: string, settings: Pick<Settings, 'number' | 'string'>): number {
  const bySpecies = parseSpeciesCycles(settings.string('vegetation.cycleMonthsBySpecies'));
  return bySpecies?.get(species.trim()) ?? settings.number('vegetation.cycleMonths');
}

export function nextDueDate(
  status: string,
  completedDate: string | null | undefined,
  species: string,
  settings: Pick<Settings, 'number' | 'string'>,
): string | null {
  if (status !== 'done' || !completedDate) return null;
  return addMonths(completedDate, trimmingCycleMonths(species, settings));
}

/**
 * The day a hazard must be dealt with by. 紧急 and 重大 count from the day it was found
 * (vegetation.deadline.emergencyDays: 1 day, DOMAIN §7's local rule; majorDays: 30 days ⚠️); 一般
 * from its last trimming (else the day it was found) and the trimming cycle. The plan date is when
 * the work is planned and never moves it.
 */
export function hazardDeadline(
  grade: string,
  foundDate: string,
  lastTrimmed: string | null | undefined,
  species: string,
  settings: Pick<Settings, 'number' | 'string'>,
): string {
  if (grade === 'emergency') return addDays(foundDate, settings.number('vegetation.deadline.emergencyDays'));
  if (grade === 'major') return addDays(foundDate, settings.number('vegetation.deadline.majorDays'));
  return addMonths(lastTrimmed ?? foundDate, trimmingCycleMonths(species, settings));
}

/** The day a record's hazard was found; the day it was entered when nobody said. */
export const foundDateOf = (r: { found_date: string | null; created_at: string }): string =>
  r.found_date ?? r.created_at.slice(0, 10);

/** The date that decides "overdue": the deadline while open, the next trimming once done. */
export function dueDate(status: string, deadline: string | null, next: string | null): string | null {
  return status === 'done' ? next : deadline;
}

/** Work planned for after the deadline: shown as late, and saved only with a reason. */
export function plannedPastDeadline(
  status: string,
  plannedDate: string | null | undefined,
  deadline: string | null,
): boolean {
  return status !== 'done' && !!plannedDate && !!deadline && plannedDate > deadline;
}

/**
 * Work planned for after the deadline is saved only with a reason (the planner says why: a road
 * closed, the landowner away), so a slip is never silent. Returns the i18n key of the problem, or null.
 */
export function lateReasonProblem(
  status: string,
  plannedDate: string | null | undefined,
  deadline: string | null,
  reason: string | null | undefined,
): string | null {
  return plannedPastDeadline(status, plannedDate, deadline) && !reason?.trim()
    ? 'vegetation.plannedDate.pastDeadline'
    : null;
}

/** A record given a date and a team is planned: 待排期 moves on to 已排期 (later statuses stay). */
export function statusAfterPlanning(
  status: string,
  plannedDate: string | null | undefined,
  teamId: number | null | undefined,
): string {
  return status === 'unscheduled' && plannedDate && teamId ? 'scheduled' : status;
}

/**
 * 受阻 belongs to the dispute workflow: only opening a dispute blocks a record, only closing it
 * unblocks. Returns the i18n key of the problem, or null.
 */
export function statusChangeProblem(before: string | undefined, next: string): string | null {
  if (before === 'blocked' && next !== 'blocked') return 'vegetation.status.disputeOpen';
  if (before !== 'blocked' && next === 'blocked') return 'vegetation.status.useDispute';
  return null;
}
