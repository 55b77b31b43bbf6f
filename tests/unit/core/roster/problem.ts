import { DEFAULT_SHIFTS } from '../../../../electron/contract';
import { seasonDays, type RosterPerson, type RosterProblem } from '../../../../electron/core/roster/roster.rules';

export const REQUIRED = ['配电设备', '电缆', '架空线路'];

/** A seeded pseudo-random source, so a failing case can be replayed. */
export function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function person(id: number, skills: string[], extra: Partial<RosterPerson> = {}): RosterPerson {
  return { id, name: `员工${id}`, skills, ineligible: new Map(), absent: new Map(), wishes: new Set(), ...extra };
}

/**
 * The county office of the issue: 60 people (some with leave, wishes and a lapsed certificate),
 * 92 days from 6-15, day and night shifts, 城区 / 农村 / 山区 with one crew each and an extra 城区
 * crew on heat-wave days.
 */
export function countyProblem(seed = 7, people = 60): RosterProblem {
  const rnd = random(seed);
  const days = seasonDays('2026-06-15', '2026-09-14');
  const staff: RosterPerson[] = [];
  for (let i = 1; i <= people; i++) {
    const skills = REQUIRED.filter(() => rnd() < 0.45);
    if (skills.length === 0) skills.push(REQUIRED[i % 3]!);
    const p = person(i, skills);
    if (rnd() < 0.3) {
      const start = Math.floor(rnd() * 80);
      for (let d = start; d < start + 7; d++) p.absent.set(days[d]!, 'leave');
    }
    if (rnd() < 0.5) for (let k = 0; k < 4; k++) p.wishes.add(days[Math.floor(rnd() * days.length)]!);
    if (i % 20 === 0) for (const d of days.slice(30)) p.ineligible.set(d, { key: 'staff.eligibility.certificateExpired' });
    staff.push(p);
  }
  return {
    days,
    shifts: DEFAULT_SHIFTS,
    areas: [
      { id: 1, crewsPerShift: 1, peakExtraCrews: 1 },
      { id: 2, crewsPerShift: 1, peakExtraCrews: 0 },
      { id: 3, crewsPerShift: 1, peakExtraCrews: 0 },
    ],
    peakDays: new Set(days.filter((d) => d >= '2026-07-20' && d <= '2026-07-31')),
    people: staff,
    rules: { requiredSkills: REQUIRED, minCrewSize: 2, minRestHours: 12, maxConsecutiveDays: 6 },
  };
}
