import { afterEach, beforeEach, expect, test } from 'vitest';
import { openTestCore, type TestCore } from '../../helpers/core';

// 线路风险排序: Σ weight × count, the weights settings, trips per 100 towers.
let t: TestCore;
let a: number;
let b: number;
beforeEach(async () => {
  t = await openTestCore({ clock: () => new Date('2026-06-01T09:00:00+08:00') });
  const line = { voltage: '10', conductor: 'bare', areaType: 'rural', townshipIds: [] as number[] } as const;
  a = (await t.call('lines.save', { ...line, name: '10kV 甲线', towerCount: 200 }, t.adminToken)).id;
  b = (await t.call('lines.save', { ...line, name: '10kV 乙线' }, t.adminToken)).id;
  const hazard = (towerRange: string, verticalDistance: number) =>
    t.call(
      'vegetation.save',
      { lineId: a, towerRange, species: '杨树', treeCount: 1, verticalDistance, action: 'trim' },
      t.adminToken,
    );
  await hazard('#10', 0.5); // emergency
  await hazard('#20', 0.8); // emergency
  await hazard('#30', 1.8); // major
  const ground = await t.call(
    'lightningDevices.save',
    { kind: 'grounding', code: 'JD-1', site: 'tower', lineId: a, tower: '#40', soilResistivity: 300 },
    t.adminToken,
  );
  await t.call(
    'lightningTests.save',
    { deviceId: ground.id, testedOn: '2026-05-20', tester: '张工', groundingOhm: 16 },
    t.adminToken,
  );
  for (const occurredAt of ['2024-07-01T10:00', '2025-08-01T10:00', '2022-07-01T10:00'])
    await t.call('trips.save', { lineId: a, occurredAt, towers: '#41', reclosed: true, deviceIds: [] }, t.adminToken);
  await t.call(
    'equipment.save',
    {
      kind: 'transformer',
      code: 'T-1',
      name: '乙线配变',
      lineId: b,
      condition: 1,
      defectGrade: 'critical',
      defectFoundOn: '2026-05-01',
    },
    t.adminToken,
  );
});
afterEach(() => t.close());

const ranking = async () => (await t.call('lineRisk.list', {}, t.adminToken)).rows;
const partsOf = (row: { parts: { factor: string; count: number; points: number }[] }) =>
  Object.fromEntries(row.parts.filter((p) => p.count > 0).map((p) => [p.factor, [p.count, p.points]]));

test('each line’s score is its counts times the weights; trips in three years count per 100 towers', async () => {
  const [first, second] = await ranking();
  expect(first).toMatchObject({ lineName: '10kV 甲线', score: 32 });
  expect(partsOf(first!)).toEqual({
    riskEmergencyHazard: [2, 20],
    riskMajorHazard: [1, 4],
    riskDeviceFailed: [1, 5],
    // 2 trips since 2023-06-01 on 200 towers = 1 per 100 towers; the 2022 one is too old.
    riskTripsPer100: [1, 3],
  });
  expect(second).toMatchObject({ lineName: '10kV 乙线', score: 8 });
  expect(partsOf(second!)).toEqual({ riskCriticalDefect: [1, 8] });
});

test('the weights are settings: changing one re-scores and can reorder the lines', async () => {
  await t.call('settings.update', { key: 'lineRisk.riskEmergencyHazard', value: 1 }, t.adminToken);
  expect((await ranking()).map((r) => [r.lineName, r.score])).toEqual([
    ['10kV 甲线', 14],
    ['10kV 乙线', 8],
  ]);
  await t.call('settings.update', { key: 'lineRisk.riskCriticalDefect', value: 20 }, t.adminToken);
  const rows = await ranking();
  expect(rows.map((r) => [r.lineName, r.score])).toEqual([
    ['10kV 乙线', 20],
    ['10kV 甲线', 14],
  ]);
  expect(rows[1]!.parts.find((p) => p.factor === 'riskEmergencyHazard')).toEqual({
    factor: 'riskEmergencyHazard',
    count: 2,
    weight: 1,
    points: 2,
  });
  await t.call('settings.update', { key: 'lineRisk.riskDeviceFailed', value: 0 }, t.adminToken);
  expect((await ranking())[1]!.score).toBe(9);
});

test('the ranking exports to Excel in the reader’s words: points with their weights, then the counts', async () => {
  const ExcelJS = (await import('exceljs')).default;
  const { downloadFile } = await import('../../helpers/files');
  const { RISK_FACTORS } = await import('../../../../electron/contract');
  const headers = {
    sheet: '线路风险排序',
    countsSheet: '计数',
    rank: '排名',
    line: '线路',
    towerCount: '杆塔数',
    score: '分数',
    factors: Object.fromEntries(RISK_FACTORS.map((f) => [f, `因素-${f}`])) as Record<
      (typeof RISK_FACTORS)[number],
      string
    >,
  };
  const { fileId, name } = await t.call('lineRisk.export', { headers }, t.adminToken);
  expect(name).toBe('线路风险排序2026-06-01.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await downloadFile(t, fileId, t.adminToken)).bytes as never);
  const points = wb.getWorksheet('线路风险排序')!;
  const header = (points.getRow(1).values as unknown[]).slice(1);
  expect(header.slice(0, 5)).toEqual(['排名', '线路', '杆塔数', '分数', '因素-riskEmergencyHazard ×10']);
  const cells = (row: number) => (points.getRow(row).values as unknown[]).slice(1);
  expect(cells(2).slice(0, 6)).toEqual([1, '10kV 甲线', 200, 32, 20, 4]);
  expect(cells(3).slice(0, 4)).toEqual([2, '10kV 乙线', undefined, 8]); // no tower count: an empty cell
  const counts = wb.getWorksheet('计数')!;
  expect((counts.getRow(1).values as unknown[])[5]).toBe('因素-riskEmergencyHazard');
  expect((counts.getRow(2).values as unknown[]).slice(5, 7)).toEqual([2, 1]);
  // A header that is empty is refused by name, before anything is written.
  await expect(t.call('lineRisk.export', { headers: { ...headers, score: ' ' } }, t.adminToken)).rejects.toMatchObject({
    code: 'VALIDATION',
    issues: [{ path: ['headers', 'score'] }],
  });
});
