import type { Kysely } from 'kysely';
import type {
  LightningCheck,
  TestJudgement,
  LightningDeviceRow,
  LightningTestRow,
  ParsedInputOf,
  RectificationRow,
} from '../../contract';
import type { DB } from '../db/schema';
import { loadSettings } from '../settings/settings.repository';
import { gridPageOf, gridRowsOf, type GridColumns } from '../shared/grid-query';
import { addDays } from '../shared/time';
import { READING_COLUMN, lightningRulesOf, nextDue, type DeviceFacts, type LightningRules } from './lightning.rules';

export interface LightningContext {
  today: string;
  rules: LightningRules;
  defectDays: Record<'general' | 'serious' | 'critical', number>;
}

export async function loadLightningContext(db: Kysely<DB>, today: string): Promise<LightningContext> {
  const settings = await loadSettings(db);
  return {
    today,
    rules: lightningRulesOf(settings),
    defectDays: {
      critical: settings.number('upgrades.defectDays.critical'),
      serious: settings.number('upgrades.defectDays.serious'),
      general: settings.number('upgrades.defectDays.general'),
    },
  };
}

/* ---------- devices ---------- */

const DEVICE_COLUMNS: GridColumns = {
  kind: { ref: 'd.kind', type: 'text' },
  code: { ref: 'd.code', type: 'text' },
  site: { ref: 'd.site', type: 'text' },
  lineName: { ref: 'l.name', type: 'text' },
  tower: { ref: 'd.tower', type: 'text' },
  siteName: { ref: 'd.site_name', type: 'text' },
  model: { ref: 'd.model', type: 'text' },
  ratedKv: { ref: 'd.rated_kv', type: 'number' },
  installDate: { ref: 'd.install_date', type: 'date' },
  soilResistivity: { ref: 'd.soil_resistivity', type: 'number' },
};

/** Devices with what their state is judged from: last judged test, latest trip on their line or linked to them, open rectifications. */
const devices = (db: Kysely<DB>) =>
  db
    .selectFrom('lightning_devices as d')
    .leftJoin('lines as l', 'l.id', 'd.line_id')
    .selectAll('d')
    .select('l.name as line_name')
    .select((eb) => [
      eb
        .selectFrom('lightning_tests as t')
        .select((e) => e.fn.max('t.tested_on').as('m'))
        .whereRef('t.device_id', '=', 'd.id')
        .where('t.deleted_at', 'is', null)
        .as('last_tested_on'),
      // The last day each reading was taken: the due date follows from what was tested.
      ...(Object.entries(READING_COLUMN) as [LightningCheck, (typeof READING_COLUMN)[LightningCheck]][]).map(
        ([check, column]) =>
          eb
            .selectFrom('lightning_tests as t')
            .select((e) => e.fn.max('t.tested_on').as('m'))
            .whereRef('t.device_id', '=', 'd.id')
            .where('t.deleted_at', 'is', null)
            .where(`t.${column}`, 'is not', null)
            .as(`checked_${check}`),
      ),
      eb
        .selectFrom('lightning_tests as t')
        .select('t.verdict')
        .whereRef('t.device_id', '=', 'd.id')
        .where('t.deleted_at', 'is', null)
        .where('t.verdict', 'is not', null)
        .orderBy('t.tested_on', 'desc')
        .orderBy('t.id', 'desc')
        .limit(1)
        .as('last_verdict'),
      eb
        .selectFrom('lightning_trips as tr')
        .select((e) => e.fn.max('tr.occurred_at').as('m'))
        .whereRef('tr.line_id', '=', 'd.line_id')
        .where('tr.deleted_at', 'is', null)
        .as('last_line_trip'),
      eb
        .selectFrom('lightning_trip_devices as td')
        .innerJoin('lightning_trips as tr', 'tr.id', 'td.trip_id')
        .select((e) => e.fn.max('tr.occurred_at').as('m'))
        .whereRef('td.device_id', '=', 'd.id')
        .where('tr.deleted_at', 'is', null)
        .as('last_linked_trip'),
      eb
        .selectFrom('lightning_rectifications as r')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('r.device_id', '=', 'd.id')
        .where('r.status', '=', 'open')
        .as('open_rectifications'),
    ])
    .where('d.deleted_at', 'is', null);
type DeviceJoined = Awaited<ReturnType<ReturnType<typeof devices>['executeTakeFirstOrThrow']>>;

export function deviceFacts(r: {
  kind: string;
  site: string;
  rated_kv: number | null;
  soil_resistivity: number | null;
  transformer_kva: number | null;
  has_ground_wire: number;
  radial_electrodes: number;
  near_station: number;
  u1ma_initial: number | null;
}): DeviceFacts {
  return {
    kind: r.kind as DeviceFacts['kind'],
    site: r.site as DeviceFacts['site'],
    ratedKv: r.rated_kv,
    soilResistivity: r.soil_resistivity,
    transformerKva: r.transformer_kva,
    hasGroundWire: r.has_ground_wire === 1,
    radialElectrodes: r.radial_electrodes === 1,
    nearStation: r.near_station === 1,
    u1maInitial: r.u1ma_initial,
  };
}

function deviceRow(r: DeviceJoined, ctx: LightningContext): LightningDeviceRow {
  const trips = [r.last_line_trip, r.last_linked_trip]
    .filter((x): x is string => typeof x === 'string')
    .map((x) => x.slice(0, 10));
  const lastTripOn = trips.length ? trips.sort().at(-1)! : null;
  const checked = r as unknown as Record<`checked_${LightningCheck}`, string | null>;
  const checkedOn = Object.fromEntries(
    (Object.keys(READING_COLUMN) as LightningCheck[]).map((c) => [c, checked[`checked_${c}`] ?? null]),
  );
  const due = nextDue(deviceFacts(r), { installDate: r.install_date, checkedOn, lastTripOn }, ctx.rules, ctx.today);
  const lastVerdict = (r.last_verdict ?? null) as LightningDeviceRow['lastVerdict'];
  return {
    id: r.id,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    kind: r.kind as LightningDeviceRow['kind'],
    code: r.code,
    site: r.site as LightningDeviceRow['site'],
    lineId: r.line_id,
    lineName: r.line_name,
    tower: r.tower,
    siteName: r.site_name,
    model: r.model,
    ratedKv: r.rated_kv,
    installDate: r.install_date,
    soilResistivity: r.soil_resistivity,
    transformerKva: r.transformer_kva,
    hasGroundWire: r.has_ground_wire === 1,
    radialElectrodes: r.radial_electrodes === 1,
    nearStation: r.near_station === 1,
    u1maInitial: r.u1ma_initial,
    notes: r.notes,
    lastTestedOn: r.last_tested_on ?? null,
    lastVerdict,
    nextDueOn: due.on,
    dueReason: due.reason,
    overdue: due.on < ctx.today,
    red: lastVerdict === 'fail' || Number(r.open_rectifications ?? 0) > 0,
  };
}

export async function listDevices(db: Kysely<DB>, req: ParsedInputOf<'lightningDevices.list'>, ctx: LightningContext) {
  const source = {
    base: () => {
      let q = devices(db);
      if (req.kind) q = q.where('d.kind', '=', req.kind);
      if (req.lineId) q = q.where('d.line_id', '=', req.lineId);
      return q;
    },
    select: (q: unknown) => q as ReturnType<typeof devices>,
    req,
    columns: DEVICE_COLUMNS,
    search: ['d.code', 'd.site_name', 'd.tower', 'd.model', 'l.name'],
    tieBreaker: 'd.id',
    defaultSort: [{ colId: 'code', sort: 'asc' as const }],
    map: (r: DeviceJoined) => deviceRow(r, ctx),
  };
  if (req.overdue === undefined && req.red === undefined) return gridPageOf(source);
  // Due dates are judged from the settings, not stored: a county has thousands of devices, not millions.
  const kept: LightningDeviceRow[] = [];
  for await (const r of gridRowsOf(source))
    if ((req.overdue === undefined || r.overdue === req.overdue) && (req.red === undefined || r.red === req.red))
      kept.push(r);
  return { rowCount: kept.length, rows: kept.slice(req.startRow, req.endRow) };
}

/** Every device the list would show, page after page (campaign set-up, the register's Excel export). */
export async function* allDevices(
  db: Kysely<DB>,
  ctx: LightningContext,
  req: Omit<ParsedInputOf<'lightningDevices.list'>, 'startRow' | 'endRow'> = {
    sortModel: [{ colId: 'code', sort: 'asc' }],
    filterModel: {},
  },
): AsyncGenerator<LightningDeviceRow> {
  for (let start = 0; ; start += 1000) {
    const page = await listDevices(db, { ...req, startRow: start, endRow: start + 1000 }, ctx);
    yield* page.rows;
    if (start + 1000 >= page.rowCount) return;
  }
}

export async function findDevice(db: Kysely<DB>, id: number, ctx: LightningContext) {
  const r = await devices(db).where('d.id', '=', id).executeTakeFirst();
  return r ? deviceRow(r, ctx) : undefined;
}

/* ---------- tests ---------- */

const TEST_COLUMNS: GridColumns = {
  deviceCode: { ref: 'd.code', type: 'text' },
  lineName: { ref: 'l.name', type: 'text' },
  testedOn: { ref: 't.tested_on', type: 'date' },
  tester: { ref: 't.tester', type: 'text' },
  groundingOhm: { ref: 't.grounding_ohm', type: 'number' },
  insulationMohm: { ref: 't.insulation_mohm', type: 'number' },
  leakageUa: { ref: 't.leakage_ua', type: 'number' },
  verdict: { ref: 't.verdict', type: 'text' },
};

const tests = (db: Kysely<DB>) =>
  db
    .selectFrom('lightning_tests as t')
    .innerJoin('lightning_devices as d', 'd.id', 't.device_id')
    .leftJoin('lines as l', 'l.id', 'd.line_id')
    .selectAll('t')
    .select(['d.code as device_code', 'd.kind as device_kind', 'd.site as site', 'l.name as line_name'])
    .where('t.deleted_at', 'is', null);
type TestJoined = Awaited<ReturnType<ReturnType<typeof tests>['executeTakeFirstOrThrow']>>;

function testRow(r: TestJoined): LightningTestRow {
  return {
    id: r.id,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deviceId: r.device_id,
    deviceCode: r.device_code,
    deviceKind: r.device_kind as LightningTestRow['deviceKind'],
    site: r.site as LightningTestRow['site'],
    lineName: r.line_name,
    testedOn: r.tested_on,
    tester: r.tester,
    instrument: r.instrument,
    weather: r.weather,
    groundingOhm: r.grounding_ohm,
    insulationMohm: r.insulation_mohm,
    u1maKv: r.u1ma_kv,
    leakageUa: r.leakage_ua,
    counterOk: r.counter_ok === null ? null : r.counter_ok === 1,
    campaignId: r.campaign_id,
    notes: r.notes,
    verdict: r.verdict as LightningTestRow['verdict'],
    judgement: JSON.parse(r.judgement_json) as TestJudgement,
  };
}

export async function listTests(db: Kysely<DB>, req: ParsedInputOf<'lightningTests.list'>) {
  return gridPageOf({
    base: () => {
      let q = tests(db);
      if (req.deviceId) q = q.where('t.device_id', '=', req.deviceId);
      if (req.verdict) q = q.where('t.verdict', '=', req.verdict);
      return q;
    },
    select: (q: unknown) => q as ReturnType<typeof tests>,
    req,
    columns: TEST_COLUMNS,
    search: ['d.code', 't.tester', 'l.name'],
    tieBreaker: 't.id',
    defaultSort: [{ colId: 'testedOn', sort: 'desc' as const }],
    map: testRow,
  });
}

export async function findTest(db: Kysely<DB>, id: number) {
  const r = await tests(db).where('t.id', '=', id).executeTakeFirst();
  return r ? testRow(r) : undefined;
}

/* ---------- rectifications ---------- */

export async function listRectifications(db: Kysely<DB>, req: ParsedInputOf<'rectifications.list'>, today: string) {
  const q = () => {
    let b = db
      .selectFrom('lightning_rectifications as r')
      .innerJoin('lightning_devices as d', 'd.id', 'r.device_id')
      .leftJoin('lines as l', 'l.id', 'd.line_id')
      .selectAll('r')
      .select(['d.code as device_code', 'l.name as line_name'])
      .where('d.deleted_at', 'is', null);
    if (req.status) b = b.where('r.status', '=', req.status);
    if (req.deviceId) b = b.where('r.device_id', '=', req.deviceId);
    return b;
  };
  return gridPageOf({
    base: q,
    select: (x: unknown) => x as ReturnType<typeof q>,
    req,
    columns: {
      deviceCode: { ref: 'd.code', type: 'text' },
      lineName: { ref: 'l.name', type: 'text' },
      dueOn: { ref: 'r.due_on', type: 'date' },
      foundOn: { ref: 'r.found_on', type: 'date' },
      status: { ref: 'r.status', type: 'text' },
      grade: { ref: 'r.grade', type: 'text' },
    },
    search: ['d.code', 'l.name', 'r.reason'],
    tieBreaker: 'r.id',
    defaultSort: [{ colId: 'dueOn', sort: 'asc' as const }],
    map: (r): RectificationRow => ({
      id: r.id,
      deviceId: r.device_id,
      deviceCode: r.device_code,
      lineName: r.line_name,
      testId: r.test_id,
      grade: r.grade as RectificationRow['grade'],
      reason: r.reason,
      foundOn: r.found_on,
      dueOn: r.due_on,
      status: r.status as RectificationRow['status'],
      overdue: r.status === 'open' && r.due_on < today,
      retestId: r.retest_id,
      closedOn: r.closed_on,
    }),
  });
}

export const rectificationDue = (foundOn: string, grade: 'general' | 'serious' | 'critical', ctx: LightningContext) =>
  addDays(foundOn, ctx.defectDays[grade]);
