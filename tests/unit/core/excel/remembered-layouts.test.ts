import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import ExcelJS from 'exceljs';
import type { ColumnMapping, ImportPreview } from '../../../../electron/contract';
import { openTestCore, type TestCore } from '../../helpers/core';
import { analyse, seedFixtureReference } from '../../helpers/office';
import { waitForJob } from '../../helpers/files';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
  await seedFixtureReference(t);
});
afterEach(() => t.close());

const xlsx = async (rows: (string | number | null)[][]) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
};

// The office's own layout: the towers are under 位置 and the township under 片区, which no list knows.
const HEADER = ['线路', '位置', '片区', '树种', '株数', '垂直距离', '处理方式'];

async function commit(token: string, fileId: string, mapping: ColumnMapping) {
  const { jobId } = await t.call('excel.commit', { sheet: 'vegetation', fileId, mapping }, token);
  return waitForJob(t, jobId, token);
}

async function reanalyse(token: string, fileId: string, mapping: ColumnMapping): Promise<ImportPreview> {
  const { jobId } = await t.call('excel.analyse', { sheet: 'vegetation', fileId, mapping }, token);
  const s = await waitForJob(t, jobId, token);
  return s.result?.kind === 'excel.analyse' ? s.result.preview : (undefined as never);
}

describe('a mapping made by hand is remembered for the layout', () => {
  test('the next file of the same layout is mapped the same way for anyone in the office, until it is forgotten', async () => {
    const clerk = await t.signIn('clerk');
    const first = await analyse(
      t,
      'vegetation',
      await xlsx([HEADER, ['10kV 城关一线', '12号-15号', '城关镇', '杨树', 3, 2.5, '修剪']]),
      'a.xlsx',
      clerk,
    );
    expect(first.preview.mappingSource).toBe('found');
    expect(first.preview.missingColumns).toEqual(['towerRange']);
    const chosen = await reanalyse(clerk, first.fileId, { ...first.preview.mapping, towerRange: 1, township: 2 });
    expect(chosen.problemCount).toBe(0);
    expect((await commit(clerk, first.fileId, chosen.mapping)).status).toBe('done');

    // Another clerk, another month's file: same headers in another order, other rows.
    const other = await t.signIn('clerk');
    const moved = [HEADER[3]!, HEADER[0]!, HEADER[2]!, HEADER[1]!, HEADER[4]!, HEADER[5]!, HEADER[6]!];
    const second = await analyse(
      t,
      'vegetation',
      await xlsx([['2027 年 1 月树障台账'], moved, ['桉树', '10kV 河口线', '河口乡', '#3', 2, 1.5, '砍伐']]),
      'b.xlsx',
      other,
    );
    expect(second.preview.mappingSource).toBe('remembered');
    expect(second.preview.layoutRemembered).toBe(true);
    expect(second.preview.missingColumns).toEqual([]);
    expect(second.preview.mapping).toMatchObject({ towerRange: 3, township: 2, line: 1, species: 0 });
    expect(second.preview.problemCount).toBe(0);
    expect((await commit(other, second.fileId, second.preview.mapping)).status).toBe('done');
    expect(
      (await t.call('vegetation.list', { startRow: 0, endRow: 10 }, t.adminToken)).rows
        .map((r) => r.townshipName)
        .sort(),
    ).toEqual(['城关镇', '河口乡']);

    // Forgotten: the layout is mapped from its headers again.
    expect(await t.call('excel.forgetLayout', { sheet: 'vegetation', layout: second.preview.layout }, other)).toEqual({
      forgotten: true,
    });
    const third = await analyse(
      t,
      'vegetation',
      await xlsx([HEADER, ['10kV 城关一线', '#20', '城关镇', '杨树', 1, 2, '修剪']]),
      'c.xlsx',
      other,
    );
    expect(third.preview.mappingSource).toBe('found');
    expect(third.preview.missingColumns).toEqual(['towerRange']);
  });

  test('a layout whose headers map it anyway is not remembered', async () => {
    const good = ['线路', '杆塔号', '树种', '株数', '垂直距离', '处理方式'];
    const a = await analyse(t, 'vegetation', await xlsx([good, ['10kV 城关一线', '#1', '杨树', 3, 2.5, '修剪']]));
    expect((await commit(t.adminToken, a.fileId, a.preview.mapping)).status).toBe('done');
    expect((await t.sql('select * from import_layouts')).length).toBe(0);
  });
});
