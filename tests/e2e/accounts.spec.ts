import { expect, test } from '@playwright/test';
import { FRESH_URL } from '../../playwright.config';
import { ADMIN_PASSWORD } from './api';
import { login } from './pages';

test('first run asks for the admin password, then opens the empty ledger', async ({ page }) => {
  await page.goto(FRESH_URL);
  const form = page.getByTestId('setup-form');
  await expect(form).toBeVisible();
  await form.getByLabel('新密码', { exact: true }).fill('short');
  await form.getByLabel('确认新密码').fill('short');
  await form.getByRole('checkbox').uncheck();
  await form.getByRole('button', { name: '设置密码并进入' }).click();
  await expect(form.getByText('密码至少 8 位')).toBeVisible();
  await form.getByLabel('新密码', { exact: true }).fill('Admin2026');
  await form.getByLabel('确认新密码').fill('Admin2026');
  await form.getByRole('button', { name: '设置密码并进入' }).click();
  // The first screen of an empty ledger: nothing late, nothing open.
  await expect(page.getByRole('heading', { name: '首页' })).toBeVisible();
  await expect(page.getByTestId('stat-dashboard.vegetation.overdue')).toContainText('0');
  await page.getByRole('menuitem', { name: /树障清理$/ }).click();
  await expect(page.getByRole('heading', { name: '树障清理台账' })).toBeVisible();
  await expect(page.getByText('还没有树障记录')).toBeVisible();
});

test('a wrong password is refused; the right one signs in; logout returns to the login screen', async ({ page }) => {
  await login(page, 'admin', 'wrong-password');
  await expect(page.getByText('用户名或密码错误')).toBeVisible();
  await login(page, 'admin', ADMIN_PASSWORD);
  await expect(page.getByRole('heading', { name: '树障清理台账' })).toBeVisible();
  await page.getByTestId('user-menu').hover();
  await page.getByText('退出登录').click();
  await expect(page.getByTestId('login-form')).toBeVisible();
});

test('a new clerk must change the initial password, and sees no admin pages', async ({ page }) => {
  await login(page, 'clerk1', 'Start1234');
  const form = page.getByTestId('password-form');
  await expect(page.getByText('首次登录请修改密码')).toBeVisible();
  await form.getByLabel('当前密码').fill('Start1234');
  await form.getByLabel('新密码', { exact: true }).fill('Clerk2026a');
  await form.getByLabel('确认新密码').fill('Clerk2026a');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: '树障清理台账' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: '用户管理' })).toHaveCount(0);
  await expect(page.getByRole('menuitem', { name: '操作日志' })).toHaveCount(0);
});
