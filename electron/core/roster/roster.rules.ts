import type { Fairness, HardRule, ShiftTemplate, Violation } from '../../contract';
import { addDays } from '../shared/time';

/**
 * The roster's hard rules as one independent checker. The generator has its own (incremental)
 * feasibility tests; the tests run every generated roster through this checker, so the generator is
 * never taken at its word.
 */

export interface RosterRules {
  /** Every crew together covers these (setting roster.requiredSkills). */
  requiredSkills: string[];
  minCrewSize: number;
  minRestHours: number;
  maxConsecutiveDays: number;
}

export interface RosterPerson {
  id: number;
  name: string;
  skills: string[];
  /** Days (in the season) the person may not be on duty, with the reason key (certificate, 安规 …). */
  ineligible: Map<string, { key: string; params?: Record<string, string | number> }>;
  /** Days of leave or training (hard) and wished days off (soft). */
  absent: Map<string, 'leave' | 'training'>;
  wishes: Set<string>;
}

export interface RosterArea {
  id: number;
  crewsPerShift: number;
  peakExtraCrews: number;
}

export interface RosterProblem {
  days: string[];
  shifts: ShiftTemplate[];
  areas: RosterArea[];
  peakDays: Set<string>;
  people: RosterPerson[];
  rules: RosterRules;
}

export interface Placement {
  date: string;
  shift: string;
  areaId: number;
  crew: number;
  staffId: number;
}

/** All days from start to end inclusive. */
export function seasonDays(start: string, end: string): string[] {
  const days: string[] = [];
  for (let d = start; d <= end; d = addDays(d, 1)) days.push(d);
  return days;
}

/** A shift's start and end in minutes since 1970 (local wall clock as if UTC: only differences matter). */
export function shiftSpan(date: string, shift: ShiftTemplate): { start: number; end: number } {
  const [h, m] = shift.start.split(':').map(Number) as [number, number];
  const start = Date.parse(`${date}T00:00:00Z`) / 60_000 + h * 60 + m;
  return { start, end: start + shift.hours * 60 };
}

/** A shift that ends on the next calendar day counts as the night shift for fairness. */
export function isNight(shift: ShiftTemplate): boolean {
  const [h, m] = shift.start.split(':').map(Number) as [number, number];
  return h * 60 + m + shift.hours * 60 > 24 * 60 || h >= 18;
}
export const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

/** Crews an area needs in a shift on a day. */
export const crewsNeeded = (area: RosterArea, date: string, peakDays: Set<string>) =>
  area.crewsPerShift + (peakDays.has(date) ? area.peakExtraCrews : 0);

const v = (
  rule: HardRule,
  date: string,
  shift: string,
  rest: Partial<Pick<Violation, 'areaId' | 'crew' | 'staffId' | 'params'>> = {},
): Violation => ({
  rule,
  date,
  shift,
  areaId: rest.areaId ?? null,
  crew: rest.crew ?? null,
  staffId: rest.staffId ?? null,
  params: rest.params ?? {},
});

/** Every hard rule the placements break. */
export function checkRoster(problem: RosterProblem, placements: Placement[]): Violation[] {
  const out: Violation[] = [];
  const people = new Map(problem.people.map((p) => [p.id, p]));
  const shifts = new Map(problem.shifts.map((s) => [s.code, s]));
  const { rules } = problem;

  // Crews: skills and size.
  const crews = new Map<string, Placement[]>();
  for (const p of placements) {
    const key = `${p.date}|${p.shift}|${p.areaId}|${p.crew}`;
    crews.set(key, [...(crews.get(key) ?? []), p]);
  }
  for (const members of crews.values()) {
    const { date, shift, areaId, crew } = members[0]!;
    const skills = new Set(members.flatMap((m) => people.get(m.staffId)?.skills ?? []));
    const missing = rules.requiredSkills.filter((s) => !skills.has(s));
    if (missing.length) out.push(v('skills', date, shift, { areaId, crew, params: { skills: missing.join('、') } }));
    const size = new Set(members.map((m) => m.staffId)).size;
    if (size < rules.minCrewSize)
      out.push(v('crewSize', date, shift, { areaId, crew, params: { size, min: rules.minCrewSize } }));
  }

  // Coverage: each area has the crews it needs in every shift.
  for (const date of problem.days) {
    for (const shift of problem.shifts) {
      for (const area of problem.areas) {
        const formed = new Set(
          placements
            .filter((p) => p.date === date && p.shift === shift.code && p.areaId === area.id)
            .map((p) => p.crew),
        ).size;
        const needed = crewsNeeded(area, date, problem.peakDays);
        if (formed < needed)
          out.push(
            v('coverage', date, shift.code, { areaId: area.id, params: { needed, formed, short: needed - formed } }),
          );
      }
    }
  }

  // People: eligibility, absences, overlaps, rest, consecutive days.
  const byPerson = new Map<number, (Placement & { start: number; end: number })[]>();
  for (const p of placements) {
    const shift = shifts.get(p.shift);
    if (!shift) continue;
    byPerson.set(p.staffId, [...(byPerson.get(p.staffId) ?? []), { ...p, ...shiftSpan(p.date, shift) }]);
  }
  for (const [staffId, list] of byPerson) {
    const person = people.get(staffId);
    list.sort((a, b) => a.start - b.start || a.areaId - b.areaId || a.crew - b.crew);
    for (const p of list) {
      const at = { areaId: p.areaId, crew: p.crew, staffId };
      const why = person ? person.ineligible.get(p.date) : { key: 'roster.rule.unknownPerson' };
      if (why)
        out.push(
          v('eligibility', p.date, p.shift, {
            ...at,
            params: { ...(why.params ?? {}), name: person?.name ?? String(staffId), reason: why.key },
          }),
        );
      const absence = person?.absent.get(p.date);
      if (absence) out.push(v('absence', p.date, p.shift, { ...at, params: { name: person!.name, kind: absence } }));
    }
    for (let i = 1; i < list.length; i++) {
      const prev = list[i - 1]!;
      const cur = list[i]!;
      const name = person?.name ?? String(staffId);
      const at = { areaId: cur.areaId, crew: cur.crew, staffId };
      if (cur.start < prev.end)
        out.push(
          v('doubleBooked', cur.date, cur.shift, {
            ...at,
            params: { name, otherDate: prev.date, otherShift: prev.shift },
          }),
        );
      else if (cur.start - prev.end < rules.minRestHours * 60) {
        out.push(
          v('rest', cur.date, cur.shift, {
            ...at,
            params: { name, hours: Math.round(((cur.start - prev.end) / 60) * 10) / 10, min: rules.minRestHours },
          }),
        );
      }
    }
    // Consecutive duty days, counted by the day a shift starts.
    const days = [...new Set(list.map((p) => p.date))].sort();
    let run = 0;
    for (let i = 0; i < days.length; i++) {
      run = i > 0 && addDays(days[i - 1]!, 1) === days[i] ? run + 1 : 1;
      if (run === rules.maxConsecutiveDays + 1) {
        const first = list.find((p) => p.date === days[i])!;
        out.push(
          v('consecutive', days[i]!, first.shift, {
            areaId: first.areaId,
            crew: first.crew,
            staffId,
            params: { name: person?.name ?? String(staffId), max: rules.maxConsecutiveDays },
          }),
        );
      }
    }
  }
  return out;
}

/** Night, weekend and total duty per person: min and max across the people who can be on duty. */
/** People alike for fairness: the same required skills and the same days they can be on duty. */
export function alikeKey(person: RosterPerson, problem: RosterProblem): string {
  const skills = problem.rules.requiredSkills.filter((s) => person.skills.includes(s)).join('+');
  const off = problem.days.filter((d) => person.ineligible.has(d) || person.absent.has(d)).join(',');
  return `${skills}|${off}`;
}

export function fairnessOf(problem: RosterProblem, placements: Placement[]): Fairness {
  const shifts = new Map(problem.shifts.map((s) => [s.code, s]));
  const counts = new Map<number, { nights: number; weekends: number; shifts: number }>();
  const usable = problem.people.filter((p) => p.ineligible.size < problem.days.length);
  for (const p of usable) counts.set(p.id, { nights: 0, weekends: 0, shifts: 0 });
  let wishes = 0;
  let broken = 0;
  const onDuty = new Set(placements.map((p) => `${p.staffId}|${p.date}`));
  for (const person of usable) {
    for (const day of person.wishes) {
      if (!problem.days.includes(day)) continue;
      wishes++;
      if (onDuty.has(`${person.id}|${day}`)) broken++;
    }
  }
  for (const p of placements) {
    const c = counts.get(p.staffId);
    if (!c) continue;
    c.shifts++;
    if (isNight(shifts.get(p.shift)!)) c.nights++;
    if (isWeekend(p.date)) c.weekends++;
  }
  const values = [...counts.values()];
  const span = (f: (c: { nights: number; weekends: number; shifts: number }) => number) =>
    values.length ? [Math.min(...values.map(f)), Math.max(...values.map(f))] : [0, 0];
  const [minNights, maxNights] = span((c) => c.nights);
  const [minWeekends, maxWeekends] = span((c) => c.weekends);
  const [minShifts, maxShifts] = span((c) => c.shifts);

  // Spreads among people who are alike.
  const groups = new Map<string, { shifts: number; nights: number }[]>();
  for (const p of usable) {
    const key = alikeKey(p, problem);
    groups.set(key, [...(groups.get(key) ?? []), counts.get(p.id)!]);
  }
  const spreadOf = (f: (c: { shifts: number; nights: number }) => number) =>
    Math.max(0, ...[...groups.values()].map((g) => Math.max(...g.map(f)) - Math.min(...g.map(f))));

  // Skills too scarce for their holders to take only the average: every placed crew needs one holder.
  const crews = new Set(placements.map((p) => `${p.date}|${p.shift}|${p.areaId}|${p.crew}`)).size;
  const average = usable.length ? Math.round((placements.length / usable.length) * 10) / 10 : 0;
  const scarce = problem.rules.requiredSkills
    .map((skill) => {
      const people = usable.filter((p) => p.skills.includes(skill)).length;
      return { skill, people, minShifts: people ? Math.ceil(crews / people) : 0, average };
    })
    .filter((s) => s.people > 0 && s.minShifts > average)
    .sort((a, b) => b.minShifts - a.minShifts);

  return {
    minNights: minNights!,
    maxNights: maxNights!,
    minWeekends: minWeekends!,
    maxWeekends: maxWeekends!,
    minShifts: minShifts!,
    maxShifts: maxShifts!,
    wishes,
    wishesHonoured: wishes - broken,
    alikeShiftSpread: spreadOf((c) => c.shifts),
    alikeNightSpread: spreadOf((c) => c.nights),
    scarce,
  };
}
