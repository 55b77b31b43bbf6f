import type { Kysely } from 'kysely';
import { ApiError, notFound, type CampaignRow, type TestJudgement } from '../../contract';
import { currentUser, type Handlers } from '../context';
import type { DB } from '../db/schema';
import { fieldError, requireLive } from '../shared/references';
import { readingsFor } from './lightning.rules';
import { allDevices, findDevice, loadLightningContext } from './lightning.repository';
import { saveJudgedTest } from './lightning.test-records';

type Methods = 'campaigns.list' | 'campaigns.create' | 'campaigns.get' | 'campaigns.assign' | 'campaigns.enterResult';

/** Each campaign's devices, done (judged), failed and left. */
async function summaries(db: Kysely<DB>, id?: number) {
  let q = db
    .selectFrom('lightning_campaigns as c')
    .leftJoin('lightning_campaign_devices as cd', 'cd.campaign_id', 'c.id')
    .leftJoin('lightning_tests as t', (j) =>
      j.onRef('t.campaign_id', '=', 'c.id').onRef('t.device_id', '=', 'cd.device_id').on('t.deleted_at', 'is', null),
    )
    .select(['c.id', 'c.name', 'c.deadline', 'c.created_at'])
    .select((eb) => [
      eb.fn.count<number>('cd.device_id').as('devices'),
      eb.fn.count<number>('t.verdict').as('done'),
      eb.fn.sum<number>(eb.case().when('t.verdict', '=', 'fail').then(1).else(0).end()).as('failed'),
    ])
    .groupBy('c.id')
    .orderBy('c.deadline', 'desc');
  if (id !== undefined) q = q.where('c.id', '=', id);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    deadline: r.deadline,
    createdAt: r.created_at,
    devices: Number(r.devices),
    done: Number(r.done),
    failed: Number(r.failed ?? 0),
    left: Number(r.devices) - Number(r.done),
  }));
}

async function summary(db: Kysely<DB>, id: number) {
  const [s] = await summaries(db, id);
  if (!s) throw notFound('campaigns', id);
  return s;
}

/** The campaign's grid: one row per device with its team, date and the campaign's readings so far. */
async function campaignRows(db: Kysely<DB>, campaignId: number, deviceId?: number): Promise<CampaignRow[]> {
  let q = db
    .selectFrom('lightning_campaign_devices as cd')
    .innerJoin('lightning_devices as d', 'd.id', 'cd.device_id')
    .leftJoin('lines as l', 'l.id', 'd.line_id')
    .leftJoin('teams as tm', 'tm.id', 'cd.team_id')
    .leftJoin('lightning_tests as t', (j) =>
      j
        .onRef('t.campaign_id', '=', 'cd.campaign_id')
        .onRef('t.device_id', '=', 'cd.device_id')
        .on('t.deleted_at', 'is', null),
    )
    .select([
      'cd.device_id',
      'cd.due_on',
      'cd.team_id',
      'cd.planned_on',
      'd.code',
      'd.kind',
      'd.site',
      'd.tower',
      'd.site_name',
      'd.u1ma_initial',
      'l.name as line_name',
      'tm.name as team_name',
    ])
    .select([
      't.id as test_id',
      't.version as test_version',
      't.grounding_ohm',
      't.insulation_mohm',
      't.u1ma_kv',
      't.leakage_ua',
      't.counter_ok',
      't.verdict',
      't.judgement_json',
    ])
    .where('cd.campaign_id', '=', campaignId)
    .where('d.deleted_at', 'is', null)
    .orderBy('l.name')
    .orderBy('d.code');
  if (deviceId !== undefined) q = q.where('cd.device_id', '=', deviceId);
  return (await q.execute()).map((r) => {
    const judged = r.judgement_json ? (JSON.parse(r.judgement_json) as TestJudgement) : null;
    return {
      deviceId: r.device_id,
      deviceCode: r.code,
      deviceKind: r.kind as CampaignRow['deviceKind'],
      site: r.site as CampaignRow['site'],
      lineName: r.line_name,
      place: [r.line_name, r.tower, r.site_name].filter(Boolean).join(' '),
      nextDueOn: r.due_on,
      teamId: r.team_id,
      teamName: r.team_name,
      plannedOn: r.planned_on,
      testId: r.test_id,
      testVersion: r.test_version,
      groundingOhm: r.grounding_ohm,
      insulationMohm: r.insulation_mohm,
      u1maKv: r.u1ma_kv,
      leakageUa: r.leakage_ua,
      counterOk: r.counter_ok === null ? null : r.counter_ok === 1,
      needs: readingsFor({ kind: r.kind as CampaignRow['deviceKind'] }),
      verdict: (r.verdict ?? null) as CampaignRow['verdict'],
      reasons: judged ? judged.items.filter((i) => !i.pass).map((i) => i.reason) : [],
    };
  });
}

export const campaignHandlers: Handlers<Methods> = {
  'campaigns.list': async (_input, ctx) => ({ rows: await summaries(ctx.db) }),

  /** Every live device due by the deadline joins the campaign (judged by today's settings, trips and tests). */
  'campaigns.create': async (input, ctx) => {
    const lctx = await loadLightningContext(ctx.db, ctx.today);
    const { id } = await ctx.db
      .insertInto('lightning_campaigns')
      .values({
        name: input.name,
        deadline: input.deadline,
        created_at: ctx.now.toISOString(),
        created_by: currentUser(ctx).username,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const due: { campaign_id: number; device_id: number; due_on: string; team_id: null; planned_on: null }[] = [];
    for await (const d of allDevices(ctx.db, lctx))
      if (d.nextDueOn <= input.deadline)
        due.push({ campaign_id: id, device_id: d.id, due_on: d.nextDueOn, team_id: null, planned_on: null });
    if (due.length === 0)
      throw new ApiError({
        code: 'RULE',
        message: 'lightning.errors.nothingDue',
        params: { deadline: input.deadline },
      });
    for (let i = 0; i < due.length; i += 200)
      await ctx.db
        .insertInto('lightning_campaign_devices')
        .values(due.slice(i, i + 200))
        .execute();
    ctx.audit({ entity: 'campaigns', entityId: id, summary: `created with ${due.length} devices` });
    return summary(ctx.db, id);
  },

  'campaigns.get': async (input, ctx) => ({
    ...(await summary(ctx.db, input.id)),
    rows: await campaignRows(ctx.db, input.id),
  }),

  'campaigns.assign': async (input, ctx) => {
    await summary(ctx.db, input.campaignId);
    if (input.teamId) await requireLive(ctx.db, 'teams', input.teamId, 'teamId');
    const r = await ctx.db
      .updateTable('lightning_campaign_devices')
      .set({ team_id: input.teamId, planned_on: input.plannedOn })
      .where('campaign_id', '=', input.campaignId)
      .where('device_id', 'in', input.deviceIds)
      .executeTakeFirst();
    ctx.audit({
      entity: 'campaigns',
      entityId: input.campaignId,
      summary: `assigned ${Number(r.numUpdatedRows)} devices`,
    });
    return { count: Number(r.numUpdatedRows) };
  },

  /** A reading typed in the grid: merged into the campaign's test of the device (created on the first reading), judged, saved. */
  'campaigns.enterResult': async (input, ctx) => {
    const lctx = await loadLightningContext(ctx.db, ctx.today);
    const [row] = await campaignRows(ctx.db, input.campaignId, input.deviceId);
    if (!row) throw fieldError('deviceId', 'validation.reference_missing');
    const device = (await findDevice(ctx.db, input.deviceId, lctx))!;
    const testedOn = input.testedOn ?? row.plannedOn ?? ctx.today;
    if (testedOn > ctx.today) throw fieldError('testedOn', 'lightning.errors.futureDate');
    const pick = <K extends 'groundingOhm' | 'insulationMohm' | 'u1maKv' | 'leakageUa' | 'counterOk'>(k: K) =>
      input[k] !== undefined ? input[k] : row[k];
    const existing =
      row.testId === null
        ? undefined
        : await ctx.db
            .selectFrom('lightning_tests')
            .select(['tester', 'tested_on'])
            .where('id', '=', row.testId)
            .executeTakeFirst();
    await saveJudgedTest(ctx, lctx, device, row.testId === null ? {} : { id: row.testId, version: row.testVersion! }, {
      testedOn: input.testedOn ?? existing?.tested_on ?? testedOn,
      tester: input.tester || existing?.tester || currentUser(ctx).displayName || currentUser(ctx).username,
      groundingOhm: pick('groundingOhm'),
      insulationMohm: pick('insulationMohm'),
      u1maKv: pick('u1maKv'),
      leakageUa: pick('leakageUa'),
      counterOk: pick('counterOk'),
      campaignId: input.campaignId,
    });
    ctx.audit({ entity: 'campaigns', entityId: input.campaignId, summary: `result for ${row.deviceCode}` });
    return (await campaignRows(ctx.db, input.campaignId, input.deviceId))[0]!;
  },
};
