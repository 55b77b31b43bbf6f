import type { PlanRule, PlanViolation, WorkMethod } from '../../contract';
import { addDays, daysBetween } from '../shared/time';

/**
 * The trimming board's rules as one checker: a drag on the board, a saved package and the automatic
 * plan are all judged by it. The planner (trimming.planner.ts) keeps its own bookkeeping and shares
 * nothing with this file beyond date arithmetic, so the tests can prove one with the other.
 */

export interface RuleRecord {
  id: number;
  lineId: number;
  towerFrom: number;
  towerTo: number;
  townshipId: number | null;
  treeCount: number;
  action: 'trim' | 'fell' | 'transplant';
  grade: string;
  deadline: string | null;
  status: string;
  /** A named landowner must be given the notice before the work. */
  hasLandowner: boolean;
  notifiedOn: string | null;
}

export interface RuleTeam {
  id: number;
  name: string;
  /** Person-minutes a day. */
  capacity: number;
  crewSize: number;
  /** The townships it serves; empty: all of them. */
  townshipIds: number[];
  unavailable: { fromDate: string; toDate: string; reason: string }[];
}

export interface RuleWindow {
  lineId: number;
  date: string;
  startTime: string;
  endTime: string;
  towerFrom: number | null;
  towerTo: number | null;
  status: string;
}

export interface RuleCalendar {
  /** 法定节假日 (non-working, weekdays included). */
  holidays: Map<string, string>;
  /** 调休: weekend days that are working days. */
  workdays: Set<string>;
}

export interface Placement {
  /** The package's id, or a draft's own key. */
  key: string | number;
  teamId: number;
  date: string;
  days: number;
  method: WorkMethod;
  recordIds: number[];
}

export interface PlanWorld {
  records: Map<number, RuleRecord>;
  teams: Map<number, RuleTeam>;
  windows: RuleWindow[];
  calendar: RuleCalendar;
  minutesPerTree: Record<RuleRecord['action'], number>;
  noticeLeadDays: number;
  today: string;
}

/** Rules the automatic plan must never break; the others (a deadline already past, a notice) it reports. */
export const HARD_RULES: ReadonlySet<PlanRule> = new Set([
  'capacity',
  'nonWorkingDay',
  'teamUnavailable',
  'township',
  'blocked',
  'outage',
  'taken',
]);

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The calendar days a placement covers: its date and the days after it. */
export function daysOf(date: string, days: number): string[] {
  return Array.from({ length: Math.max(1, days) }, (_, i) => addDays(date, i));
}

/** Monday to Friday, unless a holiday; a weekend day only when it is a 调休 workday. */
export function isWorkingDay(date: string, calendar: RuleCalendar): boolean {
  if (calendar.holidays.has(date)) return false;
  if (calendar.workdays.has(date)) return true;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

export const recordMinutes = (
  r: Pick<RuleRecord, 'treeCount' | 'action'>,
  minutesPerTree: PlanWorld['minutesPerTree'],
) => r.treeCount * minutesPerTree[r.action];

/** A placement's work in person-minutes, and what falls on each of its days. */
export function placementMinutes(p: Placement, world: PlanWorld): number {
  return p.recordIds.reduce(
    (sum, id) => sum + (world.records.has(id) ? recordMinutes(world.records.get(id)!, world.minutesPerTree) : 0),
    0,
  );
}

const v = (
  rule: PlanRule,
  date: string | null,
  recordId: number | null,
  params: PlanViolation['params'] = {},
): PlanViolation => ({ rule, date, recordId, params });

/** A window that covers a record's towers on a day, long enough for the crew's hours there. */
function windowCovers(w: RuleWindow, r: RuleRecord, date: string, clockMinutes: number): boolean {
  if (w.status !== 'approved' || w.lineId !== r.lineId || w.date !== date) return false;
  const towers = w.towerFrom === null || w.towerTo === null || (w.towerFrom <= r.towerFrom && r.towerTo <= w.towerTo);
  return towers && minutesOf(w.endTime) - minutesOf(w.startTime) >= clockMinutes;
}

/** Everything about one placement except the team-day's total load (which needs the others). */
function placementViolations(p: Placement, world: PlanWorld): PlanViolation[] {
  const out: PlanViolation[] = [];
  const team = world.teams.get(p.teamId);
  const days = daysOf(p.date, p.days);
  const lastDay = days[days.length - 1]!;
  for (const day of days) {
    if (!isWorkingDay(day, world.calendar))
      out.push(
        v(
          'nonWorkingDay',
          day,
          null,
          world.calendar.holidays.has(day) ? { holiday: world.calendar.holidays.get(day)! } : {},
        ),
      );
    const away = team?.unavailable.find((u) => u.fromDate <= day && day <= u.toDate);
    if (away) out.push(v('teamUnavailable', day, null, { reason: away.reason, team: team!.name }));
  }
  // The crew's clock time a day: person-minutes over the crew, spread over the days.
  const clockMinutes = team ? Math.ceil(placementMinutes(p, world) / p.days / Math.max(1, team.crewSize)) : 0;
  for (const id of p.recordIds) {
    const r = world.records.get(id);
    if (!r) continue;
    if (r.status === 'blocked') out.push(v('blocked', null, id));
    if (team && team.townshipIds.length > 0 && r.townshipId !== null && !team.townshipIds.includes(r.townshipId))
      out.push(v('township', null, id, { team: team.name }));
    if (r.deadline && lastDay > r.deadline) out.push(v('deadline', lastDay, id, { deadline: r.deadline }));
    if (p.method === 'outage') {
      for (const day of days)
        if (!world.windows.some((w) => windowCovers(w, r, day, clockMinutes)))
          out.push(v('outage', day, id, { minutes: clockMinutes }));
    }
    // A 紧急 hazard is cut first and the owner told at once (the law allows it: DOMAIN §1.1); others wait for the notice.
    if (r.hasLandowner && r.grade !== 'emergency') {
      // Notified: counted from that day. Not yet: a notice handed over today is the earliest.
      const from = r.notifiedOn ?? world.today;
      if (daysBetween(from, p.date) < world.noticeLeadDays)
        out.push(v('notice', p.date, id, { lead: world.noticeLeadDays, notified: r.notifiedOn ?? '' }));
    }
  }
  return out;
}

/** Load of each team-day, in person-minutes, from these placements (each spread over its days). */
export function loadsOf(placements: Placement[], world: PlanWorld): Map<string, number> {
  const loads = new Map<string, number>();
  for (const p of placements) {
    const share = placementMinutes(p, world) / p.days;
    for (const day of daysOf(p.date, p.days))
      loads.set(`${p.teamId}|${day}`, (loads.get(`${p.teamId}|${day}`) ?? 0) + share);
  }
  return loads;
}

/**
 * The rules one placement breaks, among the others already on the board (excluding itself, by key):
 * what a drag shows before anything is saved.
 */
export function checkPlacement(p: Placement, others: Placement[], world: PlanWorld): PlanViolation[] {
  const rest = others.filter((o) => o.key !== p.key);
  const out = placementViolations(p, world);
  const loads = loadsOf([...rest.filter((o) => o.teamId === p.teamId), p], world);
  const capacity = world.teams.get(p.teamId)?.capacity ?? 0;
  for (const day of daysOf(p.date, p.days)) {
    const load = Math.round(loads.get(`${p.teamId}|${day}`) ?? 0);
    if (load > capacity) out.push(v('capacity', day, null, { load, capacity }));
  }
  const taken = new Set(rest.flatMap((o) => o.recordIds));
  for (const id of p.recordIds) if (taken.has(id)) out.push(v('taken', null, id));
  return out;
}

/** Every rule every placement of a plan breaks: the whole board, or an automatic plan with what was there. */
export function checkPlan(placements: Placement[], world: PlanWorld): PlanViolation[] {
  const out = placements.flatMap((p) => placementViolations(p, world));
  for (const [key, load] of loadsOf(placements, world)) {
    const [teamId, day] = key.split('|') as [string, string];
    const capacity = world.teams.get(Number(teamId))?.capacity ?? 0;
    if (Math.round(load) > capacity)
      out.push(v('capacity', day, null, { load: Math.round(load), capacity, teamId: Number(teamId) }));
  }
  const seen = new Set<number>();
  for (const p of placements) {
    for (const id of p.recordIds) {
      if (seen.has(id)) out.push(v('taken', null, id));
      seen.add(id);
    }
  }
  return out;
}
