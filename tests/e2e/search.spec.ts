import { expect, test } from '@playwright/test';
import { ADMIN_PASSWORD, adminToken, api, createRecord } from './api';
import { login } from './pages';
import { SEEDED_URL } from '../../playwright.config';

const save = process.env.GRIDDESK_SCREENSHOTS === '1';
const shot = (name: string) => (save ? { path: `docs/screenshots/${name}.png` } : {});

test("Ctrl+K, a fragment of a landowner's name, Enter: the record opens in its form", async ({ page }) => {
  await createRecord(SEEDED_URL, '10kV 测试一线', {
    towerRange: '#88',
    species: '香樟',
    treeCount: 3,
    verticalDistance: 2.2,
    action: 'trim',
    landowner: '司马相如',
  });
  await login(page, 'admin', ADMIN_PASSWORD, 'home');
  await expect(page.getByRole('heading', { name: '首页' })).toBeVisible();
  await page.keyboard.press('Control+k');
  await expect(page.getByTestId('global-search')).toBeFocused();
  await page.keyboard.type('马相');
  const hit = page.getByTestId('search-hit').filter({ hasText: '司马相如' });
  await expect(hit).toBeVisible();
  await expect(hit).toContainText('10kV 测试一线 #88');
  await page.screenshot(shot('search'));
  await hit.click();
  const form = page.getByTestId('vegetation-form');
  await expect(form).toBeVisible();
  await expect(form.getByTestId('field-landowner').locator('input')).toHaveValue('司马相如');
});

test('an equipment code and an upgrade request are found from the header: the request opens in its drawer, the equipment in its register', async ({
  page,
}) => {
  const token = await adminToken(SEEDED_URL);
  const gearRow = (await api(SEEDED_URL, 'equipment.list', { startRow: 0, endRow: 1, search: 'PO-002' }, token))
    .rows[0]!;
  await api(
    SEEDED_URL,
    'upgrades.save',
    {
      equipmentId: gearRow.id,
      problem: '跌落式熔断器瓷件破损（搜索测试）',
      proposedWork: '更换熔断器',
      projectType: 'overhaul',
      estimatedCost: 1.2,
      customersAffected: 60,
    },
    token,
  );
  await login(page, 'admin', ADMIN_PASSWORD, 'home');
  await expect(page.getByRole('heading', { name: '首页' })).toBeVisible();
  await page.keyboard.press('Control+k');
  await expect(page.getByTestId('global-search')).toBeFocused();
  await page.keyboard.type('PO-002');
  const gear = page.getByTestId('search-hit').filter({ hasText: 'PO-002' });
  await expect(gear).toBeVisible();
  await gear.click();
  await expect(page).toHaveURL(/#\/equipment/);
  await expect(page.getByRole('gridcell', { name: '220kV 南岭六线 柱上开关2' })).toBeVisible();
  await expect(page.getByText('共 1 条')).toBeVisible();

  await page.keyboard.press('Control+k');
  await page.getByTestId('global-search').fill('跌落式熔断器');
  const hit = page.getByTestId('search-hit').filter({ hasText: '柱上开关2 · 跌落式熔断器' });
  await expect(hit).toBeVisible();
  await hit.click();
  await expect(page.getByTestId('upgrade-detail')).toBeVisible();
  await expect(page.locator('.ant-drawer-title')).toContainText('柱上开关2');
});
