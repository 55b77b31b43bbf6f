import { describe, expect, test } from 'vitest';
import { DEFAULT_SHIFTS } from '../../../../electron/contract';
import { checkRoster, type Placement, type RosterProblem } from '../../../../electron/core/roster/roster.rules';
import { REQUIRED, person } from '../../../fixtures/roster-problem';

/** Two days, day and night shifts, one area with one crew; a full crew is 1 + 2 (cable and line + equipment). */
function problem(extra: Partial<RosterProblem> = {}): RosterProblem {
  return {
    days: ['2026-07-01', '2026-07-02'],
    shifts: DEFAULT_SHIFTS,
    areas: [{ id: 1, crewsPerShift: 1, peakExtraCrews: 0 }],
    peakDays: new Set(),
    people: [
      person(1, ['电缆', '架空线路']),
      person(2, ['配电设备']),
      person(3, ['电缆', '配电设备', '架空线路']),
      person(4, ['配电设备']),
      person(5, REQUIRED),
      person(6, ['架空线路', '电缆']),
      person(7, ['配电设备']),
      person(8, REQUIRED),
      person(9, ['配电设备']),
    ],
    rules: { requiredSkills: REQUIRED, minCrewSize: 2, minRestHours: 12, maxConsecutiveDays: 6 },
    ...extra,
  };
}

const at = (date: string, shift: string, staffId: number, crew = 1): Placement => ({
  date,
  shift,
  areaId: 1,
  crew,
  staffId,
});

/** A roster that keeps every rule: four crews of two, nobody twice, rest kept. */
const GOOD: Placement[] = [
  at('2026-07-01', 'day', 1),
  at('2026-07-01', 'day', 2),
  at('2026-07-01', 'night', 3),
  at('2026-07-01', 'night', 4),
  at('2026-07-02', 'day', 6),
  at('2026-07-02', 'day', 7),
  at('2026-07-02', 'night', 8),
  at('2026-07-02', 'night', 9),
];

const rulesOf = (p: RosterProblem, placements: Placement[]) => checkRoster(p, placements).map((v) => v.rule);

describe('the roster checker: one failing case per hard rule', () => {
  test('a roster that keeps every rule has no violation', () => {
    expect(checkRoster(problem(), GOOD)).toEqual([]);
  });

  test('coverage: a shift without its crew is short by one', () => {
    const v = checkRoster(
      problem(),
      GOOD.filter((p) => !(p.date === '2026-07-02' && p.shift === 'night')),
    );
    expect(v).toEqual([
      expect.objectContaining({
        rule: 'coverage',
        date: '2026-07-02',
        shift: 'night',
        params: { needed: 1, formed: 0, short: 1 },
      }),
    ]);
  });

  test('coverage: a peak day needs the extra crew', () => {
    const p = problem({ areas: [{ id: 1, crewsPerShift: 1, peakExtraCrews: 1 }], peakDays: new Set(['2026-07-01']) });
    expect(rulesOf(p, GOOD)).toEqual(['coverage', 'coverage']);
  });

  test('skills: a crew without cable', () => {
    expect(
      checkRoster(
        problem(),
        GOOD.map((p) => (p.staffId === 1 ? { ...p, staffId: 5 } : p)),
      ),
    ).toEqual([]); // 5 has all three
    const broken = GOOD.map((p) => (p.staffId === 1 ? { ...p, staffId: 9 } : p)); // 9 and 2: equipment only
    expect(checkRoster(problem(), broken)).toEqual([
      expect.objectContaining({
        rule: 'skills',
        date: '2026-07-01',
        shift: 'day',
        params: { skills: '电缆、架空线路' },
      }),
    ]);
  });

  test('crew size: one person with every skill is still not a crew of two', () => {
    const v = checkRoster(problem(), [...GOOD.filter((p) => p.staffId !== 4)]);
    expect(v).toEqual([
      expect.objectContaining({ rule: 'crewSize', date: '2026-07-01', shift: 'night', params: { size: 1, min: 2 } }),
    ]);
  });

  test('eligibility: a person whose certificate lapsed that day', () => {
    const p = problem();
    p.people[1]!.ineligible.set('2026-07-01', { key: 'staff.eligibility.certificateExpired' });
    expect(checkRoster(p, GOOD)).toEqual([
      expect.objectContaining({
        rule: 'eligibility',
        staffId: 2,
        params: { name: '员工2', reason: 'staff.eligibility.certificateExpired' },
      }),
    ]);
  });

  test('nobody twice at once: the same person in two crews of the same night', () => {
    const p = problem({ areas: [{ id: 1, crewsPerShift: 2, peakExtraCrews: 0 }] });
    const both = [...GOOD, at('2026-07-01', 'night', 8, 2), at('2026-07-01', 'night', 4, 2)];
    expect(rulesOf(p, both)).toContain('doubleBooked');
    expect(checkRoster(p, both).find((v) => v.rule === 'doubleBooked')).toMatchObject({
      staffId: 4,
      date: '2026-07-01',
      shift: 'night',
    });
  });

  test('rest: a day shift right after a night shift', () => {
    const v = checkRoster(
      problem(),
      GOOD.map((p) => (p.staffId === 6 ? { ...p, staffId: 3 } : p)),
    );
    expect(v).toEqual([
      expect.objectContaining({
        rule: 'rest',
        staffId: 3,
        date: '2026-07-02',
        shift: 'day',
        params: { name: '员工3', hours: 0, min: 12 },
      }),
    ]);
  });

  test('rest: the minimum is a setting (24 h rest forbids night after day)', () => {
    const p = problem({ rules: { requiredSkills: REQUIRED, minCrewSize: 2, minRestHours: 24, maxConsecutiveDays: 6 } });
    const v = checkRoster(
      p,
      GOOD.map((x) => (x.staffId === 8 ? { ...x, staffId: 6 } : x)),
    );
    expect(v).toEqual([
      expect.objectContaining({ rule: 'rest', staffId: 6, params: { name: '员工6', hours: 0, min: 24 } }),
    ]);
  });

  test('consecutive days: a seventh night in a row with at most six', () => {
    const days = ['2026-07-01', '2026-07-02', '2026-07-03', '2026-07-04', '2026-07-05', '2026-07-06', '2026-07-07'];
    const p = problem({ days, shifts: [DEFAULT_SHIFTS[1]!] });
    const placements = days.flatMap((d) => [at(d, 'night', 5), at(d, 'night', 2)]);
    const v = checkRoster(p, placements);
    expect(v.map((x) => [x.rule, x.staffId, x.date])).toEqual([
      ['consecutive', 5, '2026-07-07'],
      ['consecutive', 2, '2026-07-07'],
    ]);
    expect(
      checkRoster(
        p,
        placements.filter((x) => !(x.staffId === 2 && x.date === '2026-07-04')).concat(at('2026-07-04', 'night', 9)),
      ),
    ).toEqual([expect.objectContaining({ rule: 'consecutive', staffId: 5 })]);
  });

  test('leave and training days: nobody on duty while away', () => {
    const p = problem();
    p.people[6]!.absent.set('2026-07-02', 'training');
    expect(checkRoster(p, GOOD)).toEqual([
      expect.objectContaining({ rule: 'absence', staffId: 7, params: { name: '员工7', kind: 'training' } }),
    ]);
  });
});
