import { ApiError, notFound } from '../../contract';
import type { HandlerContext, Handlers } from '../context';
import { fieldError, requireLive, requireUniqueCode } from '../shared/references';
import { deleteToBin } from '../shared/soft-delete';
import { saveVersioned } from '../shared/versioned';
import { judgeTest, readingsFor } from './lightning.rules';
import {
  findDevice,
  findTest,
  listDevices,
  listRectifications,
  listTests,
  loadLightningContext,
} from './lightning.repository';
import { saveJudgedTest } from './lightning.test-records';
import { requireTowerTextOnLine } from '../reference/tower-bounds';

type Methods =
  | 'lightningDevices.list'
  | 'lightningDevices.get'
  | 'lightningDevices.save'
  | 'lightningDevices.delete'
  | 'lightningTests.list'
  | 'lightningTests.judge'
  | 'lightningTests.save'
  | 'lightningTests.delete'
  | 'rectifications.list';

const context = (ctx: HandlerContext) => loadLightningContext(ctx.db, ctx.today);

export const lightningHandlers: Handlers<Methods> = {
  'lightningDevices.list': async (input, ctx) => listDevices(ctx.db, input, await context(ctx)),

  'lightningDevices.get': async (input, ctx) => {
    const device = await findDevice(ctx.db, input.id, await context(ctx));
    if (!device) throw notFound('lightningDevices', input.id);
    return device;
  },

  'lightningDevices.save': async (input, ctx) => {
    const lctx = await context(ctx);
    await requireUniqueCode(ctx.db, 'lightning_devices', input.code, input.id);
    if (input.lineId) {
      await requireLive(ctx.db, 'lines', input.lineId, 'lineId');
      await requireTowerTextOnLine(ctx.db, input.lineId, input.tower, 'tower');
    }
    const before = input.id === undefined ? undefined : await findDevice(ctx.db, input.id, lctx);
    const id = await saveVersioned(
      ctx,
      'lightning_devices',
      input,
      {
        kind: input.kind,
        code: input.code,
        site: input.site,
        line_id: input.lineId ?? null,
        tower: input.tower || null,
        site_name: input.siteName || null,
        model: input.model || null,
        rated_kv: input.ratedKv ?? null,
        install_date: input.installDate ?? null,
        soil_resistivity: input.soilResistivity ?? null,
        transformer_kva: input.transformerKva ?? null,
        has_ground_wire: input.hasGroundWire ? 1 : 0,
        radial_electrodes: input.radialElectrodes ? 1 : 0,
        near_station: input.nearStation ? 1 : 0,
        u1ma_initial: input.u1maInitial ?? null,
        notes: input.notes || null,
      },
      () => findDevice(ctx.db, input.id!, lctx),
    );
    const after = (await findDevice(ctx.db, id, lctx))!;
    ctx.audit({ entity: 'lightningDevices', entityId: id, summary: before ? 'updated' : 'created', before, after });
    return after;
  },

  'lightningDevices.delete': async (input, ctx) => deleteToBin(ctx, 'lightning_devices', 'lightningDevices', input.ids),

  'lightningTests.list': async (input, ctx) => listTests(ctx.db, input),

  'lightningTests.judge': async (input, ctx) => {
    const lctx = await context(ctx);
    const device = await findDevice(ctx.db, input.deviceId, lctx);
    if (!device) throw fieldError('deviceId', 'validation.reference_missing');
    return judgeTest(device, input, lctx.rules);
  },

  'lightningTests.save': async (input, ctx) => {
    const lctx = await context(ctx);
    const device = await findDevice(ctx.db, input.deviceId, lctx);
    if (!device) throw fieldError('deviceId', 'validation.reference_missing');
    if (input.testedOn > ctx.today) throw fieldError('testedOn', 'lightning.errors.futureDate');
    const before = input.id === undefined ? undefined : await findTest(ctx.db, input.id);
    if (before && before.deviceId !== input.deviceId)
      throw new ApiError({ code: 'RULE', message: 'lightning.errors.deviceChanged' });
    // A test carries the readings that were taken (the rest are 未测); one with none is no test.
    const { items } = judgeTest(device, input, lctx.rules);
    if (items.length === 0) {
      throw new ApiError({
        code: 'VALIDATION',
        message: 'lightning.errors.noReadings',
        issues: readingsFor(device).map((m) => ({ path: [READING_FIELD[m]], message: 'lightning.errors.noReadings' })),
      });
    }
    const id = await saveJudgedTest(ctx, lctx, device, input, input);
    const after = (await findTest(ctx.db, id))!;
    ctx.audit({ entity: 'lightningTests', entityId: id, summary: before ? 'updated' : 'created', before, after });
    return after;
  },

  'lightningTests.delete': async (input, ctx) => deleteToBin(ctx, 'lightning_tests', 'lightningTests', input.ids),

  'rectifications.list': async (input, ctx) => listRectifications(ctx.db, input, ctx.today),
};

/** The form field behind each check, for "this reading is needed" messages. */
const READING_FIELD = {
  grounding: 'groundingOhm',
  insulation: 'insulationMohm',
  u1maChange: 'u1maKv',
  leakage: 'leakageUa',
  counter: 'counterOk',
} as const;
