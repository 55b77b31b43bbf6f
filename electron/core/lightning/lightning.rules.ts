import type {
  TestJudgement,
  TestJudgementItem,
  LightningCheck,
  LightningDeviceType,
  LightningSite,
  Readings,
} from '../../contract';
import type { Settings } from '../settings/settings.repository';
import { addMonths } from '../shared/time';
import { SETTING_BY_KEY } from '../settings/settings.defaults';

/**
 * DOMAIN.md §2–§4 as pure functions: which limit applies to a device, whether a reading keeps it,
 * and when the device is next due. Every number comes from a `lightning.*` setting; each result
 * names the setting and the standard it came from. Limits are inclusive (≤ limit passes).
 */

export interface DeviceFacts {
  kind: LightningDeviceType;
  site: LightningSite;
  ratedKv: number | null;
  soilResistivity: number | null;
  transformerKva: number | null;
  hasGroundWire: boolean;
  radialElectrodes: boolean;
  nearStation: boolean;
  u1maInitial: number | null;
}

/** Thresholds read once per request from the settings. */
export interface LightningRules {
  num(key: string): number;
  seasonDeadline: string;
  /** The readings that make an arrester's test complete (setting lightning.arrester.completeReadings). */
  arresterComplete: LightningCheck[];
}

/** How the settings page names each reading. */
export const READING_NAMES: Record<string, LightningCheck> = {
  接地电阻: 'grounding',
  绝缘电阻: 'insulation',
  U1mA: 'u1maChange',
  泄漏电流: 'leakage',
  放电计数器: 'counter',
};

/** "绝缘电阻、U1mA、泄漏电流" → the checks; null when a name is not a reading or the list is empty. */
export function parseReadingList(text: string): LightningCheck[] | null {
  const names = text.split(/[、,，;；\s]+/).filter(Boolean);
  const lower = new Map(Object.entries(READING_NAMES).map(([k, v]) => [k.toLowerCase(), v]));
  const checks = names.map((n) => lower.get(n.toLowerCase()));
  if (checks.length === 0 || checks.some((c) => c === undefined)) return null;
  return [...new Set(checks as LightningCheck[])];
}

const ARRESTER_READINGS: LightningCheck[] = ['insulation', 'u1maChange', 'leakage', 'counter'];

export function lightningRulesOf(settings: Settings): LightningRules {
  return {
    num: (key) => settings.number(`lightning.${key}`),
    seasonDeadline: settings.string('lightning.seasonDeadline'),
    arresterComplete:
      parseReadingList(settings.string('lightning.arrester.completeReadings'))?.filter((c) =>
        ARRESTER_READINGS.includes(c),
      ) ?? ARRESTER_READINGS,
  };
}

const sourceOf = (key: string) => SETTING_BY_KEY.get(`lightning.${key}`)?.source ?? '';
const fmt = (n: number) => String(Math.round(n * 1000) / 1000);

/** The grounding limit for this device and the case that chose it; null limit = not limited. */
export function groundingLimit(
  d: DeviceFacts,
  rules: LightningRules,
): { key: string; limit: number | null; label: string } {
  if (d.kind === 'rod')
    return { key: 'rodOhm', limit: rules.num('rodOhm'), label: `≤${fmt(rules.num('rodOhm'))} Ω（独立避雷针）` };
  switch (d.site) {
    case 'tower': {
      if (!d.hasGroundWire)
        return {
          key: 'tower.noGroundWire',
          limit: rules.num('tower.noGroundWire'),
          label: `≤${fmt(rules.num('tower.noGroundWire'))} Ω（无避雷线杆塔）`,
        };
      const rho = d.soilResistivity;
      if (rho === null)
        return {
          key: 'tower.rhoUpTo100',
          limit: rules.num('tower.rhoUpTo100'),
          label: `≤${fmt(rules.num('tower.rhoUpTo100'))} Ω（未填土壤电阻率，按 ρ ≤ 100 Ω·m 从严）`,
        };
      const band = (key: string, range: string) => ({
        key,
        limit: rules.num(key),
        label: `≤${fmt(rules.num(key))} Ω（ρ ${range} Ω·m）`,
      });
      if (rho <= 100) return band('tower.rhoUpTo100', '≤ 100');
      if (rho <= 500) return band('tower.rhoUpTo500', '100–500');
      if (rho <= 1000) return band('tower.rhoUpTo1000', '500–1000');
      if (rho <= 2000) return band('tower.rhoUpTo2000', '1000–2000');
      if (d.radialElectrodes)
        return { key: 'tower.rhoAbove2000', limit: null, label: '不限（ρ > 2000 Ω·m，已装放射形接地体）' };
      return band('tower.rhoAbove2000', '> 2000');
    }
    case 'transformer': {
      const below = rules.num('transformer.smallBelowKva');
      if (d.transformerKva !== null && d.transformerKva < below)
        return {
          key: 'transformer.smallOhm',
          limit: rules.num('transformer.smallOhm'),
          label: `≤${fmt(rules.num('transformer.smallOhm'))} Ω（配变 < ${fmt(below)} kVA）`,
        };
      const cap = d.transformerKva === null ? '未填容量，从严' : `配变 ≥ ${fmt(below)} kVA`;
      return {
        key: 'transformer.largeOhm',
        limit: rules.num('transformer.largeOhm'),
        label: `≤${fmt(rules.num('transformer.largeOhm'))} Ω（${cap}）`,
      };
    }
    case 'switch':
      return {
        key: 'switchOhm',
        limit: rules.num('switchOhm'),
        label: `≤${fmt(rules.num('switchOhm'))} Ω（10 kV 避雷器、柱上开关、电缆终端）`,
      };
    case 'substation':
      return {
        key: 'substationOhm',
        limit: rules.num('substationOhm'),
        label: `≤${fmt(rules.num('substationOhm'))} Ω（变电站高低压共用接地）`,
      };
  }
}

/** An arrester's insulation limit by its voltage class. */
export function insulationLimit(
  ratedKv: number | null,
  rules: LightningRules,
): { key: string; limit: number; label: string } {
  if (ratedKv !== null && ratedKv > 35)
    return {
      key: 'arrester.insulationAbove35',
      limit: rules.num('arrester.insulationAbove35'),
      label: `≥${fmt(rules.num('arrester.insulationAbove35'))} MΩ（35 kV 以上）`,
    };
  if (ratedKv !== null && ratedKv < 1)
    return {
      key: 'arrester.insulationBelow1',
      limit: rules.num('arrester.insulationBelow1'),
      label: `≥${fmt(rules.num('arrester.insulationBelow1'))} MΩ（1 kV 以下）`,
    };
  return {
    key: 'arrester.insulationUpTo35',
    limit: rules.num('arrester.insulationUpTo35'),
    label: `≥${fmt(rules.num('arrester.insulationUpTo35'))} MΩ（35 kV 及以下）`,
  };
}

/** Which readings a test of this device can carry (the campaign grid's entry cells). */
export function readingsFor(d: Pick<DeviceFacts, 'kind'>): LightningCheck[] {
  return d.kind === 'arrester' ? ARRESTER_READINGS : ['grounding'];
}

/** Which readings make a test of this device complete: its grounding, or the arrester readings the office's setting lists. */
export function completeChecks(d: Pick<DeviceFacts, 'kind'>, rules: LightningRules): LightningCheck[] {
  return d.kind === 'arrester'
    ? rules.arresterComplete.length
      ? rules.arresterComplete
      : ARRESTER_READINGS
    : ['grounding'];
}

/**
 * Judges a test's readings for a device: each reading taken against its limit; the readings a
 * complete test needs that were not taken are listed as 未测 (`missing`). 不合格 as soon as one taken
 * reading fails; 合格 only when complete; otherwise no verdict yet (未完成). Readings a type does not
 * need are judged when given (an arrester's ground may be measured too).
 */
export function judgeTest(d: DeviceFacts, r: Readings, rules: LightningRules): TestJudgement {
  const items: TestJudgementItem[] = [];
  const missing: LightningCheck[] = [];
  const needs = completeChecks(d, rules);
  const want = (check: LightningCheck, present: boolean) => {
    if (present) return true;
    if (needs.includes(check)) missing.push(check);
    return false;
  };

  if (want('grounding', r.groundingOhm != null)) {
    const g = groundingLimit(d, rules);
    const pass = g.limit === null || r.groundingOhm! <= g.limit;
    items.push({
      check: 'grounding',
      value: r.groundingOhm!,
      limit: g.label,
      settingKey: `lightning.${g.key}`,
      standard: sourceOf(g.key),
      pass,
      reason: pass ? '' : `接地电阻 ${fmt(r.groundingOhm!)} Ω 超过 ${g.label}`,
    });
  }
  if (d.kind === 'arrester') {
    if (want('insulation', r.insulationMohm != null)) {
      const l = insulationLimit(d.ratedKv, rules);
      const pass = r.insulationMohm! >= l.limit;
      items.push({
        check: 'insulation',
        value: r.insulationMohm!,
        limit: l.label,
        settingKey: `lightning.${l.key}`,
        standard: sourceOf(l.key),
        pass,
        reason: pass ? '' : `绝缘电阻 ${fmt(r.insulationMohm!)} MΩ 低于 ${l.label}`,
      });
    }
    if (want('u1maChange', r.u1maKv != null)) {
      const pct = rules.num('arrester.u1maChangePct');
      if (d.u1maInitial === null || d.u1maInitial === 0) {
        // Without an initial value the change cannot be judged: the first reading becomes the reference.
        items.push({
          check: 'u1maChange',
          value: null,
          limit: `±${fmt(pct)}%（无初始值，本次读数作为初始值）`,
          settingKey: 'lightning.arrester.u1maChangePct',
          standard: sourceOf('arrester.u1maChangePct'),
          pass: true,
          reason: '',
        });
      } else {
        const change = ((r.u1maKv! - d.u1maInitial) / d.u1maInitial) * 100;
        const rounded = Math.round(change * 100) / 100;
        const pass = Math.abs(rounded) <= pct;
        const label = `±${fmt(pct)}%（初始值 ${fmt(d.u1maInitial)} kV）`;
        items.push({
          check: 'u1maChange',
          value: rounded,
          limit: label,
          settingKey: 'lightning.arrester.u1maChangePct',
          standard: sourceOf('arrester.u1maChangePct'),
          pass,
          reason: pass
            ? ''
            : `U1mA ${fmt(r.u1maKv!)} kV 较初始值变化 ${rounded > 0 ? '+' : ''}${fmt(rounded)}%，超过 ${label}`,
        });
      }
    }
    if (want('leakage', r.leakageUa != null)) {
      const limit = rules.num('arrester.leakageUa');
      const pass = r.leakageUa! <= limit;
      items.push({
        check: 'leakage',
        value: r.leakageUa!,
        limit: `≤${fmt(limit)} μA`,
        settingKey: 'lightning.arrester.leakageUa',
        standard: sourceOf('arrester.leakageUa'),
        pass,
        reason: pass ? '' : `0.75 U1mA 泄漏电流 ${fmt(r.leakageUa!)} μA 超过 ${fmt(limit)} μA`,
      });
    }
    if (want('counter', r.counterOk != null)) {
      items.push({
        check: 'counter',
        value: null,
        limit: '试验 3–5 次均动作并归零',
        settingKey: null,
        standard: 'DL/T 596-1996 放电计数器检查',
        pass: r.counterOk!,
        reason: r.counterOk ? '' : '放电计数器动作不正常',
      });
    }
  }
  const failed = items.some((i) => !i.pass);
  return { verdict: failed ? 'fail' : missing.length > 0 || items.length === 0 ? null : 'pass', items, missing };
}

/** How soon a failure must be put right: arrester failures before the season (严重); grounding over double its limit 严重, else 一般. */
export function rectificationGrade(
  d: DeviceFacts,
  j: TestJudgement,
  rules: LightningRules,
): 'general' | 'serious' | 'critical' {
  const failed = j.items.filter((i) => !i.pass);
  if (failed.some((i) => i.check !== 'grounding')) return 'serious';
  const g = groundingLimit(d, rules);
  const reading = failed.find((i) => i.check === 'grounding')?.value ?? 0;
  return g.limit !== null && reading > 2 * g.limit ? 'serious' : 'general';
}

/** The cycle (months) for a device's grounding test, and its setting. */
export function cycleMonths(d: DeviceFacts, rules: LightningRules): number {
  if (d.kind === 'rod') return rules.num('cycle.rod');
  switch (d.site) {
    case 'tower':
      return rules.num(d.nearStation ? 'cycle.towerNearStation' : 'cycle.tower');
    case 'transformer':
      return rules.num('cycle.transformer');
    case 'switch':
      return rules.num('cycle.switch');
    case 'substation':
      return rules.num('cycle.substation');
  }
}

/** An arrester tested in a year is next due by the following year's season deadline (MM-DD). */
export function nextSeasonDeadline(testedOn: string, monthDay: string): string {
  return `${Number(testedOn.slice(0, 4)) + 1}-${monthDay}`;
}

export interface DueFacts {
  installDate: string | null;
  /** The last day each reading was taken, in any test (a partial test counts for what it measured). */
  checkedOn: Partial<Record<LightningCheck, string | null>>;
  /** The latest lightning trip on the device's line (date), if any. */
  lastTripOn: string | null;
}

/** The column each reading is stored in. */
export const READING_COLUMN = {
  grounding: 'grounding_ohm',
  insulation: 'insulation_mohm',
  u1maChange: 'u1ma_kv',
  leakage: 'leakage_ua',
  counter: 'counter_ok',
} as const satisfies Record<LightningCheck, string>;

/** The last day each reading was taken, from stored tests. */
export function checkedOnFrom(
  tests: ({ tested_on: string } & Record<(typeof READING_COLUMN)[LightningCheck], number | null>)[],
): DueFacts['checkedOn'] {
  const out: DueFacts['checkedOn'] = {};
  for (const t of tests) {
    for (const [check, column] of Object.entries(READING_COLUMN) as [
      LightningCheck,
      (typeof READING_COLUMN)[LightningCheck],
    ][]) {
      if (t[column] !== null && (out[check] ?? '') < t.tested_on) out[check] = t.tested_on;
    }
  }
  return out;
}

/**
 * The day the device was last tested completely, as far as each reading goes: the oldest of the
 * last dates of the readings a complete test needs. Null when one of them was never taken; `partly`
 * when some were.
 */
export function completedOn(
  d: Pick<DeviceFacts, 'kind'>,
  checkedOn: DueFacts['checkedOn'],
  rules: LightningRules,
): { on: string | null; partly: boolean } {
  const dates = completeChecks(d, rules).map((c) => checkedOn[c] ?? null);
  if (dates.every((x) => x !== null)) return { on: [...(dates as string[])].sort()[0]!, partly: false };
  return { on: null, partly: dates.some((x) => x !== null) };
}

/**
 * When the next test is due, from what was tested. Arresters: before every thunderstorm season
 * (next year's season deadline after the last complete test). Others: last test + the cycle for the
 * type. A lightning trip on the line after the last test makes the device due on the trip's day.
 * Never tested, or a reading a complete test needs never taken: due at once.
 */
export function nextDue(
  d: DeviceFacts,
  f: DueFacts,
  rules: LightningRules,
  today: string,
): { on: string; reason: 'never' | 'incomplete' | 'cycle' | 'season' | 'trip' } {
  const done = completedOn(d, f.checkedOn, rules);
  const at = done.on;
  if (at === null)
    return {
      on: f.installDate && f.installDate < today ? f.installDate : today,
      reason: done.partly ? 'incomplete' : 'never',
    };
  const lastTestedOn = at;
  if (f.lastTripOn !== null && f.lastTripOn > lastTestedOn) return { on: f.lastTripOn, reason: 'trip' };
  if (d.kind === 'arrester') return { on: nextSeasonDeadline(lastTestedOn, rules.seasonDeadline), reason: 'season' };
  return { on: addMonths(lastTestedOn, cycleMonths(d, rules)), reason: 'cycle' };
}
