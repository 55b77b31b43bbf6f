import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import ExcelJS from 'exceljs';
import { ApiError } from '../../../../electron/contract';
import { openTestCore, type TestCore } from '../../helpers/core';
import { analyse, seedFixtureReference } from '../../helpers/office';
import { waitForJob } from '../../helpers/files';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
  await seedFixtureReference(t);
});
afterEach(() => t.close());

const sheetOf = async (rows: (string | number | null)[][]) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
};

describe('a required column the sheet does not have', () => {
  test('is one message naming it; rows are checked once a column is chosen for it', async () => {
    const bytes = await sheetOf([
      ['线路', '位置', '树种', '株数', '垂直距离', '处理方式'],
      ['10kV 城关一线', '12号-15号', '杨树', 3, 2.5, '修剪'],
      ['10kV 城关一线', '20号', '杨树', 2, 3, '修剪'],
      ['10kV 河口线', '5号-6号', '桉树', 4, 1.5, '砍伐'],
    ]);
    const { fileId, preview } = await analyse(t, 'vegetation', bytes);
    expect(preview.missingColumns).toEqual(['towerRange']);
    expect(preview.problems).toEqual([
      expect.objectContaining({
        row: 1,
        field: 'towerRange',
        message: 'import.columnMissing',
        params: { column: '杆号区段' },
      }),
    ]);
    expect(preview.problemCount).toBe(1);
    expect(preview.rowCount).toBe(3);

    const { jobId } = await t.call(
      'excel.analyse',
      { sheet: 'vegetation', fileId, mapping: { ...preview.mapping, towerRange: 1 } },
      t.adminToken,
    );
    const state = await waitForJob(t, jobId, t.adminToken);
    const mapped = state.result?.kind === 'excel.analyse' ? state.result.preview : (undefined as never);
    expect(mapped.missingColumns).toEqual([]);
    expect(mapped.problemCount).toBe(0);
    expect(mapped.newCount).toBe(3);
  });
});

describe('messages that say what is wrong', () => {
  test('an empty required cell is 必填; a day the calendar lacks names the month; a word not on the list lists the allowed ones', async () => {
    const bytes = await sheetOf([
      ['线路', '杆塔号', '树种', '株数', '垂直距离', '处理方式', '计划日期'],
      [null, '#1', '杨树', 3, 2.5, '修剪', null],
      ['10kV 城关一线', '#2', '杨树', 3, 2.5, '修剪', '2026-02-30'],
      ['10kV 城关一线', '#3', '杨树', 3, 2.5, '修剪', '2027/2/29'],
      ['10kV 城关一线', '#4', '杨树', 3, 2.5, '锯掉', null],
      ['10kV 城关一线', '#5', null, 3, 2.5, '修剪', null],
    ]);
    const { preview } = await analyse(t, 'vegetation', bytes);
    expect(preview.problems.map((p) => [p.row, p.field, p.message, p.params])).toEqual([
      [2, 'line', 'validation.required', undefined],
      [3, 'plannedDate', 'validation.noSuchDay', { month: 2, day: 30, days: 28 }],
      [4, 'plannedDate', 'validation.noSuchDay', { month: 2, day: 29, days: 28 }],
      [5, 'action', 'import.enum', { allowed: '修剪、砍伐、移栽' }],
      [6, 'species', 'validation.required', undefined],
    ]);
  });

  test('through the API, a voltage not on the list names the allowed ones, and a date that does not exist says so', async () => {
    const refused = await t
      .call(
        'lines.save',
        { name: '500kV 外线', voltage: '500' as never, conductor: 'bare', areaType: 'rural' },
        t.adminToken,
      )
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).issues).toEqual([
      { path: ['voltage'], message: 'validation.one_of', params: { allowed: expect.stringContaining('0.4') } },
    ]);
    const lineId = (await t.call('lines.list', { startRow: 0, endRow: 1 }, t.adminToken)).rows[0]!.id;
    const bad = await t
      .call(
        'vegetation.save',
        {
          lineId,
          towerRange: '#1',
          species: '杨树',
          treeCount: 1,
          verticalDistance: 3,
          action: 'trim',
          plannedDate: '2026-02-30',
        },
        t.adminToken,
      )
      .catch((e: unknown) => e);
    expect((bad as ApiError).issues).toEqual([
      { path: ['plannedDate'], message: 'validation.noSuchDay', params: { month: 2, day: 30, days: 28 } },
    ]);
  });
});
