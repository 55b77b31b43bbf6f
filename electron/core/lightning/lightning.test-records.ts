// Lightning test *records* (a tester's readings, judged and saved): the module's data, not its unit tests.
import type { LightningDeviceRow, Readings } from '../../contract';
import type { HandlerContext } from '../context';
import { saveVersioned } from '../shared/versioned';
import { judgeTest, rectificationGrade } from './lightning.rules';
import { findTest, rectificationDue, type LightningContext } from './lightning.repository';

export interface TestValues extends Readings {
  testedOn: string;
  tester: string;
  instrument?: string | null;
  weather?: string | null;
  notes?: string | null;
  campaignId?: number | null;
}

/**
 * Saves a test judged against its device, then keeps the rectifications in step: a failed test
 * opens one (deadline by grade), a test corrected to passing drops the one it opened, and a
 * passing test closes the device's open ones found on or before it (the retest).
 */
export async function saveJudgedTest(
  ctx: HandlerContext,
  lctx: LightningContext,
  device: LightningDeviceRow,
  input: { id?: number; version?: number },
  v: TestValues,
) {
  const facts = { ...device };
  const judged = judgeTest(facts, v, lctx.rules);
  const id = await saveVersioned(
    ctx,
    'lightning_tests',
    input,
    {
      device_id: device.id,
      tested_on: v.testedOn,
      tester: v.tester,
      instrument: v.instrument || null,
      weather: v.weather || null,
      grounding_ohm: v.groundingOhm ?? null,
      insulation_mohm: v.insulationMohm ?? null,
      u1ma_kv: v.u1maKv ?? null,
      leakage_ua: v.leakageUa ?? null,
      counter_ok: v.counterOk == null ? null : v.counterOk ? 1 : 0,
      ...(v.campaignId !== undefined ? { campaign_id: v.campaignId } : {}),
      verdict: judged.verdict,
      judgement_json: JSON.stringify(judged),
      notes: v.notes || null,
    },
    () => findTest(ctx.db, input.id!),
  );

  // An arrester's first U1mA becomes its initial value (the change is judged against it from then on).
  if (device.kind === 'arrester' && device.u1maInitial === null && v.u1maKv != null) {
    await ctx.db.updateTable('lightning_devices').set({ u1ma_initial: v.u1maKv }).where('id', '=', device.id).execute();
  }

  const own = await ctx.db
    .selectFrom('lightning_rectifications')
    .selectAll()
    .where('test_id', '=', id)
    .executeTakeFirst();
  if (judged.verdict === 'fail') {
    const grade = rectificationGrade(facts, judged, lctx.rules);
    const reason = judged.items
      .filter((i) => !i.pass)
      .map((i) => i.reason)
      .join('；');
    const values = { grade, reason, found_on: v.testedOn, due_on: rectificationDue(v.testedOn, grade, lctx) };
    if (!own)
      await ctx.db
        .insertInto('lightning_rectifications')
        .values({ ...values, device_id: device.id, test_id: id, status: 'open', retest_id: null, closed_on: null })
        .execute();
    else if (own.status === 'open')
      await ctx.db.updateTable('lightning_rectifications').set(values).where('id', '=', own.id).execute();
  } else if (own && own.status === 'open') {
    await ctx.db.deleteFrom('lightning_rectifications').where('id', '=', own.id).execute();
  }
  if (judged.verdict === 'pass') {
    const open = await ctx.db
      .selectFrom('lightning_rectifications as r')
      .innerJoin('lightning_tests as t', 't.id', 'r.test_id')
      .select('r.id')
      .where('r.device_id', '=', device.id)
      .where('r.status', '=', 'open')
      .where('t.tested_on', '<=', v.testedOn)
      .where('r.test_id', '!=', id)
      .execute();
    if (open.length)
      await ctx.db
        .updateTable('lightning_rectifications')
        .set({ status: 'done', retest_id: id, closed_on: v.testedOn })
        .where(
          'id',
          'in',
          open.map((r) => r.id),
        )
        .execute();
  }
  return id;
}
