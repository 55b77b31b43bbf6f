import { describe, expect, test } from 'vitest';
import { SETTING_DEFS } from '../../../../electron/core/settings/settings.defaults';
import {
  judgeTest,
  nextDue,
  nextSeasonDeadline,
  parseReadingList,
  type DeviceFacts,
  type DueFacts,
  type LightningRules,
} from '../../../../electron/core/lightning/lightning.rules';

/** The defaults as the office gets them (DOMAIN.md §2–§4), read from the setting definitions. */
const DEFAULTS = new Map(
  SETTING_DEFS.filter((d) => d.key.startsWith('lightning.')).map((d) => [d.key.slice('lightning.'.length), d.default]),
);
const rules: LightningRules = {
  num: (k) => DEFAULTS.get(k) as number,
  seasonDeadline: DEFAULTS.get('seasonDeadline') as string,
  arresterComplete: parseReadingList(DEFAULTS.get('arrester.completeReadings') as string)!,
};

const device = (over: Partial<DeviceFacts>): DeviceFacts => ({
  kind: 'grounding',
  site: 'tower',
  ratedKv: null,
  soilResistivity: null,
  transformerKva: null,
  hasGroundWire: true,
  radialElectrodes: false,
  nearStation: false,
  u1maInitial: null,
  ...over,
});
const grounding = (d: DeviceFacts, ohm: number) => judgeTest(d, { groundingOhm: ohm }, rules);

describe('DOMAIN §2.1 towers with a ground wire: the limit by soil resistivity, at / just below / just above every band edge', () => {
  // [ρ at the band's upper edge, limit]; ρ just above the edge belongs to the next band.
  const bands: [number, number, string][] = [
    [100, 10, 'ρ ≤ 100'],
    [500, 15, 'ρ 100–500'],
    [1000, 20, 'ρ 500–1000'],
    [2000, 25, 'ρ 1000–2000'],
  ];
  for (const [rho, limit, label] of bands) {
    test.each([
      [rho, limit, 'pass'],
      [rho, limit - 0.01, 'pass'],
      [rho, limit + 0.01, 'fail'],
      [rho - 0.1, limit + 0.01, 'fail'],
    ])(`ρ %s Ω·m, R %s Ω → %s (${label})`, (r, ohm, verdict) => {
      const j = grounding(device({ soilResistivity: r }), ohm);
      expect(j.verdict).toBe(verdict);
      expect(j.items[0]!.limit).toBe(`≤${limit} Ω（${label} Ω·m）`);
    });
  }
  test.each([
    [100.01, 15],
    [500.01, 20],
    [1000.01, 25],
    [2000.01, 30],
  ])('just above a band edge (ρ %s) the next limit applies: %s Ω', (rho, limit) => {
    expect(grounding(device({ soilResistivity: rho }), limit).verdict).toBe('pass');
    expect(grounding(device({ soilResistivity: rho }), limit + 0.01).verdict).toBe('fail');
  });
  test('ρ > 2000 Ω·m: 30 Ω, and not limited once radial electrodes are fitted (GB 50169 §4.7.4)', () => {
    expect(grounding(device({ soilResistivity: 3000 }), 30).verdict).toBe('pass');
    expect(grounding(device({ soilResistivity: 3000 }), 30.01).verdict).toBe('fail');
    const radial = grounding(device({ soilResistivity: 3000, radialElectrodes: true }), 120);
    expect(radial.verdict).toBe('pass');
    expect(radial.items[0]!.limit).toContain('不限');
    // Radial electrodes do not lift the limit below 2000 Ω·m.
    expect(grounding(device({ soilResistivity: 1500, radialElectrodes: true }), 25.01).verdict).toBe('fail');
  });
  test('acceptance 2: 16 Ω at ρ = 300 is 不合格 with "≤15 Ω (ρ 100–500 Ω·m)"; at ρ = 600 it passes', () => {
    const fail = grounding(device({ soilResistivity: 300 }), 16);
    expect(fail.verdict).toBe('fail');
    expect(fail.items[0]).toMatchObject({
      limit: '≤15 Ω（ρ 100–500 Ω·m）',
      settingKey: 'lightning.tower.rhoUpTo500',
      pass: false,
    });
    expect(fail.items[0]!.standard).toContain('GB 50169');
    expect(fail.items[0]!.reason).toContain('16 Ω');
    expect(grounding(device({ soilResistivity: 600 }), 16).verdict).toBe('pass');
  });
  test('no resistivity recorded: judged by the strictest band and says so', () => {
    const j = grounding(device({}), 10.5);
    expect(j.verdict).toBe('fail');
    expect(j.items[0]!.limit).toContain('未填土壤电阻率');
  });
  test('a tower without a ground wire: 30 Ω', () => {
    expect(grounding(device({ hasGroundWire: false, soilResistivity: 50 }), 30).verdict).toBe('pass');
    expect(grounding(device({ hasGroundWire: false, soilResistivity: 50 }), 30.01).verdict).toBe('fail');
  });
});

describe('DOMAIN §2.2 distribution transformers by capacity (boundary at 100 kVA, 4 Ω at exactly 100)', () => {
  test.each([
    [99.9, 10, 'pass'],
    [99.9, 10.01, 'fail'],
    [100, 4, 'pass'],
    [100, 4.01, 'fail'],
    [100, 9, 'fail'],
    [100.1, 4.01, 'fail'],
    [50, 9.99, 'pass'],
  ])('%s kVA, R %s Ω → %s', (kva, ohm, verdict) => {
    expect(grounding(device({ site: 'transformer', transformerKva: kva }), ohm).verdict).toBe(verdict);
  });
  test('the boundary is a setting: at 80 kVA a 90 kVA transformer is held to 4 Ω', () => {
    const moved: LightningRules = { ...rules, num: (k) => (k === 'transformer.smallBelowKva' ? 80 : rules.num(k)) };
    expect(judgeTest(device({ site: 'transformer', transformerKva: 90 }), { groundingOhm: 5 }, moved).verdict).toBe(
      'fail',
    );
    expect(judgeTest(device({ site: 'transformer', transformerKva: 79 }), { groundingOhm: 5 }, moved).verdict).toBe(
      'pass',
    );
  });
});

describe('DOMAIN §4 independent lightning rods, §2.3 10 kV switches and arrester grounds', () => {
  test.each([
    ['rod', 'substation', 10, 'pass'],
    ['rod', 'substation', 10.01, 'fail'],
    ['grounding', 'switch', 10, 'pass'],
    ['grounding', 'switch', 10.01, 'fail'],
    ['grounding', 'substation', 4, 'pass'],
    ['grounding', 'substation', 4.01, 'fail'],
  ] as const)('%s at a %s, R %s Ω → %s', (kind, site, ohm, verdict) => {
    expect(grounding(device({ kind, site }), ohm).verdict).toBe(verdict);
  });
});

describe('DOMAIN §3 metal-oxide arresters', () => {
  const arrester = (ratedKv: number, u1maInitial: number | null = 25) =>
    device({ kind: 'arrester', site: 'switch', ratedKv, u1maInitial });
  const full = { u1maKv: 25, leakageUa: 10, counterOk: true };
  test.each([
    [10, 1000, 'pass'],
    [10, 999.9, 'fail'],
    [35, 1000, 'pass'],
    [35, 999, 'fail'],
    [35.1, 2500, 'pass'],
    [35.1, 2499, 'fail'],
    [110, 2500, 'pass'],
    [0.5, 2, 'pass'],
    [0.5, 1.99, 'fail'],
    [1, 999, 'fail'],
  ])('insulation at %s kV, %s MΩ → %s', (kv, mohm, verdict) => {
    expect(judgeTest(arrester(kv), { ...full, insulationMohm: mohm }, rules).verdict).toBe(verdict);
  });
  test.each([
    [26.25, 'pass'], // +5.00 %
    [23.75, 'pass'], // −5.00 %
    [26.26, 'fail'], // +5.04 %
    [23.74, 'fail'], // −5.04 %
    [25.5, 'pass'],
  ])('U1mA %s kV against an initial 25 kV → %s', (u, verdict) => {
    const j = judgeTest(arrester(10), { ...full, insulationMohm: 5000, u1maKv: u }, rules);
    expect(j.verdict).toBe(verdict);
  });
  test.each([
    [50, 'pass'],
    [49.9, 'pass'],
    [50.1, 'fail'],
  ])('leakage at 0.75 U1mA %s μA → %s', (ua, verdict) => {
    expect(judgeTest(arrester(10), { ...full, insulationMohm: 5000, leakageUa: ua }, rules).verdict).toBe(verdict);
  });
  test('a discharge counter that did not operate fails the test; a missing reading leaves it unjudged', () => {
    expect(judgeTest(arrester(10), { ...full, insulationMohm: 5000, counterOk: false }, rules).verdict).toBe('fail');
    const partial = judgeTest(arrester(10), { insulationMohm: 5000, u1maKv: 25 }, rules);
    expect(partial.verdict).toBeNull();
    expect(partial.missing).toEqual(['leakage', 'counter']);
    // A failure is a failure even before the rest is in.
    expect(judgeTest(arrester(10), { insulationMohm: 10 }, rules).verdict).toBe('fail');
  });
  test('without an initial U1mA the change is not judged (the reading becomes the reference)', () => {
    const j = judgeTest(arrester(10, null), { ...full, insulationMohm: 5000, u1maKv: 40 }, rules);
    expect(j.verdict).toBe('pass');
    expect(j.items.find((i) => i.check === 'u1maChange')!.limit).toContain('无初始值');
  });
});

describe('next test due', () => {
  const today = '2026-11-27';
  const allOn = (date: string): DueFacts['checkedOn'] => ({
    insulation: date,
    u1maChange: date,
    leakage: date,
    counter: date,
  });
  test('arresters: before the next thunderstorm season after the last test', () => {
    const a = device({ kind: 'arrester', site: 'switch' });
    expect(nextSeasonDeadline('2026-03-01', '04-30')).toBe('2027-04-30');
    expect(nextSeasonDeadline('2026-12-31', '04-30')).toBe('2027-04-30');
    expect(nextDue(a, { installDate: null, checkedOn: allOn('2026-04-10'), lastTripOn: null }, rules, today)).toEqual({
      on: '2027-04-30',
      reason: 'season',
    });
  });
  test('towers every 5 years, near a station every 2; rods every 6', () => {
    expect(
      nextDue(device({}), { installDate: null, checkedOn: { grounding: '2024-05-01' }, lastTripOn: null }, rules, today)
        .on,
    ).toBe('2029-05-01');
    expect(
      nextDue(
        device({ nearStation: true }),
        { installDate: null, checkedOn: { grounding: '2024-05-01' }, lastTripOn: null },
        rules,
        today,
      ).on,
    ).toBe('2026-05-01');
    expect(
      nextDue(
        device({ kind: 'rod', site: 'substation' }),
        { installDate: null, checkedOn: { grounding: '2024-05-01' }, lastTripOn: null },
        rules,
        today,
      ).on,
    ).toBe('2030-05-01');
  });
  test('acceptance 4: a lightning trip on the line after the last test makes the device due on the trip day', () => {
    const facts: DueFacts = { installDate: null, checkedOn: { grounding: '2026-04-01' }, lastTripOn: '2026-07-15' };
    expect(nextDue(device({}), facts, rules, today)).toEqual({ on: '2026-07-15', reason: 'trip' });
    // A trip before the last test changes nothing.
    expect(nextDue(device({}), { ...facts, lastTripOn: '2026-03-01' }, rules, today).reason).toBe('cycle');
  });
  test('never tested: due at once', () => {
    expect(nextDue(device({}), { installDate: '2026-01-10', checkedOn: {}, lastTripOn: null }, rules, today)).toEqual({
      on: '2026-01-10',
      reason: 'never',
    });
  });
});

describe('partial tests: the readings that were taken', () => {
  const moa = device({ kind: 'arrester', site: 'switch', ratedKv: 17, u1maInitial: 25 });
  const today = '2026-11-27';
  test('are judged; the rest are listed as 未测 and there is no verdict until a failure or the last one', () => {
    const j = judgeTest(moa, { insulationMohm: 5000 }, rules);
    expect(j.items.map((i) => [i.check, i.pass])).toEqual([['insulation', true]]);
    expect(j.missing).toEqual(['u1maChange', 'leakage', 'counter']);
    expect(j.verdict).toBeNull();
    expect(judgeTest(moa, { insulationMohm: 500 }, rules).verdict).toBe('fail');
  });
  test('the office decides which readings make a complete test (setting lightning.arrester.completeReadings)', () => {
    const two = { ...rules, arresterComplete: parseReadingList('绝缘电阻、泄漏电流')! };
    expect(judgeTest(moa, { insulationMohm: 5000, leakageUa: 10 }, two)).toMatchObject({
      verdict: 'pass',
      missing: [],
    });
    expect(parseReadingList('绝缘电阻，U1mA')).toEqual(['insulation', 'u1maChange']);
    expect(parseReadingList('绝缘电阻、电压')).toBeNull();
    expect(parseReadingList('')).toBeNull();
  });
  test('the due date follows from what was tested: the oldest reading a complete test needs', () => {
    // Insulation and U1mA this spring, leakage and the counter last spring: due before this season's deadline was missed.
    const mixed = { insulation: '2026-04-10', u1maChange: '2026-04-10', leakage: '2025-04-01', counter: '2025-04-01' };
    expect(nextDue(moa, { installDate: null, checkedOn: mixed, lastTripOn: null }, rules, today)).toEqual({
      on: '2026-04-30',
      reason: 'season',
    });
    // A reading never taken: due at once, and it says why.
    expect(
      nextDue(
        moa,
        { installDate: '2020-01-01', checkedOn: { insulation: '2026-04-10' }, lastTripOn: null },
        rules,
        today,
      ),
    ).toEqual({ on: '2020-01-01', reason: 'incomplete' });
    // With only insulation and leakage required, the same record is complete.
    const two = { ...rules, arresterComplete: parseReadingList('绝缘电阻、泄漏电流')! };
    expect(
      nextDue(
        moa,
        { installDate: null, checkedOn: { insulation: '2026-04-10', leakage: '2026-04-12' }, lastTripOn: null },
        two,
        today,
      ),
    ).toEqual({ on: '2027-04-30', reason: 'season' });
  });
});
