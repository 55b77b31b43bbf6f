import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { SEEDED_URL } from '../../playwright.config';
import { layoutOf } from '../../electron/core/excel/layouts';
import { OFFICE_HEADER, OFFICE_LINE, OFFICE_NEW_VILLAGES } from '../fixtures/excel/make-fixtures';
import { adminToken, api, userToken } from './api';
import { login, pickOption } from './pages';

// A planner brings in the office's own ledger: its header names, towers written 12号-15号, villages
// the register lacks; then next month's sheet of the same layout; then a sheet with three bad rows.
const save = process.env.GRIDDESK_SCREENSHOTS === '1';
const shot = (name: string) => (save ? { path: `docs/screenshots/${name}.png` } : {});
const fixture = (name: string) => path.join(__dirname, '../fixtures/excel', name);
const dir = mkdtempSync(path.join(tmpdir(), 'e2e-ledger-'));
const PASSWORD = 'Plan2026ok';

test.use({ viewport: { width: 1366, height: 768 } });

/** A clean start: the line exists, none of its records, neither new village, no remembered layout (a retry finds the first try's). */
async function cleanSlate() {
  const token = await adminToken(SEEDED_URL);
  const { lines, townships, villages } = await api(SEEDED_URL, 'reference.options', {}, token);
  let line = lines.find((l) => l.name === OFFICE_LINE);
  if (!line) {
    const saved = await api(
      SEEDED_URL,
      'lines.save',
      { name: OFFICE_LINE, voltage: '10', conductor: 'bare', areaType: 'rural' },
      token,
    );
    line = { ...saved, areaType: 'rural' };
  }
  const records = await api(SEEDED_URL, 'vegetation.list', { startRow: 0, endRow: 100, lineId: line.id }, token);
  if (records.rows.length) await api(SEEDED_URL, 'vegetation.delete', { ids: records.rows.map((r) => r.id) }, token);
  const cityId = townships.find((t) => t.name === '城关镇')!.id;
  const made = villages.filter((v) => v.townshipId === cityId && OFFICE_NEW_VILLAGES.includes(v.name)).map((v) => v.id);
  if (made.length) await api(SEEDED_URL, 'villages.delete', { ids: made }, token);
  await api(SEEDED_URL, 'excel.forgetLayout', { sheet: 'vegetation', layout: layoutOf(OFFICE_HEADER) }, token);
}

async function openImport(page: Page, file: string) {
  await page.getByTestId('vegetation-import').click();
  const wizard = page.getByTestId('import-wizard');
  await expect(wizard).toBeVisible();
  await wizard.locator('input[type=file]').setInputFiles(fixture(file));
  await expect(wizard.getByTestId('import-summary')).toBeVisible({ timeout: 30_000 });
  return wizard;
}

async function closeWizard(page: Page) {
  await page
    .getByTestId('import-wizard')
    .getByRole('button', { name: '关闭', exact: true })
    .filter({ hasText: '关闭' })
    .click();
}

test('a planner brings in the office’s own ledger in one pass, the next month’s maps itself, and a sheet with three bad rows imports the rest', async ({
  page,
}) => {
  await cleanSlate();
  await userToken(SEEDED_URL, 'planner-ledger', 'planner', PASSWORD);
  await login(page, 'planner-ledger', PASSWORD);
  await expect(page.getByRole('heading', { name: '树障清理台账' })).toBeVisible();

  // The first sheet: 隐患点 is this office's name for the towers; the wizard asks for it by name.
  let wizard = await openImport(page, 'office-ledger-a.libreoffice.xlsx');
  const missing = wizard.getByTestId('import-missing-towerRange');
  await expect(missing).toContainText('请指定“杆号区段”列');
  await expect(wizard.getByTestId('import-commit')).toBeDisabled();
  await pickOption(page, missing, '隐患点');
  await wizard.getByTestId('import-recheck').click();
  // Rows are checked now: only the two villages the register lacks stand in the way.
  const unknown = wizard.getByTestId('import-unknown');
  await expect(unknown).toContainText('桂花村（城关镇）');
  await expect(unknown).toContainText('月亮湾村（城关镇）');
  await expect(wizard.getByTestId('import-commit')).toBeDisabled();
  await expect(wizard.getByTestId('import-problems-note')).toContainText('有 6 处问题');
  await wizard.getByTestId('import-create-references').check();
  await expect(wizard.getByTestId('import-commit')).toHaveText(/导入 8 行/);
  await expect(wizard.getByTestId('import-problems-note')).toContainText('导入时会一并新建');
  await page.screenshot(shot('import-office-ledger'));
  await wizard.getByTestId('import-commit').click();
  await expect(wizard.getByTestId('import-done')).toContainText('新增 8 条', { timeout: 30_000 });
  await expect(wizard.getByTestId('import-created-references')).toContainText('村 2 个');
  await closeWizard(page);

  // Next month's sheet, same layout: mapped the way it was last time, with no clicks.
  wizard = await openImport(page, 'office-ledger-b.libreoffice.xlsx');
  await expect(wizard.getByTestId('import-remembered')).toBeVisible();
  await expect(wizard.getByTestId('import-problem-count')).toHaveText('0');
  await wizard.getByTestId('import-commit').click();
  await expect(wizard.getByTestId('import-done')).toContainText('新增 3 条', { timeout: 30_000 });
  await closeWizard(page);

  // Three rows are wrong: import the rest, and take the three back in a sheet.
  wizard = await openImport(page, 'office-ledger-bad.libreoffice.xlsx');
  await expect(wizard.getByTestId('import-problem-count')).toHaveText('3');
  await expect(wizard.getByTestId('import-commit')).toBeDisabled();
  await wizard.getByTestId('import-commit-valid').click();
  await page.getByRole('button', { name: '只导入无误的 3 行' }).last().click();
  await expect(wizard.getByTestId('import-done')).toContainText('3 行未导入', { timeout: 30_000 });
  await page.screenshot(shot('import-refused-rows'));
  const downloading = page.waitForEvent('download');
  await wizard.getByTestId('import-refused-download').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('office-ledger-bad.libreoffice-未导入的行.xlsx');
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;
  const row = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
  expect(row(1)).toEqual([...OFFICE_HEADER, '问题']);
  expect(ws.rowCount).toBe(4);
  expect(row(2).slice(2, 3)).toEqual(['52、54、56']);
  expect(String(row(2).at(-1))).toContain('隐患点：一条记录是一段连续的杆号');
  expect(String(row(3).at(-1))).toContain('数量(株)：数值过小');
  expect(String(row(4).at(-1))).toContain('计划时间：不存在的日期（2 月没有 29 日）');
  await closeWizard(page);

  // All fourteen good rows are in the ledger, towers in the one stored form.
  const token = await adminToken(SEEDED_URL);
  const { lines } = await api(SEEDED_URL, 'reference.options', {}, token);
  const lineId = lines.find((l) => l.name === OFFICE_LINE)!.id;
  const records = await api(
    SEEDED_URL,
    'vegetation.list',
    { startRow: 0, endRow: 50, lineId, sortModel: [{ colId: 'towerRange', sort: 'asc' }] },
    token,
  );
  expect(records.rowCount).toBe(14);
  expect(records.rows.slice(0, 3).map((r) => [r.towerRange, r.villageName])).toEqual([
    ['#12–#15', '桂花村'],
    ['#16', '桂花村'],
    ['#17–#18', '月亮湾村'],
  ]);
});
