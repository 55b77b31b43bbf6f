import { expect, test } from '@playwright/test';
import { ADMIN_PASSWORD, adminToken, api } from './api';
import { login } from './pages';
import { SEEDED_URL } from '../../playwright.config';

const save = process.env.GRIDDESK_SCREENSHOTS === '1';

test('a pre-season campaign for the 500-device demo county: set up, then 100 results typed into the grid from the keyboard alone', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const token = await adminToken(SEEDED_URL);
  const all = await api(SEEDED_URL, 'lightningDevices.list', { startRow: 0, endRow: 1 }, token);
  expect(all.rowCount).toBeGreaterThanOrEqual(500);

  await login(page, 'admin', ADMIN_PASSWORD, 'campaign');
  await page.getByTestId('campaign-new').click();
  const deadline = `${new Date().getFullYear() + 1}-04-30`;
  await expect(page.getByRole('dialog').getByLabel('完成期限')).toHaveValue(deadline);
  await page.getByTestId('campaign-create').click();
  const progress = page.getByTestId('campaign-progress');
  await expect(progress).toBeVisible();
  const campaign = (await api(SEEDED_URL, 'campaigns.list', {}, token)).rows[0]!;
  expect(campaign).toMatchObject({ deadline, done: 0 });
  // Every device due by the deadline is in it; one tested this spring that is not due is not.
  expect(campaign.devices).toBeGreaterThan(100);

  // The first reading to type already has the keyboard: type, Enter, next row — 100 times. Every tenth fails.
  const grid = page.getByTestId('campaign-grid');
  await expect(grid.locator('.ag-cell-focus')).toBeVisible();
  for (let i = 0; i < 100; i++) {
    await page.keyboard.type(i % 10 === 9 ? '99' : '3.5');
    await page.keyboard.press('Enter');
  }
  await expect(progress).toContainText('100', { timeout: 20_000 });
  await expect
    .poll(async () => (await api(SEEDED_URL, 'campaigns.get', { id: campaign.id }, token)).done, { timeout: 20_000 })
    .toBe(100);
  const got = await api(SEEDED_URL, 'campaigns.get', { id: campaign.id }, token);
  expect(got.failed).toBe(10);
  expect(got.left).toBe(got.devices - 100);
  const failedRow = got.rows.find((r) => r.verdict === 'fail')!;
  expect(failedRow.groundingOhm).toBe(99);
  expect(failedRow.reasons[0]).toMatch(/接地电阻 99 Ω 超过 ≤\d+ Ω/);
  await expect(grid.locator('.row-failed').first()).toBeVisible();
  if (save) await page.screenshot({ path: 'docs/screenshots/lightning-campaign.png' });
  await page.getByTestId('print-campaign-report').click();
  await expect(page.getByTestId('print-test-report')).toContainText(`已试 100，不合格 10，未试 ${got.devices - 100}`);
  await page.goBack();

  // Each failure opened a rectification.
  const open = await api(SEEDED_URL, 'rectifications.list', { startRow: 0, endRow: 1000, status: 'open' }, token);
  for (const r of got.rows.filter((x) => x.verdict === 'fail'))
    expect(open.rows.map((x) => x.testId)).toContain(r.testId);
});

test('a tower ground of 16 Ω at ρ 300 Ω·m is 不合格 with its limit and a rectification; the device shows red, then a trip after its test makes it due', async ({
  page,
}) => {
  const token = await adminToken(SEEDED_URL);
  const { lines } = await api(SEEDED_URL, 'reference.options', {}, token);
  const device = await api(
    SEEDED_URL,
    'lightningDevices.save',
    { kind: 'grounding', code: 'E2E-JD-16', site: 'tower', lineId: lines[0]!.id, tower: '#16', soilResistivity: 300 },
    token,
  );
  await login(page, 'admin', ADMIN_PASSWORD, 'lightningTests');
  await page.getByTestId('list-add').click();
  const form = page.locator('.ant-drawer:visible');
  await form.getByLabel('设备').click();
  await page.keyboard.type('E2E-JD-16');
  await page.keyboard.press('Enter');
  await form.getByLabel('试验日期').click();
  // Tested yesterday; a trip today is after the test.
  const today = new Date().toISOString().slice(0, 10);
  await page.keyboard.type(new Date(Date.now() - 86_400_000).toISOString().slice(0, 10));
  await page.keyboard.press('Enter');
  await form.getByLabel('试验人').fill('张工');
  await form.getByLabel('接地电阻（Ω）').fill('16');
  await page.keyboard.press('Control+s');
  await expect(page.getByText('已保存')).toBeVisible();
  // Other journeys add tests today: find this one by its device.
  const search = page.getByTestId('lightning-tests-page').getByPlaceholder('搜索', { exact: true });
  await search.fill('E2E-JD-16');
  await search.press('Enter');
  const row = page.getByRole('row').filter({ hasText: 'E2E-JD-16' });
  await expect(row).toContainText('不合格');
  await expect(row).toContainText('≤15 Ω（ρ 100–500 Ω·m）');
  const rect = await api(SEEDED_URL, 'rectifications.list', { startRow: 0, endRow: 5, deviceId: device.id }, token);
  expect(rect.rows).toEqual([expect.objectContaining({ status: 'open' })]);

  await page.goto(`/#/lightningDevices?f=${encodeURIComponent(JSON.stringify({ red: true }))}`);
  const deviceRow = page.getByRole('row').filter({ hasText: 'E2E-JD-16' });
  await expect(deviceRow).toContainText('不合格');
  await deviceRow.getByRole('button', { name: '历次试验' }).click();
  await expect(page.getByTestId('device-history')).toContainText('≤15 Ω（ρ 100–500 Ω·m）');
  await expect(page.getByTestId('history-chart')).toBeVisible();
  if (save) await page.screenshot({ path: 'docs/screenshots/lightning-device-history.png' });
  // The device's test report for the file: the reading, the limit and the standard it was judged by.
  await page.getByTestId('print-device-report').click();
  const report = page.getByTestId('print-test-report');
  await expect(report).toContainText('防雷设施试验报告（E2E-JD-16）');
  await expect(report).toContainText('接地电阻 16（≤15 Ω（ρ 100–500 Ω·m））');
  await expect(report).toContainText('GB 50169-2016');
  await expect(report).toContainText('不合格');
  if (save) await page.screenshot({ path: 'docs/screenshots/lightning-test-report.png' });

  await api(
    SEEDED_URL,
    'trips.save',
    { lineId: lines[0]!.id, occurredAt: `${today}T00:10`, towers: '#16', reclosed: true, deviceIds: [] },
    token,
  );
  await page.goto('/#/trips');
  await expect(page.getByTestId('trips-by-line')).toContainText(lines[0]!.name);
  if (save) await page.screenshot({ path: 'docs/screenshots/lightning-trips.png' });
  const after = (await api(SEEDED_URL, 'lightningDevices.list', { startRow: 0, endRow: 5, search: 'E2E-JD-16' }, token))
    .rows[0]!;
  expect(after).toMatchObject({ dueReason: 'trip', red: true });
});

test('the five lightning pages open in Chinese and in English without an error', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await login(page, 'admin', ADMIN_PASSWORD, 'lightningDevices');
  const pages: [string, string, string][] = [
    ['lightningDevices', '防雷设施', 'Lightning devices'],
    ['lightningTests', '试验记录', 'Test records'],
    ['campaign', '雷雨季前试验', 'Pre-season tests'],
    ['rectifications', '整改', 'Rectifications'],
    ['trips', '雷击跳闸', 'Lightning trips'],
  ];
  for (const [route, zh] of pages) {
    await page.goto(`/#/${route}`);
    await expect(page.getByRole('heading', { name: zh, exact: true })).toBeVisible();
    if (save) await page.screenshot({ path: `docs/screenshots/page-${zh}.png` });
  }
  await page.getByRole('button', { name: 'English' }).click();
  for (const [route, , en] of pages) {
    await page.goto(`/#/${route}`);
    await expect(page.getByRole('heading', { name: en, exact: true })).toBeVisible();
    await expect(page.locator('body')).not.toContainText('lightning.');
  }
  await page.getByRole('button', { name: '中文' }).click();
  expect(errors).toEqual([]);
});
