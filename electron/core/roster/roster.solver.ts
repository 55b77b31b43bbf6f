import type { Shortage } from '../../contract';
import { addDays } from '../shared/time';
import {
  crewsNeeded,
  isNight,
  isWeekend,
  shiftSpan,
  type Placement,
  type RosterPerson,
  type RosterProblem,
} from './roster.rules';

/**
 * Fills a season in two passes.
 *
 * 1. Construction, shift by shift in time order: each crew is built by a greedy set cover of the
 *    required skills (the person bringing the most missing skills first; among equals the one with
 *    the least duty so far, preferring holders of plentiful skills so scarce ones last), then filled
 *    to the minimum size. A person is only considered when every hard rule still holds for them
 *    (eligible that day, not on leave or training, not in an overlapping shift, rest kept on both
 *    sides, consecutive days within the limit). A crew that cannot be completed is not placed: it is
 *    reported as a shortage, so the roster never holds a broken crew.
 * 2. Local search for the soft rules: replace a crew member by someone with less night, weekend or
 *    total duty (or without a wish for that day off) when the newcomer passes the same hard-rule
 *    tests and the crew keeps its skills; stop when a pass improves nothing.
 * 3. Balancing among people with the same required skills: while two of them differ by more than 2
 *    in nights or in total shifts, a duty moves from the one with most to the one with fewest
 *    (same skills, so the crew keeps them; the same hard-rule tests). The sum of squares in pass 2
 *    can stop short of that when nights and totals pull different ways.
 *
 * Why not an ILP: 92 days × 2 shifts × 60 people × crews is tens of thousands of binaries with
 * rest and run-length constraints; a WASM MIP solver would add megabytes and seconds without a
 * bound we could promise on an office PC. Greedy construction with hard-rule tests is exact about
 * the hard rules (proved separately by `checkRoster`) and fast; the search only trades fairness.
 */

interface Slot {
  date: string;
  shift: string;
  start: number;
  end: number;
  night: boolean;
  weekend: boolean;
  /** Monday of the week, for crew stability. */
  week: string;
}

interface Duty {
  start: number;
  end: number;
  date: string;
}

interface State {
  person: RosterPerson;
  duties: Duty[];
  days: Set<string>;
  shifts: number;
  nights: number;
  weekends: number;
  /** area|crew|week this person was last on, for keeping crews together within a week. */
  lastCrew: string | null;
}

export interface SolveResult {
  placements: Placement[];
  shortages: Shortage[];
}

const mondayOf = (date: string) => addDays(date, -((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7));

export function solveRoster(
  problem: RosterProblem,
  progress: (done: number, total: number) => void = () => undefined,
): SolveResult {
  const { rules } = problem;
  const required = rules.requiredSkills;
  const restMin = rules.minRestHours * 60;
  const states = new Map<number, State>(
    problem.people.map((p) => [
      p.id,
      { person: p, duties: [], days: new Set(), shifts: 0, nights: 0, weekends: 0, lastCrew: null },
    ]),
  );
  const holders = new Map(required.map((s) => [s, problem.people.filter((p) => p.skills.includes(s)).length]));
  /** Using a holder of a scarce skill where it is not needed costs more. */
  const scarcity = new Map(
    problem.people.map((p) => [
      p.id,
      p.skills.reduce((sum, s) => sum + (holders.has(s) ? 40 / Math.max(1, holders.get(s)!) : 0), 0),
    ]),
  );

  function consecutiveOk(st: State, date: string): boolean {
    if (st.days.has(date)) return true;
    let run = 1;
    for (let d = addDays(date, -1); st.days.has(d); d = addDays(d, -1)) run++;
    for (let d = addDays(date, 1); st.days.has(d); d = addDays(d, 1)) run++;
    return run <= rules.maxConsecutiveDays;
  }

  function canTake(st: State, slot: Slot): boolean {
    if (st.person.ineligible.has(slot.date) || st.person.absent.has(slot.date)) return false;
    for (const d of st.duties) {
      if (
        d.end <= slot.start ? slot.start - d.end < restMin : d.start >= slot.end ? d.start - slot.end < restMin : true
      )
        return false;
    }
    return consecutiveOk(st, slot.date);
  }

  function cost(st: State, slot: Slot, crewKey: string): number {
    let c = st.shifts * 10 + scarcity.get(st.person.id)!;
    if (slot.night) c += st.nights * 15;
    if (slot.weekend) c += st.weekends * 12;
    if (st.person.wishes.has(slot.date)) c += 400;
    if (st.lastCrew === crewKey) c -= 25;
    return c;
  }

  function place(st: State, slot: Slot, crewKey: string) {
    st.duties.push({ start: slot.start, end: slot.end, date: slot.date });
    st.days.add(slot.date);
    st.shifts++;
    if (slot.night) st.nights++;
    if (slot.weekend) st.weekends++;
    st.lastCrew = crewKey;
  }

  function unplace(st: State, slot: Slot) {
    st.duties = st.duties.filter((d) => d.start !== slot.start);
    if (!st.duties.some((d) => d.date === slot.date)) st.days.delete(slot.date);
    st.shifts--;
    if (slot.night) st.nights--;
    if (slot.weekend) st.weekends--;
  }

  const slots: Slot[] = [];
  for (const date of problem.days) {
    for (const shift of [...problem.shifts].sort((a, b) => a.start.localeCompare(b.start))) {
      slots.push({
        date,
        shift: shift.code,
        ...shiftSpan(date, shift),
        night: isNight(shift),
        weekend: isWeekend(date),
        week: mondayOf(date),
      });
    }
  }

  const placements: Placement[] = [];
  const shortages: Shortage[] = [];
  const crewOf = new Map<string, Crew>();

  slots.forEach((slot, i) => {
    const taken = new Set<number>();
    for (const area of problem.areas) {
      const needed = crewsNeeded(area, slot.date, problem.peakDays);
      for (let crew = 1; crew <= needed; crew++) {
        const crewKey = `${area.id}|${crew}|${slot.week}|${slot.shift}`;
        const candidates = [...states.values()].filter((st) => !taken.has(st.person.id) && canTake(st, slot));
        const chosen: State[] = [];
        const need = new Set(required);
        while (need.size) {
          let best: State | null = null;
          let bestScore = -Infinity;
          for (const st of candidates) {
            if (chosen.includes(st)) continue;
            const covers = st.person.skills.filter((s) => need.has(s)).length;
            if (covers === 0) continue;
            const score = covers * 1000 - cost(st, slot, crewKey);
            if (score > bestScore || (score === bestScore && st.person.id < best!.person.id))
              [best, bestScore] = [st, score];
          }
          if (!best) break;
          chosen.push(best);
          for (const s of best.person.skills) need.delete(s);
        }
        while (need.size === 0 && chosen.length < rules.minCrewSize) {
          const rest = candidates.filter((st) => !chosen.includes(st));
          if (rest.length === 0) break;
          chosen.push(rest.reduce((a, b) => (cost(b, slot, crewKey) < cost(a, slot, crewKey) ? b : a)));
        }
        if (need.size || chosen.length < rules.minCrewSize) {
          // This crew and the area's remaining ones in this shift cannot be formed.
          for (let k = crew; k <= needed; k++) {
            shortages.push({
              date: slot.date,
              shift: slot.shift,
              areaId: area.id,
              crew: k,
              missingSkills: [...need],
              missingPeople: Math.max(need.size, rules.minCrewSize - chosen.length),
            });
          }
          break;
        }
        for (const st of chosen) {
          place(st, slot, crewKey);
          taken.add(st.person.id);
        }
        crewOf.set(`${slot.date}|${slot.shift}|${area.id}|${crew}`, {
          slot,
          areaId: area.id,
          crew,
          members: chosen.map((st) => st.person.id),
        });
      }
    }
    if (i % 8 === 0) progress(i, slots.length * 2);
  });

  // Local search: swap crew members for fairness, keeping every hard rule.
  const weight = (st: State) => 3 * st.nights ** 2 + 2 * st.weekends ** 2 + st.shifts ** 2;
  const crews = [...crewOf.values()];
  for (let pass = 0; pass < 8; pass++) {
    let improved = 0;
    for (const c of crews) {
      const inSlot = new Set(crews.filter((o) => o.slot === c.slot).flatMap((o) => o.members));
      for (let m = 0; m < c.members.length; m++) {
        const out = states.get(c.members[m]!)!;
        const others = c.members
          .filter((_, j) => j !== m)
          .map((id) => states.get(id)!.person.skills)
          .flat();
        const wishPenalty = (st: State) => (st.person.wishes.has(c.slot.date) ? 400 : 0);
        const before = weight(out) + wishPenalty(out);
        unplace(out, c.slot);
        let best: { st: State; gain: number } | null = null;
        for (const st of states.values()) {
          if (inSlot.has(st.person.id) || st === out) continue;
          if (!required.every((s) => others.includes(s) || st.person.skills.includes(s))) continue;
          if (!canTake(st, c.slot)) continue;
          const current = weight(st);
          place(st, c.slot, '');
          const gain = before + current - (weight(out) + weight(st) + wishPenalty(st));
          unplace(st, c.slot);
          if (gain > 0 && (!best || gain > best.gain)) best = { st, gain };
        }
        if (best) {
          place(best.st, c.slot, '');
          inSlot.delete(out.person.id);
          inSlot.add(best.st.person.id);
          c.members[m] = best.st.person.id;
          improved++;
        } else place(out, c.slot, out.lastCrew ?? '');
      }
    }
    progress(slots.length + Math.round((slots.length * (pass + 1)) / 8), slots.length * 2);
    if (improved === 0) break;
  }

  balanceAlike(crews, states, { canTake, place, unplace, required });

  for (const c of crews)
    for (const staffId of c.members)
      placements.push({ date: c.slot.date, shift: c.slot.shift, areaId: c.areaId, crew: c.crew, staffId });
  return { placements, shortages };
}

interface Crew {
  slot: Slot;
  areaId: number;
  crew: number;
  members: number[];
}

interface Moves {
  canTake(st: State, slot: Slot): boolean;
  place(st: State, slot: Slot, crewKey: string): void;
  unplace(st: State, slot: Slot): void;
  required: string[];
}

const SPREAD = 2;

/** Pass 3: moves duties within groups of people holding the same required skills until each spread is ≤ 2. */
function balanceAlike(crews: Crew[], states: Map<number, State>, m: Moves) {
  const groups = new Map<string, State[]>();
  for (const st of states.values()) {
    const key = m.required.filter((s) => st.person.skills.includes(s)).join('+');
    groups.set(key, [...(groups.get(key) ?? []), st]);
  }
  const crewsOf = new Map<number, Crew[]>();
  const bySlot = new Map<Slot, Set<number>>();
  for (const c of crews) {
    for (const id of c.members) crewsOf.set(id, [...(crewsOf.get(id) ?? []), c]);
    const inSlot = bySlot.get(c.slot) ?? new Set<number>();
    c.members.forEach((id) => inSlot.add(id));
    bySlot.set(c.slot, inSlot);
  }
  const move = (from: State, to: State, c: Crew) => {
    m.unplace(from, c.slot);
    m.place(to, c.slot, '');
    c.members[c.members.indexOf(from.person.id)] = to.person.id;
    crewsOf.set(
      from.person.id,
      crewsOf.get(from.person.id)!.filter((x) => x !== c),
    );
    crewsOf.set(to.person.id, [...(crewsOf.get(to.person.id) ?? []), c]);
    const inSlot = bySlot.get(c.slot)!;
    inSlot.delete(from.person.id);
    inSlot.add(to.person.id);
  };
  /** A duty of `from` that `to` can take (night or day as asked), never on a day `to` wished off. */
  const findDuty = (from: State, to: State, night: boolean | null): Crew | null => {
    for (const c of crewsOf.get(from.person.id) ?? []) {
      if (night !== null && c.slot.night !== night) continue;
      if (bySlot.get(c.slot)!.has(to.person.id)) continue;
      m.unplace(from, c.slot);
      const ok = m.canTake(to, c.slot);
      m.place(from, c.slot, from.lastCrew ?? '');
      if (ok && !to.person.wishes.has(c.slot.date)) return c;
    }
    return null;
  };

  for (const group of groups.values()) {
    if (group.length < 2) continue;
    for (let step = 0; step < 2000; step++) {
      const byNights = [...group].sort((a, b) => a.nights - b.nights || a.shifts - b.shifts);
      const byShifts = [...group].sort((a, b) => a.shifts - b.shifts || a.nights - b.nights);
      let moved = false;
      const [fewNights, mostNights] = [byNights[0]!, byNights[byNights.length - 1]!];
      if (mostNights.nights - fewNights.nights > SPREAD) {
        const c = findDuty(mostNights, fewNights, true);
        if (c) {
          move(mostNights, fewNights, c);
          moved = true;
        }
      }
      const [fewShifts, mostShifts] = [byShifts[0]!, byShifts[byShifts.length - 1]!];
      if (!moved && mostShifts.shifts - fewShifts.shifts > SPREAD) {
        // A day duty keeps the nights as they are; a night one only where it evens the nights too.
        const c =
          findDuty(mostShifts, fewShifts, false) ??
          (mostShifts.nights > fewShifts.nights ? findDuty(mostShifts, fewShifts, true) : null);
        if (c) {
          move(mostShifts, fewShifts, c);
          moved = true;
        }
      }
      if (!moved) break;
    }
  }
}
