import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ApiError } from '../../../../electron/contract';
import { contentHash } from '../../helpers/db-hash';
import { openTestCore, type TestCore } from '../../helpers/core';
import { analyse } from '../../helpers/office';

// 一线一档 part 1: a line knows its tower count, and every tower range recorded on it lies within it.
let t: TestCore;
let lineId: number;
let unbounded: number;
beforeEach(async () => {
  t = await openTestCore({ clock: () => new Date('2026-12-01T09:00:00+08:00') });
  const line = { voltage: '10', conductor: 'bare', areaType: 'rural', townshipIds: [] as number[] } as const;
  lineId = (await t.call('lines.save', { ...line, name: '10kV 城关线', towerCount: 180 }, t.adminToken)).id;
  unbounded = (await t.call('lines.save', { ...line, name: '10kV 河口线' }, t.adminToken)).id;
});
afterEach(() => t.close());

async function refusal(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

const beyond = (field: string, tower: number) =>
  expect.objectContaining({
    code: 'VALIDATION',
    issues: [
      { path: [field], message: 'validation.towerBeyondLine', params: { tower, count: 180, line: '10kV 城关线' } },
    ],
  });

const hazard = (towerRange: string, line = lineId) =>
  t.call(
    'vegetation.save',
    { lineId: line, towerRange, species: '杨树', treeCount: 2, verticalDistance: 3, action: 'trim' },
    t.adminToken,
  );

describe('a record on a tower past the line’s last one is refused at its field, writing nothing', () => {
  test('a tree hazard: #250–#252 on a 180-tower line; #178–#180 is fine; a line with no count has no bound', async () => {
    const before = await contentHash(t);
    expect(await refusal(hazard('#250–#252'))).toEqual(beyond('towerRange', 250));
    expect(await refusal(hazard('#179–#181'))).toEqual(beyond('towerRange', 181));
    expect(await contentHash(t)).toBe(before);
    expect((await hazard('#178–#180')).record.towerRange).toBe('#178–#180');
    expect((await hazard('#250–#252', unbounded)).record.towerRange).toBe('#250–#252');
  });

  test('a lightning device at its 杆塔号, and a trip over its towers', async () => {
    const device = (tower: string) =>
      t.call(
        'lightningDevices.save',
        { kind: 'grounding', code: `G${tower}`, site: 'tower', lineId, tower, soilResistivity: 300 },
        t.adminToken,
      );
    expect(await refusal(device('250号'))).toEqual(beyond('tower', 250));
    expect((await device('#180')).tower).toBe('#180');
    const trip = (towers: string) =>
      t.call(
        'trips.save',
        { lineId, occurredAt: '2026-07-15T14:20', towers, reclosed: true, deviceIds: [] },
        t.adminToken,
      );
    expect(await refusal(trip('#178–#183'))).toEqual(beyond('towers', 183));
    expect((await trip('#38–#41')).towers).toBe('#38–#41');
  });

  test('an outage window’s tower span', async () => {
    const planner = await t.signIn('planner');
    const outage = (towerFrom: number, towerTo: number) =>
      t.call(
        'outages.save',
        {
          lineId,
          date: '2026-12-21',
          startTime: '08:00',
          endTime: '12:00',
          towerFrom,
          towerTo,
          reason: '树障清理',
          customersAffected: 120,
        },
        planner,
      );
    expect(await refusal(outage(170, 190))).toEqual(beyond('towerTo', 190));
    expect(await refusal(outage(200, 210))).toEqual(beyond('towerFrom', 200));
    expect((await outage(170, 180)).towerTo).toBe(180);
  });
});

describe('the line’s tower count', () => {
  test('cannot be set below the towers its records already name, and says how many and how far', async () => {
    await hazard('#150–#152');
    await hazard('#160');
    const line = await t.call('lines.list', { startRow: 0, endRow: 10 }, t.adminToken);
    const row = line.rows.find((r) => r.id === lineId)!;
    expect(row.towerCount).toBe(180);
    const save = (towerCount: number | null) =>
      t.call(
        'lines.save',
        { ...row, townshipIds: [], towerCount, code: row.code ?? undefined, notes: row.notes ?? undefined },
        t.adminToken,
      );
    expect(await refusal(save(151))).toMatchObject({
      issues: [
        { path: ['towerCount'], message: 'validation.towerCountBelowRecords', params: { records: 2, highest: 160 } },
      ],
    });
    expect((await save(160)).towerCount).toBe(160);
    expect(await refusal(hazard('#161'))).toMatchObject({ issues: [{ params: { tower: 161, count: 160 } }] });
  });

  test('is a whole number from 1 to 3000', async () => {
    const line = { voltage: '10', conductor: 'bare', areaType: 'rural', townshipIds: [] as number[] } as const;
    for (const towerCount of [0, 3001, 12.5]) {
      const e = await refusal(t.call('lines.save', { ...line, name: `线${towerCount}`, towerCount }, t.adminToken));
      expect(e.issues?.[0]?.path).toEqual(['towerCount']);
    }
  });
});

describe('an import names the rows whose towers are past their line’s end, before anything is written', () => {
  const sheetOf = async (rows: (string | number | null)[][]) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  };

  test('tree hazards', async () => {
    const bytes = await sheetOf([
      ['线路', '杆号区段', '树种', '株数', '垂直距离', '处理方式'],
      ['10kV 城关线', '12号-15号', '杨树', 3, 2.5, '修剪'],
      ['10kV 城关线', '250号-252号', '杨树', 2, 3, '修剪'],
      ['10kV 河口线', '250号-252号', '桉树', 4, 1.5, '砍伐'],
    ]);
    const { preview } = await analyse(t, 'vegetation', bytes);
    expect(preview.problems).toEqual([
      expect.objectContaining({
        row: 3,
        field: 'towerRange',
        message: 'validation.towerBeyondLine',
        params: { tower: 250, count: 180, line: '10kV 城关线' },
      }),
    ]);
  });

  test('lightning devices', async () => {
    const bytes = await sheetOf([
      ['编号', '类型', '安装位置', '线路', '杆塔号', '土壤电阻率'],
      ['G-1', '接地装置', '线路杆塔', '10kV 城关线', '#12', 300],
      ['G-2', '接地装置', '线路杆塔', '10kV 城关线', '#212', 300],
    ]);
    const { preview } = await analyse(t, 'lightningDevices', bytes);
    expect(preview.problems).toEqual([
      expect.objectContaining({ row: 3, field: 'tower', message: 'validation.towerBeyondLine' }),
    ]);
  });
});
