import { z } from 'zod';
import { EVERYONE, LEDGER_EDITORS, command, query } from './method';
import {
  countOutput,
  gridPage,
  gridRequestWith,
  id,
  idInput,
  idsInput,
  isoDate,
  optionalText,
  recordMeta,
  requiredText,
  version,
} from './common';

/** 避雷针/接闪杆 / 氧化锌避雷器 (MOA) / 避雷线 / 接地装置 */
export const LIGHTNING_DEVICE_TYPES = ['rod', 'arrester', 'ground_wire', 'grounding'] as const;
export type LightningDeviceType = (typeof LIGHTNING_DEVICE_TYPES)[number];
/** Where it is: a line tower, a distribution transformer, a pole switch / cable termination, a substation. */
export const LIGHTNING_SITES = ['tower', 'transformer', 'switch', 'substation'] as const;
export type LightningSite = (typeof LIGHTNING_SITES)[number];

/** What a test checks; each applies to some device types (see lightning.rules.ts). */
export const LIGHTNING_CHECKS = ['grounding', 'insulation', 'u1maChange', 'leakage', 'counter'] as const;
export type LightningCheck = (typeof LIGHTNING_CHECKS)[number];

/** One line of a judgement: the reading, the limit as people say it, the standard, pass or not. */
export const testJudgementItem = z.object({
  check: z.enum(LIGHTNING_CHECKS),
  value: z.number().nullable(),
  /** e.g. "≤15 Ω (ρ 100–500 Ω·m)": the limit and the case that chose it. */
  limit: z.string(),
  /** Which setting held the number, so the user can see and change it. */
  settingKey: z.string().nullable(),
  standard: z.string(),
  pass: z.boolean(),
  /** Why it failed, in words (empty when it passed). */
  reason: z.string(),
});
export type TestJudgementItem = z.infer<typeof testJudgementItem>;
export const testJudgement = z.object({
  /** null while a reading the device type needs is still missing (a campaign row half entered). */
  verdict: z.enum(['pass', 'fail']).nullable(),
  items: z.array(testJudgementItem),
  missing: z.array(z.enum(LIGHTNING_CHECKS)),
});
export type TestJudgement = z.infer<typeof testJudgement>;

const positive = (max: number) =>
  z
    .number({ error: 'validation.number' })
    .finite()
    .min(0, { error: 'validation.not_negative' })
    .max(max, { error: 'validation.too_big' });

export const lightningDeviceInput = z
  .object({
    id: id.optional(),
    version: version.optional(),
    kind: z.enum(LIGHTNING_DEVICE_TYPES),
    code: requiredText(40),
    site: z.enum(LIGHTNING_SITES),
    lineId: id.nullable().optional(),
    /** 杆塔号 for a tower site. */
    tower: optionalText(20),
    /** The transformer, switch or substation by name. */
    siteName: optionalText(60),
    model: optionalText(40),
    /** Rated voltage (kV): the arrester's voltage class decides its insulation limit. */
    ratedKv: positive(1000).nullable().optional(),
    installDate: isoDate.nullable().optional(),
    /** 土壤电阻率 ρ at the site (Ω·m): decides a tower's grounding limit. */
    soilResistivity: positive(100_000).nullable().optional(),
    /** 配变容量 (kVA) for a transformer site. */
    transformerKva: positive(100_000).nullable().optional(),
    /** Tower with an overhead ground wire (架空地线). */
    hasGroundWire: z.boolean().default(true),
    /** High-ρ tower fitted with 6–8 radial electrodes ≤ 500 m in all (then its R is not limited). */
    radialElectrodes: z.boolean().default(false),
    /** Within 1–2 km of a power plant or substation: tested more often. */
    nearStation: z.boolean().default(false),
    /** An arrester's initial (or factory) U1mA (kV): the change is judged against it. */
    u1maInitial: positive(1000).nullable().optional(),
    notes: optionalText(500),
  })
  .superRefine((v, ctx) => {
    // What the judgement needs to know about this kind of device and site.
    const need = (ok: boolean, path: string) =>
      ok || ctx.addIssue({ code: 'custom', path: [path], message: 'validation.required' });
    need(v.site !== 'tower' || v.lineId != null, 'lineId');
    need(v.site !== 'transformer' || v.transformerKva != null, 'transformerKva');
    need(v.kind !== 'arrester' || v.ratedKv != null, 'ratedKv');
  });
export const lightningDeviceRow = z.object({
  ...recordMeta,
  kind: z.enum(LIGHTNING_DEVICE_TYPES),
  code: z.string(),
  site: z.enum(LIGHTNING_SITES),
  lineId: id.nullable(),
  lineName: z.string().nullable(),
  tower: z.string().nullable(),
  siteName: z.string().nullable(),
  model: z.string().nullable(),
  ratedKv: z.number().nullable(),
  installDate: z.string().nullable(),
  soilResistivity: z.number().nullable(),
  transformerKva: z.number().nullable(),
  hasGroundWire: z.boolean(),
  radialElectrodes: z.boolean(),
  nearStation: z.boolean(),
  u1maInitial: z.number().nullable(),
  notes: z.string().nullable(),
  /** The last judged test, and when the next is due (cycle for the type, or a lightning trip on its line since). */
  lastTestedOn: z.string().nullable(),
  lastVerdict: z.enum(['pass', 'fail']).nullable(),
  nextDueOn: z.string(),
  dueReason: z.enum(['never', 'incomplete', 'cycle', 'season', 'trip']),
  overdue: z.boolean(),
  /** Red until a passing retest: a failed last test or an open rectification. */
  red: z.boolean(),
});
export type LightningDeviceRow = z.infer<typeof lightningDeviceRow>;

/** The readings a test may carry; which ones a type needs is decided by the rules. */
export const readings = z.object({
  groundingOhm: positive(10_000).nullable().optional(),
  insulationMohm: positive(1_000_000).nullable().optional(),
  u1maKv: positive(1000).nullable().optional(),
  leakageUa: positive(100_000).nullable().optional(),
  /** 放电计数器: operated every time in 3–5 tries and was reset. */
  counterOk: z.boolean().nullable().optional(),
});
export type Readings = z.infer<typeof readings>;

export const lightningTestInput = readings.extend({
  id: id.optional(),
  version: version.optional(),
  deviceId: id,
  testedOn: isoDate,
  tester: requiredText(40),
  instrument: optionalText(60),
  weather: optionalText(20),
  notes: optionalText(500),
});
export const lightningTestRow = z.object({
  ...recordMeta,
  deviceId: id,
  deviceCode: z.string(),
  deviceKind: z.enum(LIGHTNING_DEVICE_TYPES),
  site: z.enum(LIGHTNING_SITES),
  lineName: z.string().nullable(),
  testedOn: z.string(),
  tester: z.string(),
  instrument: z.string().nullable(),
  weather: z.string().nullable(),
  groundingOhm: z.number().nullable(),
  insulationMohm: z.number().nullable(),
  u1maKv: z.number().nullable(),
  leakageUa: z.number().nullable(),
  counterOk: z.boolean().nullable(),
  campaignId: id.nullable(),
  notes: z.string().nullable(),
  verdict: z.enum(['pass', 'fail']).nullable(),
  judgement: testJudgement,
});
export type LightningTestRow = z.infer<typeof lightningTestRow>;

export const RECTIFICATION_STATUSES = ['open', 'done'] as const;
export const rectificationRow = z.object({
  id,
  deviceId: id,
  deviceCode: z.string(),
  lineName: z.string().nullable(),
  testId: id,
  /** 一般 / 严重 / 危急: the deadline follows upgrades.defectDays.*. */
  grade: z.enum(['general', 'serious', 'critical']),
  reason: z.string(),
  foundOn: z.string(),
  dueOn: z.string(),
  status: z.enum(RECTIFICATION_STATUSES),
  overdue: z.boolean(),
  retestId: id.nullable(),
  closedOn: z.string().nullable(),
});
export type RectificationRow = z.infer<typeof rectificationRow>;

export const campaignInput = z.object({ name: requiredText(60), deadline: isoDate });
export const campaignSummary = z.object({
  id,
  name: z.string(),
  deadline: z.string(),
  createdAt: z.string(),
  devices: z.number(),
  done: z.number(),
  failed: z.number(),
  left: z.number(),
});
export const campaignRow = z.object({
  deviceId: id,
  deviceCode: z.string(),
  deviceKind: z.enum(LIGHTNING_DEVICE_TYPES),
  site: z.enum(LIGHTNING_SITES),
  lineName: z.string().nullable(),
  place: z.string(),
  nextDueOn: z.string(),
  teamId: id.nullable(),
  teamName: z.string().nullable(),
  plannedOn: z.string().nullable(),
  /** The campaign's test of this device, once a reading is in. */
  testId: id.nullable(),
  testVersion: z.number().nullable(),
  groundingOhm: z.number().nullable(),
  insulationMohm: z.number().nullable(),
  u1maKv: z.number().nullable(),
  leakageUa: z.number().nullable(),
  counterOk: z.boolean().nullable(),
  /** Which readings this device's test needs (the grid greys out the others). */
  needs: z.array(z.enum(LIGHTNING_CHECKS)),
  verdict: z.enum(['pass', 'fail']).nullable(),
  reasons: z.array(z.string()),
});
export type CampaignRow = z.infer<typeof campaignRow>;

export const tripInput = z.object({
  id: id.optional(),
  version: version.optional(),
  lineId: id,
  occurredAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: 'validation.date' }),
  towers: optionalText(100),
  reclosed: z.boolean().default(false),
  damage: optionalText(200),
  deviceIds: z.array(id).max(50).default([]),
  notes: optionalText(500),
});
export const tripRow = z.object({
  ...recordMeta,
  lineId: id,
  lineName: z.string(),
  occurredAt: z.string(),
  towers: z.string().nullable(),
  reclosed: z.boolean(),
  damage: z.string().nullable(),
  deviceIds: z.array(id),
  deviceCodes: z.array(z.string()),
  notes: z.string().nullable(),
});
export type TripRow = z.infer<typeof tripRow>;
export const tripsByLineRow = z.object({
  lineId: id,
  lineName: z.string(),
  trips: z.number(),
  reclosed: z.number(),
  devices: z.number(),
  /** Devices on the line whose test was overdue on the day of a trip that year. */
  untestedAtTrip: z.number(),
  testedInTime: z.boolean(),
});

export const lightningMethods = {
  'lightningDevices.list': query(
    EVERYONE,
    gridRequestWith({
      kind: z.enum(LIGHTNING_DEVICE_TYPES).optional(),
      overdue: z.boolean().optional(),
      red: z.boolean().optional(),
      lineId: id.optional(),
    }),
    gridPage(lightningDeviceRow),
  ),
  'lightningDevices.get': query(EVERYONE, idInput, lightningDeviceRow),
  'lightningDevices.save': command(LEDGER_EDITORS, lightningDeviceInput, lightningDeviceRow),
  'lightningDevices.delete': command(LEDGER_EDITORS, idsInput, countOutput),
  'lightningTests.list': query(
    EVERYONE,
    gridRequestWith({ deviceId: id.optional(), verdict: z.enum(['pass', 'fail']).optional() }),
    gridPage(lightningTestRow),
  ),
  /** Judges the readings without saving (the form shows the verdict as the clerk types). */
  'lightningTests.judge': query(EVERYONE, readings.extend({ deviceId: id }), testJudgement),
  'lightningTests.save': command(LEDGER_EDITORS, lightningTestInput, lightningTestRow),
  'lightningTests.delete': command(LEDGER_EDITORS, idsInput, countOutput),
  'rectifications.list': query(
    EVERYONE,
    gridRequestWith({ status: z.enum(RECTIFICATION_STATUSES).optional(), deviceId: id.optional() }),
    gridPage(rectificationRow),
  ),
  'campaigns.list': query(EVERYONE, z.object({}), z.object({ rows: z.array(campaignSummary) })),
  /** Creates the season's campaign with every device due by the deadline. */
  'campaigns.create': command(LEDGER_EDITORS, campaignInput, campaignSummary),
  'campaigns.get': query(EVERYONE, idInput, campaignSummary.extend({ rows: z.array(campaignRow) })),
  /** Team and date for many devices at once. */
  'campaigns.assign': command(
    LEDGER_EDITORS,
    z.object({
      campaignId: id,
      deviceIds: z.array(id).min(1).max(5000),
      teamId: id.nullable(),
      plannedOn: isoDate.nullable(),
    }),
    countOutput,
  ),
  /** One row's readings as typed in the grid: creates or updates the campaign's test of the device. */
  'campaigns.enterResult': command(
    LEDGER_EDITORS,
    readings.extend({ campaignId: id, deviceId: id, testedOn: isoDate.optional(), tester: optionalText(40) }),
    campaignRow,
  ),
  'trips.list': query(
    EVERYONE,
    gridRequestWith({ lineId: id.optional(), year: z.number().int().min(2000).max(2100).optional() }),
    gridPage(tripRow),
  ),
  'trips.save': command(LEDGER_EDITORS, tripInput, tripRow),
  'trips.delete': command(LEDGER_EDITORS, idsInput, countOutput),
  'trips.byLine': query(
    EVERYONE,
    z.object({ year: z.number().int().min(2000).max(2100) }),
    z.object({ rows: z.array(tripsByLineRow) }),
  ),
} as const;
