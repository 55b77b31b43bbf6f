import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN_PASSWORD, createRecord } from './api';
import { login, VegetationPage } from './pages';
import { SEEDED_URL } from '../../playwright.config';

const dir = mkdtempSync(path.join(tmpdir(), 'e2e-print-'));
const save = process.env.GRIDDESK_SCREENSHOTS === '1';

/** The page as Chromium prints it (the same engine as Electron's printToPDF), and its text. */
async function printed(page: Page, name: string) {
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, path.join(dir, name)]);
  return { text, firstPage: readFileSync(path.join(dir, `${name}.png`)) };
}

test('a work order for three selected records prints on A4 with page numbers and signature lines', async ({ page }) => {
  for (const [i, who] of ['印单甲', '印单乙', '印单丙'].entries()) {
    await createRecord(SEEDED_URL, '10kV 测试一线', {
      towerRange: `#${301 + i * 2}–#${302 + i * 2}`,
      species: ['杨树', '桉树', '毛竹'][i]!,
      treeCount: 2 + i,
      verticalDistance: 1 + i,
      horizontalDistance: 2.5,
      action: 'trim',
      landowner: who,
      landownerPhone: '13800138000',
      plannedDate: '2026-12-10',
      lateReason: '待停电窗口',
      status: 'scheduled',
    });
  }
  await login(page, 'admin', ADMIN_PASSWORD);
  const veg = new VegetationPage(page);
  await veg.search('印单');
  await expect(page.getByTestId('vegetation-grid').locator('.data-grid-footer')).toHaveText('共 3 条');
  for (const who of ['印单甲', '印单乙', '印单丙']) await veg.rowsWith(who).first().getByRole('checkbox').check();
  await page.getByTestId('veg-print').click();
  await page.getByText('派工单（选中 3 条）').click();
  const doc = page.getByTestId('print-work-order');
  await expect(doc).toBeVisible();
  await expect(doc.getByRole('row')).toHaveCount(4 + 2 + 4); // meta 2 rows, header + 3 records, 4 signature lines
  if (save) await page.screenshot({ path: 'docs/screenshots/print-work-order.png', fullPage: false });

  const { text, firstPage } = await printed(page, 'work-order');
  for (const expected of [
    '树障清理派工单',
    '印单甲',
    '印单乙',
    '印单丙',
    '10kV 测试一线',
    '#301–#302',
    '安全措施',
    '工作负责人（签字）',
    '户主确认（签字）',
  ]) {
    expect(text).toContain(expected);
  }
  expect(text).toMatch(/第\s*1\s*页\s*\/\s*共\s*1\s*页/); // the page number from the @page margin box
  // The first page as rendered, against the committed reference (dates and the order number may differ).
  expect(firstPage).toMatchSnapshot('work-order-page1.png', { maxDiffPixelRatio: 0.01 });
});

test('the hazard list of a line prints its open hazards in tower order, page numbered', async ({ page }) => {
  await login(page, 'admin', ADMIN_PASSWORD);
  await page.getByTestId('filter-line').click();
  await page.keyboard.type('测试一线');
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '10kV 测试一线' })
    .first()
    .click();
  await page.getByTestId('veg-print').click();
  await page.getByText('本线路隐患清单').click();
  const doc = page.getByTestId('print-hazard-list');
  await expect(doc.getByRole('heading', { name: '10kV 测试一线 树障隐患清单' })).toBeVisible();
  const { text } = await printed(page, 'hazard-list');
  expect(text).toContain('10kV 测试一线 树障隐患清单');
  expect(text).toMatch(/第\s*1\s*页\s*\/\s*共\s*\d+\s*页/);
  expect(text).toContain('编制');
});

test('the duty roster prints a week to an A4 landscape page, with names and phones per area', async ({ page }) => {
  const token = await (await import('./api')).adminToken(SEEDED_URL);
  const { api } = await import('./api');
  const season = (await api(SEEDED_URL, 'seasons.list', {}, token)).rows[0]!;
  const view = await api(SEEDED_URL, 'roster.get', { seasonId: season.id }, token);
  const first = view.assignments.find((a) => a.date === season.startDate && a.phone)!;
  await login(page, 'admin', ADMIN_PASSWORD, 'roster');
  await page.getByTestId('roster-print').click();
  await expect(page.getByTestId('print-duty-sheet')).toContainText(first.staffName);
  if (save) await page.screenshot({ path: 'docs/screenshots/duty-sheet.png' });
  const file = path.join(dir, 'duty.pdf');
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  // 92 days from a Monday-less start: 14 weeks, each its own landscape page.
  expect(info).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+ pts/);
  expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(14);
  const text = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', file, '-'], { encoding: 'utf8' });
  expect(text).toContain('抢修值班表');
  expect(text.replace(/\s+/g, '')).toContain(`${first.staffName}${first.phone}`);
});
