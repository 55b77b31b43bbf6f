import { describe, expect, it } from 'vitest';
import {
  judgeClearance,
  nextDueDate,
  trimmingCycleMonths,
} from '../../../../electron/core/vegetation/vegetation.rules';
import { Settings } from '../../../../electron/core/settings/settings.repository';

const defaults = new Settings(new Map());

describe('hazard grade from the clearance tables (DOMAIN.md §1)', () => {
  it('10 kV bare conductor at 1.2 m vertical is 紧急 and names the 1.5 m threshold', () => {
    const j = judgeClearance(
      { voltage: '10', conductor: 'bare' },
      'general',
      { vertical: 1.2, horizontal: null },
      defaults,
    )!;
    expect(j.grade).toBe('emergency');
    expect(j.basis).toMatchObject({
      measure: 'vertical',
      value: 1.2,
      minimum: 1.5,
      settingKey: 'clearance.10.bare.vertical',
    });
    expect(j.basis.source).toContain('DL/T 5220');
  });

  it('110 kV at 5.0 m vertical is 重大 (within 3 m of 4.0 m); at 8.0 m it is 一般', () => {
    const line = { voltage: '110', conductor: 'bare' } as const;
    expect(judgeClearance(line, 'general', { vertical: 5.0, horizontal: null }, defaults)!.grade).toBe('major');
    expect(judgeClearance(line, 'general', { vertical: 8.0, horizontal: null }, defaults)!.grade).toBe('general');
  });

  it('a distance exactly at the minimum is 紧急; exactly at minimum + 3 m is 重大', () => {
    const line = { voltage: '35', conductor: 'bare' } as const;
    expect(judgeClearance(line, 'general', { vertical: 4.0, horizontal: null }, defaults)!.grade).toBe('emergency');
    expect(judgeClearance(line, 'general', { vertical: 7.0, horizontal: null }, defaults)!.grade).toBe('major');
    expect(judgeClearance(line, 'general', { vertical: 7.1, horizontal: null }, defaults)!.grade).toBe('general');
  });

  it('insulated 10 kV conductors use the insulated minimum (0.8 m)', () => {
    const j = judgeClearance(
      { voltage: '10', conductor: 'insulated' },
      'general',
      { vertical: 1.2, horizontal: null },
      defaults,
    )!;
    expect(j.grade).toBe('major');
    expect(j.basis.minimum).toBe(0.8);
  });

  it('street trees under 35 kV lines use GB 50061 (3.0 m), general trees the 实施细则 (4.0 m)', () => {
    const line = { voltage: '35', conductor: 'bare' } as const;
    expect(judgeClearance(line, 'street', { vertical: 3.5, horizontal: null }, defaults)!.grade).toBe('major');
    expect(judgeClearance(line, 'general', { vertical: 3.5, horizontal: null }, defaults)!.grade).toBe('emergency');
  });

  it('the tighter of vertical and horizontal decides', () => {
    const j = judgeClearance(
      { voltage: '10', conductor: 'bare' },
      'general',
      { vertical: 9, horizontal: 1.9 },
      defaults,
    )!;
    expect(j.grade).toBe('emergency');
    expect(j.basis).toMatchObject({ measure: 'horizontal', minimum: 2.0 });
  });

  it('no distance, no judgement', () => {
    expect(
      judgeClearance(
        { voltage: '10', conductor: 'bare' },
        'general',
        { vertical: null, horizontal: undefined },
        defaults,
      ),
    ).toBeNull();
  });

  it('changed thresholds are used and named', () => {
    const strict = new Settings(new Map([['clearance.10.bare.vertical', 2.0]]));
    const j = judgeClearance(
      { voltage: '10', conductor: 'bare' },
      'general',
      { vertical: 1.8, horizontal: null },
      strict,
    )!;
    expect(j).toMatchObject({ grade: 'emergency', basis: { minimum: 2.0 } });
  });
});

describe('trimming cycle', () => {
  it('defaults to one year after completion', () => {
    expect(nextDueDate('done', '2026-05-03', '杨树', defaults)).toBe('2027-05-03');
    expect(nextDueDate('scheduled', '2026-05-03', '杨树', defaults)).toBeNull();
  });

  it('uses a per-species cycle where one is set', () => {
    const s = new Settings(new Map([['vegetation.cycleMonthsBySpecies', '桉树=6；毛竹=8']]));
    expect(trimmingCycleMonths('桉树', s)).toBe(6);
    expect(trimmingCycleMonths('香樟', s)).toBe(12);
    expect(nextDueDate('done', '2026-08-31', '桉树', s)).toBe('2027-02-28');
  });
});
