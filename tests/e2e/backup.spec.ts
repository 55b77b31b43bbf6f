import { expect, test } from '@playwright/test';
import { ADMIN_PASSWORD } from './api';
import { login } from './pages';

test('admin backs up now, then restores that backup after a warning and signs in again', async ({ page }) => {
  await login(page, 'admin', ADMIN_PASSWORD);
  await page.getByRole('menuitem', { name: '备份与恢复' }).click();
  await page.getByTestId('backup-now').click();
  const row = page.getByRole('row').filter({ hasText: '-manual.sqlite' }).first();
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: '恢复' }).click();
  await expect(page.getByText('当前数据库会先另存为一份备份')).toBeVisible();
  await page.getByRole('button', { name: '恢复', exact: true }).last().click();
  await expect(page.getByText('恢复前的数据库已另存为')).toBeVisible();
  await page.getByRole('button', { name: /确\s*定|知道了|OK/ }).click();
  await expect(page.getByTestId('login-form')).toBeVisible();
  await login(page, 'admin', ADMIN_PASSWORD);
  await page.getByRole('menuitem', { name: '备份与恢复' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'before-restore.sqlite' })).toHaveCount(1);
});

test('admin tidies the database: the upkeep card shows its size, asks first, and reports the result', async ({
  page,
}) => {
  await login(page, 'admin', ADMIN_PASSWORD);
  await page.getByRole('menuitem', { name: '备份与恢复' }).click();
  const card = page.getByTestId('database-upkeep');
  await expect(card).toContainText('数据库大小');
  await expect(card).toContainText('MB');
  await page.getByTestId('maintain-now').click();
  await expect(page.getByText('更新查询统计并压缩数据库文件')).toBeVisible();
  await page.getByRole('button', { name: '整理数据库' }).last().click();
  await expect(page.getByText(/整理完成：.* → .*，用时/)).toBeVisible({ timeout: 60_000 });
  await expect(card).toContainText('admin');
  if (process.env.GRIDDESK_SCREENSHOTS) await page.screenshot({ path: 'docs/screenshots/database-upkeep.png' });
});
