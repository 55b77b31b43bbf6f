import { expect, test } from '@playwright/test';
import type { Role } from '../../electron/contract';
import { api, userToken } from './api';
import { login } from './pages';
import { SEEDED_URL } from '../../playwright.config';

const PASSWORD = 'Changes2026';

const user = (username: string, role: Role) => userToken(SEEDED_URL, username, role, PASSWORD);

// Two desks on one server: what one saves shows on the other's open screen without reloading.
test('a request raised at the clerk’s desk appears in the manager’s open queue; her approval shows on the clerk’s open list', async ({
  browser,
}) => {
  const clerkApi = await user('ch-clerk', 'clerk');
  const managerApi = await user('ch-manager', 'manager');
  const managerDesk = await (await browser.newContext()).newPage();
  const clerkDesk = await (await browser.newContext()).newPage();
  await login(managerDesk, 'ch-manager', PASSWORD, 'upgrades');
  await login(clerkDesk, 'ch-clerk', PASSWORD, 'upgrades');
  const queue = managerDesk.getByTestId('upgrade-table');
  const clerkList = clerkDesk.getByTestId('upgrade-table');
  await expect(queue).toBeVisible();
  await expect(clerkList).toBeVisible();

  // The clerk's second window (another PC) raises and submits a request.
  const equipment = (await api(SEEDED_URL, 'equipment.list', { startRow: 0, endRow: 1, search: 'TR-001' }, clerkApi))
    .rows[0]!;
  const raised = await api(
    SEEDED_URL,
    'upgrades.save',
    {
      equipmentId: equipment.id,
      problem: '配变声音异常（两台电脑同时在线）',
      proposedWork: '吊芯检查',
      projectType: 'overhaul',
      estimatedCost: 4,
      customersAffected: 80,
    },
    clerkApi,
  );
  await api(SEEDED_URL, 'upgrades.transition', { ids: [raised.id], action: 'submit' }, clerkApi);
  await expect(queue.getByRole('row').filter({ hasText: '两台电脑同时在线' })).toBeVisible({ timeout: 10_000 });
  await expect(clerkList.getByRole('row').filter({ hasText: '两台电脑同时在线' })).toContainText('已提交', {
    timeout: 10_000,
  });

  // The manager approves from her desk's API; the clerk's open list follows.
  await api(SEEDED_URL, 'upgrades.transition', { ids: [raised.id], action: 'approve' }, managerApi);
  await expect(clerkList.getByRole('row').filter({ hasText: '两台电脑同时在线' })).toContainText('已批准', {
    timeout: 10_000,
  });
  await expect(queue.getByRole('row').filter({ hasText: '两台电脑同时在线' })).toHaveCount(0, { timeout: 10_000 });
});

test('a record saved elsewhere shows in an open tree-hazard grid without reloading', async ({ page }) => {
  const clerkApi = await user('ch-clerk2', 'clerk');
  await login(page, 'ch-clerk2', PASSWORD, 'vegetation');
  const grid = page.getByTestId('vegetation-grid');
  await page.getByPlaceholder('搜索户主、电话、线路等').fill('跨窗口户主');
  await page.keyboard.press('Enter');
  await expect(page.getByText('共 0 条')).toBeVisible();
  const line = (await api(SEEDED_URL, 'lines.list', { startRow: 0, endRow: 1 }, clerkApi)).rows[0]!;
  await api(
    SEEDED_URL,
    'vegetation.save',
    {
      lineId: line.id,
      towerRange: '#5',
      species: '杨树',
      treeCount: 2,
      verticalDistance: 1.2,
      action: 'trim',
      landowner: '跨窗口户主',
    },
    clerkApi,
  );
  await expect(grid.getByText('跨窗口户主')).toBeVisible({ timeout: 10_000 });
});
