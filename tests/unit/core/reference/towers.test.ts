import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ApiError } from '../../../../electron/contract';
import { contentHash } from '../../helpers/db-hash';
import { openTestCore, type TestCore } from '../../helpers/core';
import { analyse, importSheet } from '../../helpers/office';

// 一线一档 part 1: a line's towers one by one — number, type, position, altitude — saved, imported, binned.
let t: TestCore;
let lineId: number;
beforeEach(async () => {
  t = await openTestCore();
  lineId = (
    await t.call(
      'lines.save',
      { name: '10kV 城关线', voltage: '10', conductor: 'bare', areaType: 'rural', townshipIds: [], towerCount: 180 },
      t.adminToken,
    )
  ).id;
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
const tower = (number: number, more: Record<string, unknown> = {}) =>
  t.call('towers.save', { lineId, number, kind: 'tangent', ...more }, t.adminToken);

describe('a tower', () => {
  test('is saved with its type, position and altitude, and listed along its line in number order', async () => {
    await tower(12, { kind: 'strain', longitude: 111.7012, latitude: 29.0345, altitude: 48.5 });
    await tower(3);
    const { rows } = await t.call('towers.list', { startRow: 0, endRow: 10, lineId }, t.adminToken);
    expect(rows.map((r) => [r.lineName, r.number, r.kind])).toEqual([
      ['10kV 城关线', 3, 'tangent'],
      ['10kV 城关线', 12, 'strain'],
    ]);
    expect(rows[1]).toMatchObject({ longitude: 111.7012, latitude: 29.0345, altitude: 48.5 });
  });

  test('is refused past the line’s last tower, on a number another live tower has, and with half a position', async () => {
    await tower(12);
    const before = await contentHash(t);
    expect((await refusal(tower(181))).issues).toEqual([
      {
        path: ['number'],
        message: 'validation.towerBeyondLine',
        params: { tower: 181, count: 180, line: '10kV 城关线' },
      },
    ]);
    expect((await refusal(tower(12))).issues).toEqual([{ path: ['number'], message: 'validation.duplicate' }]);
    expect((await refusal(tower(13, { longitude: 111.7 }))).issues).toEqual([
      expect.objectContaining({ path: ['latitude'], message: 'validation.positionPair' }),
    ]);
    expect((await refusal(tower(13, { longitude: 211.7, latitude: 29 }))).issues).toEqual([
      expect.objectContaining({ path: ['longitude'], message: 'validation.coordinate' }),
    ]);
    expect(await contentHash(t)).toBe(before);
  });

  test('goes to the recycle bin and back, unless its number has been taken meanwhile', async () => {
    const first = await tower(12);
    await t.call('towers.delete', { ids: [first.id] }, t.adminToken);
    const bin = await t.call('recycle.list', { startRow: 0, endRow: 10 }, t.adminToken);
    expect(bin.rows).toContainEqual(expect.objectContaining({ entity: 'towers', label: '10kV 城关线 #12' }));
    const second = await tower(12, { kind: 'angle' });
    await expect(t.call('recycle.restore', { entity: 'towers', id: first.id }, t.adminToken)).rejects.toMatchObject({
      message: 'recycle.nameTaken',
    });
    await t.call('towers.delete', { ids: [second.id] }, t.adminToken);
    await t.call('recycle.restore', { entity: 'towers', id: first.id }, t.adminToken);
    const { rows } = await t.call('towers.list', { startRow: 0, endRow: 10, lineId }, t.adminToken);
    expect(rows.map((r) => [r.number, r.kind])).toEqual([[12, 'tangent']]);
  });
});

describe('towers from a survey sheet', () => {
  const sheetOf = async (rows: (string | number | null)[][]) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('杆塔');
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  };
  const header = ['线路', '杆号', '杆型', '经度', '纬度', '海拔'];

  test('take tower numbers as offices write them; a span, a tower past the end and a bad type are named by row', async () => {
    const { preview } = await analyse(
      t,
      'towers',
      await sheetOf([
        header,
        ['10kV 城关线', '#1', '终端', 111.7001, 29.0301, 40],
        ['10kV 城关线', '2号', '直线', 111.7011, 29.0311, 42],
        ['10kV 城关线', '12-13', '直线', null, null, null],
        ['10kV 城关线', '#250', '耐张', null, null, null],
        ['10kV 城关线', 'N3', '门型', null, null, null],
      ]),
    );
    expect(preview.problems.map((p) => [p.row, p.field, p.message])).toEqual([
      [4, 'number', 'import.oneTower'],
      [5, 'number', 'validation.towerBeyondLine'],
      [6, 'kind', 'import.enum'],
    ]);
    expect(preview.newCount).toBe(2);
  });

  test('go in all at once, and the same line and number again updates the tower instead of adding one', async () => {
    const first = await importSheet(
      t,
      'towers',
      await sheetOf([
        header,
        ['10kV 城关线', '#1', '终端', 111.7001, 29.0301, 40],
        ['10kV 城关线', '#2', '直线', null, null, null],
      ]),
    );
    expect(first.committed.status).toBe('done');
    await importSheet(t, 'towers', await sheetOf([header, ['10kV 城关线', '2号', '耐张', 111.7011, 29.0311, 42]]));
    const { rows } = await t.call('towers.list', { startRow: 0, endRow: 10, lineId }, t.adminToken);
    expect(rows.map((r) => [r.number, r.kind, r.latitude])).toEqual([
      [1, 'terminal', 29.0301],
      [2, 'strain', 29.0311],
    ]);
  });
});

test('the demo county has every line’s towers, #1 to its count, with positions', async () => {
  const demo = await openTestCore({ demoRecords: 10 });
  try {
    const { rows: lines } = await demo.call('lines.list', { startRow: 0, endRow: 100 }, demo.adminToken);
    const [line] = lines;
    const { rows, rowCount } = await demo.call(
      'towers.list',
      { startRow: 0, endRow: 1000, lineId: line!.id },
      demo.adminToken,
    );
    expect(rowCount).toBe(line!.towerCount);
    expect(rows.map((r) => r.number)).toEqual(Array.from({ length: rowCount }, (_, i) => i + 1));
    expect(rows[0]!.kind).toBe('terminal');
    expect(rows.every((r) => r.latitude !== null && r.longitude !== null)).toBe(true);
    const all = await demo.call('towers.list', { startRow: 0, endRow: 1 }, demo.adminToken);
    expect(all.rowCount).toBe(lines.reduce((n, l) => n + (l.towerCount ?? 0), 0));
  } finally {
    await demo.close();
  }
});
