import { expect, test } from '@playwright/test';
import { ADMIN_PASSWORD } from './api';
import { login, VegetationPage } from './pages';

// Every main screen opens without an error and in Chinese. With GRIDDESK_SCREENSHOTS=1 the pictures
// are written to docs/screenshots (the README shows vegetation.png).
const save = process.env.GRIDDESK_SCREENSHOTS === '1';
const shot = (name: string) => (save ? { path: `docs/screenshots/${name}.png` } : {});

let pageErrors: string[] = [];

test.beforeEach(async ({ page }) => {
  pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await login(page, 'admin', ADMIN_PASSWORD);
  await expect(page.getByRole('heading', { name: '树障清理台账' })).toBeVisible();
});

test.afterEach(() => {
  expect(pageErrors).toEqual([]);
});

test('vegetation grid filtered to 紧急 and overdue, sorted by planned date (README picture)', async ({ page }) => {
  const veg = new VegetationPage(page);
  await page.getByTestId('filter-grade').click();
  await page.locator('.ant-select-dropdown:visible').getByText('紧急', { exact: true }).click();
  await page.keyboard.press('Escape');
  await page.getByTestId('preset-overdue').click();
  await page.getByRole('columnheader', { name: '计划日期' }).click();
  await expect(veg.grid().locator('.row-overdue').first()).toBeVisible();
  const grades = await veg.grid().getByTestId('grade-tag').allTextContents();
  expect(new Set(grades)).toEqual(new Set(['紧急']));
  await page.screenshot(shot('vegetation'));
});

test('record form with the live judgement', async ({ page }) => {
  const veg = new VegetationPage(page);
  await veg.openNew();
  await veg.fill({ line: '110kV 测试二线', towers: '#5–#6', species: '杨树', vertical: '5.0' });
  await expect(page.getByTestId('judge-preview')).toContainText('重大');
  await expect(page.getByTestId('judge-preview')).toContainText('最小允许 4 m');
  await page.screenshot(shot('vegetation-form'));
});

test('reference, recycle bin, audit, users and settings pages open', async ({ page }) => {
  for (const [menu, text] of [
    ['线路', '10kV 测试一线'],
    ['回收站', '记录'],
    ['操作日志', '登录'],
    ['用户管理', 'clerk1'],
    ['规则阈值', '《电力设施保护条例实施细则》第十六条'],
    ['备份与恢复', '立即备份'],
  ] as const) {
    // The name ends with the label (an icon's name may come first); 线路 alone, not 线路档案 or 线路风险排序.
    await page.getByRole('menuitem', { name: new RegExp(`(^|\\s)${menu}$`) }).click();
    await expect(page.getByText(text).first()).toBeVisible();
    await page.screenshot(shot(`page-${menu}`));
  }
});

test('English is available', async ({ page }) => {
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Tree clearance ledger' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Line' })).toBeVisible();
  await page.screenshot(shot('english'));
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { name: '树障清理台账' })).toBeVisible();
});
