import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { VegetationListInput } from '../../../../electron/contract';
import { openTestCore, type TestCore } from '../../helpers/core';
import { downloadFile, waitForJob } from '../../helpers/files';
import { analyse } from '../../helpers/office';

let t: TestCore;
beforeAll(async () => {
  t = await openTestCore({ demoRecords: 3000 });
});
afterAll(() => t.close());

const COLUMNS = [
  { colId: 'lineName', header: '线路' },
  { colId: 'towerRange', header: '杆号区段' },
  { colId: 'hazardGrade', header: '隐患等级' },
  { colId: 'dueDate', header: '到期日' },
  { colId: 'landowner', header: '户主' },
  { colId: 'treeCount', header: '株数' },
  { colId: 'status', header: '状态' },
];

async function exportGrid(list: VegetationListInput, columns = COLUMNS) {
  const { jobId } = await t.call(
    'excel.export',
    { sheet: 'vegetation', list: list as Record<string, unknown>, columns },
    t.adminToken,
  );
  const state = await waitForJob(t, jobId, t.adminToken);
  expect(state.status).toBe('done');
  if (state.result?.kind !== 'excel.export') throw new Error('no export');
  return { ...(await downloadFile(t, state.result.outcome.fileId, t.adminToken)), rows: state.result.outcome.rows };
}

describe('exporting a grid', () => {
  const list: VegetationListInput = {
    startRow: 0,
    endRow: 100,
    grades: ['emergency', 'major'],
    sortModel: [{ colId: 'dueDate', sort: 'desc' }],
    filterModel: { treeCount: { filterType: 'number', type: 'greaterThan', filter: 3 } },
  };

  test('has the rows, order, columns and headers of the filtered grid; dates are dates, grades are words', async () => {
    const grid = await t.call('vegetation.list', { ...list, startRow: 0, endRow: 1000 }, t.adminToken);
    expect(grid.rowCount).toBeGreaterThan(100);
    const { bytes, name, rows } = await exportGrid(list);
    expect(name).toMatch(/^树障清理台账-\d{8}-\d{4}\.xlsx$/);
    expect(rows).toBe(grid.rowCount);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as never);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(COLUMNS.map((c) => c.header));
    expect(ws.rowCount).toBe(grid.rowCount + 1);
    for (const [i, r] of grid.rows.slice(0, 200).entries()) {
      const cells = (ws.getRow(i + 2).values as unknown[]).slice(1);
      expect(cells[0]).toBe(r.lineName);
      expect(cells[1]).toBe(r.towerRange);
      expect(cells[2]).toBe({ emergency: '紧急', major: '重大', general: '一般' }[r.hazardGrade]);
      expect(cells[3] instanceof Date ? (cells[3] as Date).toISOString().slice(0, 10) : (cells[3] ?? null)).toBe(
        r.dueDate,
      );
      expect(cells[5]).toBe(r.treeCount);
    }
  });

  test('opens in LibreOffice Calc with the same rows, columns and Chinese headers', async () => {
    const { bytes } = await exportGrid(list);
    const dir = mkdtempSync(path.join(tmpdir(), 'export-lo-'));
    writeFileSync(path.join(dir, 'export.xlsx'), bytes);
    // 44 = comma, 34 = quote, 76 = UTF-8: the sheet as LibreOffice reads it, as CSV.
    execFileSync(
      'soffice',
      [
        '--headless',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76',
        '--outdir',
        dir,
        path.join(dir, 'export.xlsx'),
      ],
      { stdio: 'ignore' },
    );
    const lines = readFileSync(path.join(dir, 'export.csv'), 'utf8').trim().split('\n');
    const grid = await t.call('vegetation.list', { ...list, startRow: 0, endRow: 1000 }, t.adminToken);
    expect(lines[0]).toBe(COLUMNS.map((c) => c.header).join(','));
    expect(lines.length - 1).toBe(grid.rowCount);
    const first = lines[1]!.split(',');
    expect(first[0]).toBe(grid.rows[0]!.lineName);
    expect(first[3]).toBe(grid.rows[0]!.dueDate); // shown as a date, not a serial number
  }, 60_000);

  test('refuses a column the grid does not have', async () => {
    await expect(
      t.call(
        'excel.export',
        { sheet: 'vegetation', list: {}, columns: [{ colId: 'password', header: 'x' }] },
        t.adminToken,
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  test('an export file is readable only by the user who made it', async () => {
    const { jobId } = await t.call(
      'excel.export',
      { sheet: 'vegetation', list: { preset: 'blocked' }, columns: COLUMNS },
      t.adminToken,
    );
    const state = await waitForJob(t, jobId, t.adminToken);
    const clerk = await t.signIn('clerk');
    const fileId = state.result?.kind === 'excel.export' ? state.result.outcome.fileId : '';
    await expect(t.call('files.read', { fileId, offset: 0 }, clerk)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('templates', () => {
  test('Chinese headers with required ones marked, an example row, drop-down lists; the importer recognises every column', async () => {
    const { fileId, name } = await t.call('excel.template', { sheet: 'vegetation' }, t.adminToken);
    expect(name).toBe('树障清理台账导入模板.xlsx');
    const { bytes } = await downloadFile(t, fileId, t.adminToken);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as never);
    const ws = wb.getWorksheet('导入模板')!;
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(0, 3)).toEqual(['线路*', '杆号区段*', '乡镇']);
    const actionCol = headers.indexOf('处理方式*') + 1;
    expect(ws.getCell(2, actionCol).value).toBe('修剪');
    expect(ws.getCell(3, actionCol).dataValidation).toMatchObject({ type: 'list' });
    const lists = wb.getWorksheet('选项')!;
    const options = (lists.getColumn(2).values as unknown[]).filter(Boolean);
    expect(options).toEqual(['一般林木', '行道树/城市绿化']);
    // Line names from the ledger feed the line drop-down.
    expect((lists.getColumn(1).values as unknown[]).filter(Boolean).length).toBeGreaterThan(5);

    const { preview } = await analyse(t, 'vegetation', Buffer.from(bytes));
    expect(Object.values(preview.mapping).every((c) => c !== null)).toBe(true);
  });
});
