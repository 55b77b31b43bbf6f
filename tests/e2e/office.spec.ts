import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN_PASSWORD } from './api';
import { login, VegetationPage } from './pages';

const save = process.env.GRIDDESK_SCREENSHOTS === '1';
const shot = (name: string) => (save ? { path: `docs/screenshots/${name}.png` } : {});
const dir = mkdtempSync(path.join(tmpdir(), 'e2e-office-'));

const HEADER = ['线路', '杆号区段', '户主', '树种', '株数', '垂直距离(m)', '处理方式', '计划日期'];

/** A clerk's sheet: a merged title row, Chinese headers, dates as text in three formats. */
async function writeSheet(name: string, rows: (string | number | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(['测试供电所 树障台账']);
  ws.mergeCells(1, 1, 1, HEADER.length);
  ws.addRow(HEADER);
  rows.forEach((r) => ws.addRow(r));
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

const good = (n: number, date: string): (string | number)[] => [
  '10kV 测试一线',
  `#${700 + n * 2}–#${701 + n * 2}`,
  `导入户${n}`,
  '杨树',
  2,
  2.5,
  '修剪',
  date,
];

async function openImport(page: Page) {
  await page.getByTestId('vegetation-import').click();
  await expect(page.getByTestId('import-wizard')).toBeVisible();
}

async function choose(page: Page, file: string) {
  await page.getByTestId('import-wizard').locator('input[type=file]').setInputFiles(file);
}

test.beforeEach(async ({ page }) => {
  await login(page, 'admin', ADMIN_PASSWORD);
  await expect(page.getByRole('heading', { name: '树障清理台账' })).toBeVisible();
});

test('import: the preview names the bad rows; after fixing them the sheet goes in once', async ({ page }) => {
  const rows = [
    good(1, '2026/5/3'),
    good(2, '2026-05-03'),
    good(3, '2026年5月3日'),
    ['10kV 没有这条线', '#1', '某户', '杨树', 2, 2, '修剪', '2026-05-03'],
    [...good(4, '2026/02/30')],
  ];
  const bad = await writeSheet('bad.xlsx', rows);
  await openImport(page);
  await choose(page, bad);
  const wizard = page.getByTestId('import-wizard');
  await expect(wizard.getByTestId('import-summary')).toBeVisible();
  await expect(wizard.getByTestId('import-problem-count')).toHaveText('2');
  const problems = wizard.getByTestId('import-problems');
  await expect(problems.getByRole('row').filter({ hasText: '6' }).filter({ hasText: '线路' })).toContainText(
    '找不到“10kV 没有这条线”',
  );
  await expect(problems.getByRole('row').filter({ hasText: '计划日期' })).toContainText('2 月没有 30 日');
  await expect(wizard.getByTestId('import-commit')).toBeDisabled();
  await page.screenshot(shot('import-preview'));

  const fixed = await writeSheet('fixed.xlsx', [...rows.slice(0, 3), good(5, '2026-05-04'), good(4, '2026/3/2')]);
  await wizard.getByRole('button', { name: '重新选择文件' }).click();
  await choose(page, fixed);
  await expect(wizard.getByTestId('import-problem-count')).toHaveText('0');
  await wizard.getByTestId('import-commit').click();
  await expect(wizard.getByTestId('import-done')).toContainText('新增 5 条');
  await wizard.getByRole('button', { name: '关闭', exact: true }).filter({ hasText: '关闭' }).click();

  const veg = new VegetationPage(page);
  await veg.search('导入户');
  await expect(page.getByTestId('vegetation-grid').locator('.data-grid-footer')).toHaveText('共 5 条');

  // The same sheet again: everything is unchanged, nothing to write.
  await openImport(page);
  await choose(page, fixed);
  await expect(wizard.getByTestId('import-summary')).toContainText('未变（跳过）5');
  await expect(wizard.getByTestId('import-commit')).toBeDisabled();
});

test('export: the filtered grid downloads as .xlsx with its columns and Chinese headers', async ({ page }) => {
  await page.getByTestId('preset-emergency').click();
  const footer = page.getByTestId('vegetation-grid').locator('.data-grid-footer');
  await expect(footer).toHaveText(/共 \d+ 条/);
  const count = Number((await footer.textContent())!.replace(/\D/g, ''));
  const headers = (await page.getByTestId('vegetation-grid').getByRole('columnheader').allTextContents())
    .map((h) => h.trim())
    .filter(Boolean);
  const downloading = page.waitForEvent('download');
  await page.getByTestId('vegetation-export').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^树障清理台账-.*\.xlsx$/);
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;
  expect((ws.getRow(1).values as string[]).slice(1)).toEqual(headers);
  expect(ws.rowCount - 1).toBe(count);
  expect(new Set((ws.getColumn(3).values as string[]).slice(2))).toEqual(new Set(['紧急']));
});

test('the grid scrolls while a 30,000-row sheet is being imported', async ({ page }) => {
  test.setTimeout(180_000);
  // Planned a month from today: inside every grade's deadline, so no row needs a 延期原因.
  const planned = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const rows = Array.from({ length: 30_000 }, (_, i) => [
    '110kV 测试二线',
    `#${1000 + Math.floor(i / 8)}`,
    `批量户${i}`,
    ['杨树', '柳树', '桉树', '松树', '杉树', '香樟', '泡桐', '毛竹'][i % 8]!,
    1,
    50,
    '修剪',
    planned,
  ]);
  const big = await writeSheet('big.xlsx', rows);
  await openImport(page);
  await choose(page, big);
  const wizard = page.getByTestId('import-wizard');
  await expect(wizard.getByTestId('import-problem-count')).toHaveText('0', { timeout: 120_000 });
  await wizard.getByTestId('import-commit').click();
  await expect(wizard.getByTestId('job-progress')).toBeVisible();
  // While the worker checks and writes, the grid behind the drawer answers: jump to the end and back.
  const viewport = page.getByTestId('vegetation-grid').locator('.ag-body-vertical-scroll-viewport');
  await viewport.evaluate((v) => (v.scrollTop = v.scrollHeight));
  await expect(page.getByTestId('vegetation-grid').getByTestId('grade-tag').first()).toBeVisible();
  await viewport.evaluate((v) => (v.scrollTop = 0));
  await expect(page.getByTestId('vegetation-grid').getByTestId('grade-tag').first()).toBeVisible();
  await expect(wizard.getByTestId('job-progress')).toBeVisible(); // still importing
  await page.screenshot(shot('import-progress'));
  await expect(wizard.getByTestId('import-done')).toContainText('新增 30000 条', { timeout: 120_000 });
  // The grid behind shows the new total at once.
  const footer = page.getByTestId('vegetation-grid').locator('.data-grid-footer');
  await expect
    .poll(async () => Number((await footer.textContent())!.replace(/\D/g, '')))
    .toBeGreaterThanOrEqual(30_000);
});
