import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openTestCore, type TestCore } from '../../helpers/core';
import { contentHash } from '../../helpers/db-hash';
import { waitForJob } from '../../helpers/files';
import { analyse, importSheet, seedFixtureReference } from '../../helpers/office';
import { LEDGER_ROWS, ledgerWorkbook } from '../../../fixtures/excel/make-fixtures';

const FIXTURE = path.join(__dirname, '../../../fixtures/excel/vegetation-ledger.libreoffice.xlsx');
const xlsx = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
  await seedFixtureReference(t);
});
afterEach(() => t.close());

const liveCount = async () => (await t.call('vegetation.list', { startRow: 0, endRow: 1 }, t.adminToken)).rowCount;

describe("importing a clerk's sheet (saved by LibreOffice Calc)", () => {
  test('the preview names each bad row and column; nothing is written while any row is bad', async () => {
    const before = await contentHash(t, ['audit_log', 'sessions']);
    const { preview, fileId } = await analyse(t, 'vegetation', readFileSync(FIXTURE), 'ledger.xlsx');
    expect(preview.headerRow).toBe(2); // the merged title row above the header is skipped
    expect(preview.rowCount).toBe(12); // trailing rows that only look filled are ignored
    const bad = preview.problems.map((p) => [p.row, p.column, p.message]);
    expect(bad).toEqual([
      [8, '线路', 'import.unknownReference'],
      [9, '计划日期', 'validation.noSuchMonth'],
      [10, '杆号区段', 'vegetation.towerRange.format'],
      [11, '株数', 'validation.too_small'],
      [12, '垂直距离（米）', 'import.number'],
    ]);
    expect(preview.newCount).toBe(7);
    // Dates in three text formats all became the same calendar date.
    expect(preview.sample.slice(0, 3).map((s) => s.plannedDate)).toEqual(['2026-05-03', '2026-05-03', '2026-05-03']);

    const { jobId } = await t.call(
      'excel.commit',
      { sheet: 'vegetation', fileId, mapping: preview.mapping },
      t.adminToken,
    );
    const failed = await waitForJob(t, jobId, t.adminToken);
    expect(failed.status).toBe('failed');
    expect(failed.error?.message).toBe('import.hasProblems');
    expect(await liveCount()).toBe(0);
    // Apart from the audit row of the attempt and the session, the file is as it was.
    expect(await contentHash(t, ['audit_log', 'sessions'])).toBe(before);
  });

  test('after fixing the five rows in the sheet the import commits; importing it again adds nothing', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(FIXTURE);
    const ws = wb.worksheets[0]!;
    ws.getCell('B8').value = '10kV 河口线';
    ws.getCell('J9').value = '2026/7/15';
    ws.getCell('C10').value = '#34–#35';
    ws.getCell('G11').value = 3;
    ws.getCell('H12').value = '5米';
    const fixed = await xlsx(wb);

    const first = await importSheet(t, 'vegetation', fixed);
    expect(first.analysed.preview.problemCount).toBe(0);
    expect(first.committed.status).toBe('done');
    expect(first.committed.result).toMatchObject({ kind: 'excel.commit', outcome: { created: 12, updated: 0 } });
    expect(await liveCount()).toBe(12);

    const again = await importSheet(t, 'vegetation', fixed);
    expect(again.analysed.preview).toMatchObject({ newCount: 0, updateCount: 0, unchangedCount: 12 });
    expect(again.committed.result).toMatchObject({ outcome: { created: 0, updated: 0, unchanged: 12 } });
    expect(await liveCount()).toBe(12);

    // The records read as the sheet said: full-width 2 trees, "3.2m", the Chinese date.
    const rows = (
      await t.call(
        'vegetation.list',
        { startRow: 0, endRow: 50, sortModel: [{ colId: 'id', sort: 'asc' }] },
        t.adminToken,
      )
    ).rows;
    expect(rows[1]).toMatchObject({
      towerRange: '#3–#4',
      treeCount: 2,
      verticalDistance: 1.8,
      action: 'fell',
      plannedDate: '2026-05-03',
      notes: '紧急',
    });
    expect(rows[2]).toMatchObject({
      towerRange: '#5',
      verticalDistance: 3.2,
      plannedDate: '2026-05-03',
      townshipName: '城关镇',
    });
    expect(rows.find((r) => r.towerRange === '#32–#33')!.verticalDistance).toBe(5);
  });
});

describe('what real sheets hold', () => {
  test('Excel date cells and serial numbers, numbers stored as text, full-width characters', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRow(['线路', '杆号区段', '树种', '株数', '垂直距离(m)', '处理方式', '计划日期', '状态', '完成日期']);
    ws.addRow([
      '10kV 城关一线',
      '＃７',
      '杨树',
      '４',
      '２.５',
      '修剪',
      new Date(Date.UTC(2026, 4, 3)),
      '已完成',
      46145,
    ]);
    ws.addRow(['１０kV 城关一线', '#8', '杨树', ' 3 ', '1,2', 'fell', '20260503', '待排期', null]);
    const { preview } = await analyse(t, 'vegetation', await xlsx(wb));
    expect(preview.problems).toEqual([]);
    expect(preview.sample[0]).toMatchObject({
      towerRange: '#7',
      treeCount: '4',
      verticalDistance: '2.5',
      plannedDate: '2026-05-03',
      completedDate: '2026-05-03',
      status: 'done',
    });
    expect(preview.sample[1]).toMatchObject({
      line: '10kV 城关一线',
      verticalDistance: '12',
      action: 'fell',
      plannedDate: '2026-05-03',
    });
  });

  test('CSV in GBK (as WPS saves it) and in UTF-8 with a BOM', async () => {
    const text = '线路,杆号区段,树种,株数,垂直距离(m),处理方式\r\n10kV 河口线,"#1-#2",杨树,2,3,修剪\r\n';
    const { execFileSync } = await import('node:child_process');
    const gbkBytes = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: text });
    for (const bytes of [gbkBytes, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])]) {
      const { preview } = await analyse(t, 'vegetation', bytes, 'ledger.csv');
      expect(preview.problems).toEqual([]);
      expect(preview.sample[0]).toMatchObject({ line: '10kV 河口线', species: '杨树', towerRange: '#1-#2' });
    }
  });

  test('duplicate rows in one sheet: the second names the first', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRow(['线路', '杆号区段', '树种', '株数', '垂直距离(m)', '处理方式']);
    ws.addRow(['10kV 河口线', '#1-#2', '杨树', 2, 3, '修剪']);
    ws.addRow(['10kV 河口线', '#1–#2', '杨树', 5, 3, '修剪']);
    const { preview } = await analyse(t, 'vegetation', await xlsx(wb));
    expect(preview.problems).toEqual([
      expect.objectContaining({ row: 3, column: '线路', message: 'import.duplicateRow', params: { row: 2 } }),
    ]);
  });

  test('re-importing changed values updates the record, keeps the columns the sheet lacks, and audits the old values', async () => {
    await t.call(
      'vegetation.save',
      {
        lineId: 1,
        towerRange: '#1–#2',
        species: '杨树',
        treeCount: 2,
        verticalDistance: 3,
        action: 'trim',
        landowner: '张三',
        notes: '原备注',
      },
      t.adminToken,
    );
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRow(['线路', '杆号区段', '树种', '株数', '垂直距离(m)', '处理方式']);
    ws.addRow(['10kV 城关一线', '#1-#2', '杨树', 9, 0.5, '砍伐']);
    const { analysed, committed } = await importSheet(t, 'vegetation', await xlsx(wb));
    expect(analysed.preview).toMatchObject({ newCount: 0, updateCount: 1 });
    expect(committed.result).toMatchObject({ outcome: { created: 0, updated: 1 } });
    const row = (await t.call('vegetation.list', { startRow: 0, endRow: 5 }, t.adminToken)).rows[0]!;
    expect(row).toMatchObject({
      treeCount: 9,
      action: 'fell',
      landowner: '张三',
      notes: '原备注',
      hazardGrade: 'emergency',
      version: 2,
    });
    const audit = await t.call(
      'audit.list',
      {
        startRow: 0,
        endRow: 20,
        filterModel: { method: { filterType: 'text', type: 'equals', filter: 'excel.commit' } },
      },
      t.adminToken,
    );
    expect(
      audit.rows.some((a) => a.summary === 'updated by import' && JSON.stringify(a.before).includes('"tree_count":2')),
    ).toBe(true);
  });

  test('a record blocked by a dispute cannot be unblocked by a sheet', async () => {
    const rec = await t.call(
      'vegetation.save',
      { lineId: 1, towerRange: '#1', species: '杨树', treeCount: 2, verticalDistance: 3, action: 'trim' },
      t.adminToken,
    );
    await t.call(
      'vegetation.dispute.open',
      {
        recordId: rec.record.id,
        parties: ['landowner'],
        lawExplained: true,
        coordinationLevel: 'village',
        note: '不让砍',
      },
      t.adminToken,
    );
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRow(['线路', '杆号区段', '树种', '株数', '垂直距离(m)', '处理方式', '状态']);
    ws.addRow(['10kV 城关一线', '#1', '杨树', 2, 3, '修剪', '待排期']);
    const { preview } = await analyse(t, 'vegetation', await xlsx(wb));
    expect(preview.problems.map((p) => [p.column, p.message])).toEqual([['状态', 'vegetation.status.disputeOpen']]);
  });
});

describe('files that are not ledgers', () => {
  function zipBomb(): Buffer {
    // One entry of 60 MB of zeros: ~60 KB compressed.
    const data = deflateRawSync(Buffer.alloc(60 * 1024 * 1024));
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(60 * 1024 * 1024, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(60 * 1024 * 1024, 24);
    central.writeUInt16LE(name.length, 28);
    const dirOffset = local.length + name.length + data.length;
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(central.length + name.length, 12);
    end.writeUInt32LE(dirOffset, 16);
    return Buffer.concat([local, name, data, central, name, end]);
  }

  test.each([
    ['a zip bomb', zipBomb(), 'excel.zipBomb'],
    [
      'an old .xls',
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]),
      'excel.oldXls',
    ],
    ['a photo', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), Buffer.alloc(300)]), 'excel.unreadable'],
    ['a broken xlsx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100, 7)]), 'excel.unreadable'],
    ['a text file without a header', Buffer.from('hello\nworld\n'), 'import.noHeader'],
  ])('%s gets a clear message, not a crash', async (_what, bytes, message) => {
    const { state } = await analyse(t, 'vegetation', bytes, 'file.xlsx');
    expect(state.status).toBe('failed');
    expect(state.error?.message).toBe(message);
    // The core still answers.
    expect(await liveCount()).toBe(0);
  });
});

describe('who may import', () => {
  test('a manager may not import records, a clerk may not import lines', async () => {
    const wb = await ledgerWorkbook(LEDGER_ROWS.slice(0, 1));
    const bytes = await xlsx(wb);
    const manager = await t.signIn('manager');
    await expect(analyse(t, 'vegetation', bytes, 'a.xlsx', manager)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const clerk = await t.signIn('clerk');
    await expect(analyse(t, 'lines', bytes, 'a.xlsx', clerk)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await analyse(t, 'vegetation', bytes, 'a.xlsx', clerk)).state.status).toBe('done');
  });

  test('a staged file belongs to the user who uploaded it', async () => {
    const clerk = await t.signIn('clerk');
    const { fileId } = await analyse(t, 'vegetation', await xlsx(await ledgerWorkbook()), 'a.xlsx', clerk);
    await expect(t.call('excel.analyse', { sheet: 'vegetation', fileId }, t.adminToken)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('reference data', () => {
  test('lines with their townships come in by name, and again without duplicates', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRow(['线路名称', '电压等级', '导线类型', '区域类型', '途经乡镇', '投运日期']);
    ws.addRow(['35kV 新建线', '35kV', '裸导线', '农村', '城关镇、河口乡', '2019年7月1日']);
    ws.addRow(['10kV 城关一线', '10', 'insulated', '城区', '城关镇', null]);
    const first = await importSheet(t, 'lines', await xlsx(wb));
    expect(first.analysed.preview).toMatchObject({ newCount: 1, updateCount: 1, problemCount: 0 });
    expect(first.committed.status).toBe('done');
    const lines = (await t.call('lines.list', { startRow: 0, endRow: 10 }, t.adminToken)).rows;
    expect(lines.find((l) => l.name === '35kV 新建线')).toMatchObject({
      voltage: '35',
      townshipNames: '城关镇、河口乡',
      commissionedDate: '2019-07-01',
    });
    expect(lines.find((l) => l.name === '10kV 城关一线')).toMatchObject({ conductor: 'insulated', areaType: 'urban' });
    const again = await analyse(t, 'lines', await xlsx(wb));
    expect(again.preview).toMatchObject({ newCount: 0, updateCount: 0, unchangedCount: 2 });
  });
});
