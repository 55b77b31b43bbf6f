import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { Settings } from '../settings/settings.repository';
import { addDays } from '../shared/time';
import { judgeTest, lightningRulesOf, rectificationGrade, type DeviceFacts } from '../lightning/lightning.rules';

const DEVICES = 500;
const TEAMS_TESTED = ['张建国', '李卫东', '王志刚', '赵海峰'];

/**
 * A county's lightning protection: 500 devices (tower grounds across soil types, line arresters,
 * transformer grounds, rods, ground-wire towers), about two thirds tested in past years (some
 * failed, with their rectifications), and this and last summer's lightning trips.
 */
export async function addDemoLightning(
  db: Kysely<DB>,
  rnd: () => number,
  today: string,
  now: string,
  settings: Settings,
): Promise<void> {
  const rules = lightningRulesOf(settings);
  const stamp = { created_at: now, updated_at: now, deleted_at: null, deleted_by: null };
  const lines = await db
    .selectFrom('lines')
    .select(['id', 'name'])
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .limit(30)
    .execute();
  if (lines.length === 0) return;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const year = Number(today.slice(0, 4));

  for (let i = 0; i < DEVICES; i++) {
    const line = lines[i % lines.length]!;
    const roll = rnd();
    const kind =
      roll < 0.6
        ? 'grounding'
        : roll < 0.84
          ? 'arrester'
          : roll < 0.94
            ? 'grounding'
            : roll < 0.98
              ? 'rod'
              : 'ground_wire';
    const site =
      roll < 0.6 || kind === 'ground_wire'
        ? 'tower'
        : roll < 0.84
          ? 'switch'
          : roll < 0.94
            ? 'transformer'
            : 'substation';
    const facts: DeviceFacts = {
      kind,
      site,
      ratedKv: kind === 'arrester' ? 17 : null,
      soilResistivity: site === 'tower' ? pick([60, 90, 150, 300, 450, 600, 900, 1500, 2500]) : null,
      transformerKva: site === 'transformer' ? pick([50, 80, 100, 200, 315, 400]) : null,
      hasGroundWire: site === 'tower' ? rnd() < 0.8 : true,
      radialElectrodes: false,
      nearStation: site === 'tower' && rnd() < 0.15,
      u1maInitial: kind === 'arrester' ? 25 : null,
    };
    const prefix = { grounding: site === 'transformer' ? 'PB' : 'JD', arrester: 'MOA', rod: 'BLZ', ground_wire: 'BLX' }[
      kind
    ];
    const tower = site === 'tower' || site === 'switch' ? `#${1 + Math.floor(rnd() * 80)}` : null;
    const { id } = await db
      .insertInto('lightning_devices')
      .values({
        kind,
        code: `${prefix}-${String(i + 1).padStart(4, '0')}`,
        site,
        line_id: site === 'substation' ? null : line.id,
        tower,
        site_name:
          site === 'transformer'
            ? `${line.name.replace(/^\d+kV /, '')} ${1 + (i % 9)} 号配变`
            : site === 'substation'
              ? pick(['城关变', '河口变', '石龙变'])
              : null,
        model: kind === 'arrester' ? 'HY5WS-17/50' : kind === 'rod' ? 'Φ16 镀锌圆钢' : null,
        rated_kv: facts.ratedKv,
        install_date: addDays(today, -Math.floor(365 * (2 + rnd() * 18))),
        soil_resistivity: facts.soilResistivity,
        transformer_kva: facts.transformerKva,
        has_ground_wire: facts.hasGroundWire ? 1 : 0,
        radial_electrodes: 0,
        near_station: facts.nearStation ? 1 : 0,
        u1ma_initial: facts.u1maInitial,
        notes: null,
        version: 1,
        ...stamp,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    if (rnd() < 0.35) continue; // never tested (or the paper report was never entered)
    const testedOn =
      kind === 'arrester'
        ? `${year - (rnd() < 0.7 ? 0 : 1)}-0${3 + Math.floor(rnd() * 2)}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`
        : addDays(today, -Math.floor(365 * (0.3 + rnd() * 5.5)));
    if (testedOn > today) continue;
    const bad = rnd() < 0.08;
    const readings =
      kind === 'arrester'
        ? {
            insulationMohm: bad ? 600 : 2000 + Math.round(rnd() * 8000),
            u1maKv: Math.round((25 + (rnd() - 0.5) * 1.5) * 100) / 100,
            leakageUa: Math.round(5 + rnd() * 30),
            counterOk: true,
          }
        : { groundingOhm: Math.round((bad ? 1.3 : 0.3 + rnd() * 0.6) * (site === 'transformer' ? 4 : 12) * 10) / 10 };
    const judged = judgeTest(facts, readings, rules);
    const test = await db
      .insertInto('lightning_tests')
      .values({
        device_id: id,
        tested_on: testedOn,
        tester: pick(TEAMS_TESTED),
        instrument: kind === 'arrester' ? 'ZGF-60 直流高压发生器' : 'ETCR2000 钳形接地电阻仪',
        weather: pick(['晴', '多云', '阴']),
        grounding_ohm: 'groundingOhm' in readings ? readings.groundingOhm : null,
        insulation_mohm: 'insulationMohm' in readings ? readings.insulationMohm : null,
        u1ma_kv: 'u1maKv' in readings ? readings.u1maKv : null,
        leakage_ua: 'leakageUa' in readings ? readings.leakageUa : null,
        counter_ok: 'counterOk' in readings ? 1 : null,
        campaign_id: null,
        verdict: judged.verdict,
        judgement_json: JSON.stringify(judged),
        notes: null,
        version: 1,
        ...stamp,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (judged.verdict === 'fail') {
      const grade = rectificationGrade(facts, judged, rules);
      const days = settings.number(`upgrades.defectDays.${grade}`);
      await db
        .insertInto('lightning_rectifications')
        .values({
          device_id: id,
          test_id: test.id,
          grade,
          reason: judged.items
            .filter((x) => !x.pass)
            .map((x) => x.reason)
            .join('；'),
          found_on: testedOn,
          due_on: addDays(testedOn, days),
          status: 'open',
          retest_id: null,
          closed_on: null,
        })
        .execute();
    }
  }

  for (let i = 0; i < 14; i++) {
    const line = pick(lines.slice(0, 12));
    const y = i < 9 ? year : year - 1;
    const date = `${y}-0${6 + Math.floor(rnd() * 3)}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
    if (date > today) continue;
    await db
      .insertInto('lightning_trips')
      .values({
        line_id: line.id,
        occurred_at: `${date}T${String(13 + Math.floor(rnd() * 8)).padStart(2, '0')}:${String(Math.floor(rnd() * 60)).padStart(2, '0')}`,
        towers: `#${1 + Math.floor(rnd() * 60)}`,
        reclosed: rnd() < 0.7 ? 1 : 0,
        damage: pick(['绝缘子闪络', '避雷器击穿', '导线断股', null]),
        notes: null,
        version: 1,
        ...stamp,
      })
      .execute();
  }
}
