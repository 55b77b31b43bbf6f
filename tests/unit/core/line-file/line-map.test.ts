import ExcelJS from 'exceljs';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { openTestCore, type TestCore } from '../../helpers/core';
import { importSheet } from '../../helpers/office';

// 一线一档 part 4: what the map view draws from — the towers' positions and the townships' seats.
let t: TestCore;
let lineId: number;
beforeEach(async () => {
  t = await openTestCore();
  lineId = (
    await t.call(
      'lines.save',
      { name: '10kV 城关线', voltage: '10', conductor: 'bare', areaType: 'rural', townshipIds: [], towerCount: 5 },
      t.adminToken,
    )
  ).id;
});
afterEach(() => t.close());

test('the line file carries each tower’s position where it has one, and the townships with a seat', async () => {
  await t.call('towers.save', { lineId, number: 1, kind: 'terminal', longitude: 111.7, latitude: 29.03 }, t.adminToken);
  await t.call('towers.save', { lineId, number: 2, kind: 'tangent' }, t.adminToken);
  const seat = await t.call('townships.save', { name: '城关镇', longitude: 111.71, latitude: 29.04 }, t.adminToken);
  await t.call('townships.save', { name: '石桥镇' }, t.adminToken);
  const gone = await t.call('townships.save', { name: '龙泉乡', longitude: 111.8, latitude: 29.1 }, t.adminToken);
  await t.call('townships.delete', { ids: [gone.id] }, t.adminToken);

  const file = await t.call('lineFile.get', { lineId }, t.adminToken);
  expect(file.towers).toEqual([
    { number: 1, kind: 'terminal', longitude: 111.7, latitude: 29.03 },
    { number: 2, kind: 'tangent', longitude: null, latitude: null },
  ]);
  // Only live townships whose seat is known: the map cannot place the others.
  expect(file.places).toEqual([{ name: '城关镇', longitude: 111.71, latitude: 29.04 }]);
  expect(seat).toMatchObject({ longitude: 111.71, latitude: 29.04 });
});

test('a township’s seat is both coordinates or neither, each within its range, named by field', async () => {
  await expect(t.call('townships.save', { name: '城关镇', longitude: 111.7 }, t.adminToken)).rejects.toMatchObject({
    code: 'VALIDATION',
    issues: [{ path: ['latitude'], message: 'validation.positionPair' }],
  });
  await expect(
    t.call('townships.save', { name: '城关镇', longitude: 111.7, latitude: 95 }, t.adminToken),
  ).rejects.toMatchObject({ code: 'VALIDATION', issues: [{ path: ['latitude'], message: 'validation.coordinate' }] });
  const { rowCount } = await t.call('townships.list', { startRow: 0, endRow: 10 }, t.adminToken);
  expect(rowCount).toBe(0);
});

test('townships’ seats come in from a sheet with 经度 and 纬度 columns', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('乡镇');
  ws.addRow(['乡镇名称', '经度', '纬度', '备注']);
  ws.addRow(['城关镇', 111.6985, 29.0317, null]);
  ws.addRow(['石桥镇', null, null, '驻地待测']);
  const { committed } = await importSheet(t, 'townships', Buffer.from(await wb.xlsx.writeBuffer()));
  expect(committed.status).toBe('done');
  const { rows } = await t.call(
    'townships.list',
    { startRow: 0, endRow: 10, sortModel: [{ colId: 'name', sort: 'asc' }] },
    t.adminToken,
  );
  expect(rows.map((r) => [r.name, r.longitude, r.latitude])).toEqual([
    ['城关镇', 111.6985, 29.0317],
    ['石桥镇', null, null],
  ]);
});

test('the demo county’s townships have seats beside a line that serves them', async () => {
  const demo = await openTestCore({ demoRecords: 10 });
  try {
    const page = { startRow: 0, endRow: 1000 };
    const { rows: lines } = await demo.call('lines.list', page, demo.adminToken);
    const { rows: townships } = await demo.call('townships.list', page, demo.adminToken);
    const seated = townships.filter((k) => k.longitude !== null);
    expect(seated.length).toBeGreaterThan(0);
    for (const k of seated) {
      const towers = [];
      for (const line of lines.filter((l) => l.townshipIds.includes(k.id)))
        towers.push(...(await demo.call('towers.list', { ...page, lineId: line.id }, demo.adminToken)).rows);
      // Within about a kilometre (0.01°) of a tower of one of its lines.
      const near = towers.some(
        (w) => Math.abs(w.longitude! - k.longitude!) < 0.01 && Math.abs(w.latitude! - k.latitude!) < 0.01,
      );
      expect(near, k.name).toBe(true);
    }
  } finally {
    await demo.close();
  }
});
