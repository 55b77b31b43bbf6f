import { expect, test } from '@playwright/test';
import { ADMIN_PASSWORD } from './api';
import { login } from './pages';

const save = process.env.GRIDDESK_SCREENSHOTS === '1';
const shot = (name: string) => (save ? { path: `docs/screenshots/${name}.png` } : {});
const footerCount = async (text: string | null) => Number((text ?? '').replace(/\D/g, ''));

test.beforeEach(async ({ page }) => {
  await login(page, 'admin', ADMIN_PASSWORD, 'home');
  await expect(page.getByRole('heading', { name: '首页' })).toBeVisible();
});

test('the first screen shows what is late; clicking a number opens the grid with the same count', async ({ page }) => {
  const overdue = page.getByTestId('stat-dashboard.vegetation.overdue');
  await expect(overdue.locator('.ant-statistic-content-value')).not.toHaveText('');
  const shown = await footerCount(await overdue.locator('.ant-statistic-content-value').textContent());
  expect(shown).toBeGreaterThan(0);
  await expect(page.getByTestId('chart-vegetation.byLine').locator('canvas')).toBeVisible();
  await page.screenshot(shot('dashboard'));
  await overdue.click();
  await expect(page.getByRole('heading', { name: '树障清理台账' })).toBeVisible();
  await expect(page.getByTestId('preset-overdue')).toHaveClass(/checked/);
  const footer = page.getByTestId('vegetation-grid').locator('.data-grid-footer');
  await expect.poll(async () => footerCount(await footer.textContent())).toBe(shown);
});

test('a bar opens the grid filtered to its line and grade', async ({ page }) => {
  const chart = page.getByTestId('chart-vegetation.byLine');
  await expect(chart.locator('canvas')).toBeVisible();
  const box = (await chart.boundingBox())!;
  // The first category (the line with most open hazards) is the top bar; its first segment starts at the axis.
  await page.waitForTimeout(600); // the bars animate in
  await chart.click({ position: { x: box.width * 0.5, y: 44 } });
  await expect(page.getByRole('heading', { name: '树障清理台账' })).toBeVisible();
  await expect(page.getByTestId('filter-line')).not.toHaveText('按线路');
  await expect(page.getByTestId('filter-grade').locator('.ant-select-selection-item')).toHaveCount(1);
});

test('the reminders bell counts overdue and due-soon work and opens it', async ({ page }) => {
  const bell = page.getByTestId('reminders-bell');
  await expect(bell.locator('.ant-badge-count')).toBeVisible();
  await bell.click();
  const item = page.locator('.ant-popover').getByText('树障清理：30 天内到期');
  await expect(item).toBeVisible();
  await page.screenshot(shot('reminders'));
  await item.click();
  await expect(page.getByTestId('preset-due30')).toHaveClass(/checked/);
});

test('when the first screen cannot be read it says so, and 重试 brings it', async ({ page }) => {
  await page.goto('/#/vegetation');
  await expect(page.getByRole('heading', { name: '树障清理台账' })).toBeVisible();
  await page.route('**/api/dashboard.panels', (route) =>
    route.fulfill({
      status: 500,
      contentType: 'application/json',
      body: JSON.stringify({ ok: false, error: { code: 'INTERNAL', message: 'errors.internal' } }),
    }),
  );
  await page.getByRole('menuitem', { name: '首页' }).click();
  await expect(page.getByTestId('load-failed')).toContainText('这部分内容没能读出来');
  await expect(page.getByTestId('load-failed')).toContainText('系统内部错误，请联系管理员');
  await expect(page.locator('.ant-message')).toContainText('系统内部错误');
  await page.unroute('**/api/dashboard.panels');
  await page.getByTestId('load-failed').getByRole('button', { name: '重试' }).click();
  await expect(page.getByTestId('load-failed')).toHaveCount(0);
  await expect(page.getByTestId('stat-dashboard.vegetation.overdue')).toBeVisible();
});
