import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import ExcelJS from 'exceljs';
import { ApiError, type ImportPreview } from '../../../../electron/contract';
import { OFFICE_LINE } from '../../../fixtures/excel/make-fixtures';
import { contentHash } from '../../helpers/db-hash';
import { openTestCore, type TestCore } from '../../helpers/core';
import { analyse, seedFixtureReference } from '../../helpers/office';
import { downloadFile, waitForJob } from '../../helpers/files';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
  await seedFixtureReference(t); // lines 10kV 城关一线 and 10kV 河口线; townships 城关镇 and 河口乡
});
afterEach(() => t.close());

const xlsx = async (rows: (string | number | null)[][]) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
};

const HEADER = ['线路', '杆塔号', '所属乡镇', '村', '树种', '株数', '垂直距离', '处理方式', '责任班组'];
const LEDGER = [
  HEADER,
  ['10kV 城关一线', '1号-2号', '城关镇', '东关村', '杨树', 3, 2.5, '修剪', null],
  ['10kV 城关一线', '3号', '城关镇', '东关村', '杨树', 2, 2.5, '修剪', null],
  ['10kV 城关一线', '4号', '城关镇', '西关村', '杨树', 2, 2.5, '修剪', '城关抢修班'],
  ['10kV 河口线', '7号-9号', '新华乡', '新华村', '桉树', 4, 1.5, '砍伐', null],
  ['10kV 不存在线', '1号', '城关镇', null, '杨树', 1, 2, '修剪', null],
];

async function commit(
  token: string,
  fileId: string,
  mapping: Record<string, number | null>,
  over: { rows?: 'all' | 'valid'; createReferences?: boolean; problemTexts?: Record<string, string> },
) {
  const { jobId } = await t.call('excel.commit', { sheet: 'vegetation', fileId, mapping, ...over }, token);
  return waitForJob(t, jobId, token);
}

describe('names the reference data lacks', () => {
  test('are listed with the rows that need each; lines only with a link, villages in the township their rows name', async () => {
    const { preview } = await analyse(t, 'vegetation', await xlsx(LEDGER));
    expect(preview.unknownReferences).toEqual(
      expect.arrayContaining([
        { kind: 'village', name: '东关村', township: '城关镇', rows: 2, creatable: true },
        { kind: 'village', name: '西关村', township: '城关镇', rows: 1, creatable: true },
        { kind: 'township', name: '新华乡', township: null, rows: 1, creatable: true },
        { kind: 'village', name: '新华村', township: '新华乡', rows: 1, creatable: true },
        { kind: 'team', name: '城关抢修班', township: null, rows: 1, creatable: true },
        { kind: 'line', name: '10kV 不存在线', township: null, rows: 1, creatable: false },
      ]),
    );
    expect(preview.unknownReferences).toHaveLength(6);
    expect(preview.canCreateReferences).toBe(true);
    // Creating them fixes every problem but the line's; four rows would then be clean.
    expect([preview.problemCount, preview.creatableProblems, preview.rowsFixedByCreating]).toEqual([7, 6, 4]);
  });

  test('are created in the import, in one transaction with the rows; a row still wrong undoes them all', async () => {
    const { fileId, preview } = await analyse(t, 'vegetation', await xlsx(LEDGER));
    const before = await contentHash(t, ['audit_log', 'sessions']);
    const all = await commit(t.adminToken, fileId, preview.mapping, { createReferences: true });
    expect(all.status).toBe('failed');
    expect(all.error?.message).toBe('import.hasProblems');
    expect(await contentHash(t, ['audit_log', 'sessions'])).toBe(before); // no village, no township, no record

    const valid = await commit(t.adminToken, fileId, preview.mapping, { createReferences: true, rows: 'valid' });
    expect(valid.status).toBe('done');
    const outcome = valid.result?.kind === 'excel.commit' ? valid.result.outcome : (undefined as never);
    expect(outcome).toMatchObject({
      created: 4,
      refused: 1,
      createdReferences: { townships: 1, villages: 3, teams: 1 },
    });
    const villages = await t.sql<{ name: string; township: string }>(
      'select v.name, t.name as township from villages v join townships t on t.id = v.township_id order by v.id',
    );
    expect(villages).toEqual([
      { name: '东关村', township: '城关镇' },
      { name: '西关村', township: '城关镇' },
      { name: '新华村', township: '新华乡' },
    ]);
    expect(await t.sql('select name, kind from teams')).toEqual([{ name: '城关抢修班', kind: 'other' }]);
    const rows = (
      await t.call(
        'vegetation.list',
        { startRow: 0, endRow: 10, sortModel: [{ colId: 'towerRange', sort: 'asc' }] },
        t.adminToken,
      )
    ).rows;
    expect(rows.map((r) => [r.towerRange, r.villageName, r.teamName])).toEqual(
      expect.arrayContaining([
        ['#1–#2', '东关村', null],
        ['#4', '西关村', '城关抢修班'],
        ['#7–#9', '新华村', null],
      ]),
    );
    const audit = await t.sql<{ summary: string }>(
      "select summary from audit_log where method = 'excel.commit' and entity = 'villages'",
    );
    expect(audit.map((a) => a.summary)).toEqual(['created by import', 'created by import', 'created by import']);
  });

  test('a clerk (who may not edit reference data) sees them but cannot create them', async () => {
    const clerk = await t.signIn('clerk');
    const { fileId, preview } = await analyse(t, 'vegetation', await xlsx(LEDGER), 'l.xlsx', clerk);
    expect(preview.canCreateReferences).toBe(false);
    const refused = await t
      .call('excel.commit', { sheet: 'vegetation', fileId, mapping: preview.mapping, createReferences: true }, clerk)
      .catch((e: unknown) => e);
    expect((refused as ApiError).code).toBe('FORBIDDEN');
  });
});

describe('importing the rows without problems', () => {
  test('writes them and hands back the others as they were, with each cell’s fault in words', async () => {
    const rows = [
      ['2026 年树障台账'],
      ['线路', '杆塔号', '树种', '株数', '垂直距离', '处理方式', '计划日期'],
      ['10kV 城关一线', '1号', '杨树', 3, 2.5, '修剪', '2026-05-03'],
      ['10kV 城关一线', '2号', '杨树', -1, 2.5, '修剪', null], // bad count
      ['10kV 城关一线', '3号', '杨树', 2, 2.5, '修剪', '2026-02-30'], // no such day
      ['10kV 城关一线', '4号', '杨树', 2, 2.5, '修剪', null],
      ['10kV 不存在线', '12、14、15', '杨树', 2, 2.5, '修剪', null], // unknown line, a list of towers
      ['10kV 河口线', '6号-8号', '柳树', 5, 3, '砍伐', null],
    ];
    const { fileId, preview } = await analyse(t, 'vegetation', await xlsx(rows));
    expect([preview.rowCount, preview.problemRows, preview.newCount]).toEqual([6, 3, 3]);
    expect(preview.problemMessages).toEqual([
      'import.unknownReference',
      'validation.noSuchDay',
      'validation.too_small',
      'vegetation.towerRange.list',
    ]);
    const texts = {
      'import.problem': '问题',
      'import.unknownReference': '找不到“{{value}}”',
      'validation.noSuchDay': '不存在的日期（{{month}} 月没有 {{day}} 日）',
      'validation.too_small': '数值过小（最小 {{minimum}}）',
      'vegetation.towerRange.list': '一条记录是一段连续的杆号',
    };
    const done = await commit(t.adminToken, fileId, preview.mapping, { rows: 'valid', problemTexts: texts });
    const outcome = done.result?.kind === 'excel.commit' ? done.result.outcome : (undefined as never);
    expect(outcome).toMatchObject({ created: 3, refused: 3 });
    expect((await t.call('vegetation.list', { startRow: 0, endRow: 10 }, t.adminToken)).rowCount).toBe(3);

    const file = await downloadFile(t, outcome.refusedFile!.fileId, t.adminToken);
    expect(file.name).toBe('sheet-未导入的行.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const values = (r: number) => (ws.getRow(r).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['线路', '杆塔号', '树种', '株数', '垂直距离', '处理方式', '计划日期', '问题']);
    expect(ws.rowCount).toBe(4);
    expect(values(2)).toEqual(['10kV 城关一线', '2号', '杨树', -1, 2.5, '修剪', undefined, '株数：数值过小（最小 1）']);
    expect(values(3)).toEqual([
      '10kV 城关一线',
      '3号',
      '杨树',
      2,
      2.5,
      '修剪',
      '2026-02-30',
      '计划日期：不存在的日期（2 月没有 30 日）',
    ]);
    expect(values(4)?.[7]).toBe('线路：找不到“10kV 不存在线”；杆塔号：一条记录是一段连续的杆号');
    expect(ws.getRow(2).getCell(4).fill).toMatchObject({ pattern: 'solid' }); // the faulty cell is shaded
    expect((ws.getRow(2).getCell(3).fill as { pattern?: string } | undefined)?.pattern).toBeUndefined(); // the others are not
  });
});

describe('a county office’s own ledger, saved by LibreOffice', () => {
  const fixture = (name: string) => readFileSync(path.join(__dirname, '../../../fixtures/excel', name));

  test('comes in on the first pass: one column mapped by hand, the two new villages created; the next month’s sheet maps itself; a sheet with three bad rows imports the rest', async () => {
    await t.call(
      'lines.save',
      { name: OFFICE_LINE, voltage: '10', conductor: 'bare', areaType: 'rural' },
      t.adminToken,
    );
    const planner = await t.signIn('planner');
    const a = await analyse(t, 'vegetation', fixture('office-ledger-a.libreoffice.xlsx'), 'a.xlsx', planner);
    expect(a.preview.headerRow).toBe(2);
    expect(a.preview.missingColumns).toEqual(['towerRange']); // 隐患点 is the office's own name for it
    const { jobId } = await t.call(
      'excel.analyse',
      { sheet: 'vegetation', fileId: a.fileId, mapping: { ...a.preview.mapping, towerRange: 2 } },
      planner,
    );
    const mapped = ((await waitForJob(t, jobId, planner)).result as { preview: ImportPreview }).preview;
    expect(mapped.unknownReferences.map((r) => [r.kind, r.name, r.rows])).toEqual([
      ['village', '桂花村', 3],
      ['village', '月亮湾村', 3],
    ]);
    expect([mapped.problemCount, mapped.creatableProblems, mapped.rowsFixedByCreating, mapped.newCount]).toEqual([
      6, 6, 6, 2,
    ]);
    const done = await commit(planner, a.fileId, mapped.mapping, { createReferences: true });
    expect(done.result).toMatchObject({ outcome: { created: 8, refused: 0, createdReferences: { villages: 2 } } });
    const towers = (
      await t.call(
        'vegetation.list',
        { startRow: 0, endRow: 20, sortModel: [{ colId: 'towerRange', sort: 'asc' }] },
        planner,
      )
    ).rows.map((r) => r.towerRange);
    expect(towers).toEqual(['#12–#15', '#16', '#17–#18', '#19–#20', '#21–#22', '#23–#25', '#26–#27', '#28–#30']);

    const b = await analyse(t, 'vegetation', fixture('office-ledger-b.libreoffice.xlsx'), 'b.xlsx', planner);
    expect([b.preview.mappingSource, b.preview.problemCount, b.preview.newCount]).toEqual(['remembered', 0, 3]);

    const bad = await analyse(t, 'vegetation', fixture('office-ledger-bad.libreoffice.xlsx'), 'bad.xlsx', planner);
    expect([bad.preview.problemRows, bad.preview.newCount]).toEqual([3, 3]);
    const valid = await commit(planner, bad.fileId, bad.preview.mapping, { rows: 'valid' });
    expect(valid.result).toMatchObject({ outcome: { created: 3, refused: 3 } });
  });
});
