import { describe, expect, test } from 'vitest';
import { DEFAULT_SHIFTS } from '../../../../electron/contract';
import { checkRoster, fairnessOf, seasonDays, type RosterProblem } from '../../../../electron/core/roster/roster.rules';
import { solveRoster } from '../../../../electron/core/roster/roster.solver';
import { REQUIRED, countyProblem, person } from '../../../fixtures/roster-problem';

describe('generating a season', () => {
  test('92 days × 2 shifts × 3 areas × 60 people: every crew formed, and the independent checker finds no broken rule', () => {
    const problem = countyProblem();
    const { placements, shortages } = solveRoster(problem);
    expect(shortages).toEqual([]);
    expect(checkRoster(problem, placements)).toEqual([]);
    // 92 × 2 × 3 crews of two, plus the extra 城区 crew on 12 heat-wave days × 2 shifts.
    expect(placements.length).toBe((92 * 2 * 3 + 12 * 2) * 2);
    const f = fairnessOf(problem, placements);
    expect(f.wishesHonoured).toBe(f.wishes);
    expect(f.maxNights - f.minNights).toBeLessThanOrEqual(8);
  });

  test('other seeds and a smaller office: never a broken rule, whatever is short', () => {
    for (const [seed, size] of [
      [1, 60],
      [2, 45],
      [3, 30],
      [4, 20],
    ] as const) {
      const problem = countyProblem(seed, size);
      const { placements, shortages } = solveRoster(problem);
      const violations = checkRoster(problem, placements);
      // The only thing a short roster may lack is crews, and each missing crew is reported.
      expect(violations.filter((v) => v.rule !== 'coverage')).toEqual([]);
      expect(violations.reduce((n, v) => n + Number(v.params.short), 0)).toBe(shortages.length);
    }
  });

  test('with two cable-qualified people removed, generation reports the uncovered shifts and skills instead of a bad roster', () => {
    const days = seasonDays('2026-07-01', '2026-07-14');
    const base = (): RosterProblem => ({
      days,
      shifts: DEFAULT_SHIFTS,
      areas: [{ id: 1, crewsPerShift: 1, peakExtraCrews: 0 }],
      peakDays: new Set(),
      // Four cable people, six with equipment and overhead line.
      people: [1, 2, 3, 4]
        .map((id) => person(id, ['电缆']))
        .concat([5, 6, 7, 8, 9, 10].map((id) => person(id, ['配电设备', '架空线路']))),
      rules: { requiredSkills: REQUIRED, minCrewSize: 2, minRestHours: 12, maxConsecutiveDays: 6 },
    });
    const full = base();
    const ok = solveRoster(full);
    expect(ok.shortages).toEqual([]);
    expect(checkRoster(full, ok.placements)).toEqual([]);

    const short = base();
    short.people = short.people.filter((p) => p.id !== 3 && p.id !== 4);
    const { placements, shortages } = solveRoster(short);
    // Two cable people, one shift a day each at most and six days in a row: 28 shifts need cable, they can do 24.
    expect(shortages.length).toBe(4);
    expect(shortages.every((s) => s.missingSkills.join() === '电缆' && s.missingPeople === 1)).toBe(true);
    expect(checkRoster(short, placements).map((v) => v.rule)).toEqual(['coverage', 'coverage', 'coverage', 'coverage']);
    expect(
      checkRoster(short, placements)
        .map((v) => `${v.date} ${v.shift}`)
        .sort(),
    ).toEqual(shortages.map((s) => `${s.date} ${s.shift}`).sort());
  });
});
