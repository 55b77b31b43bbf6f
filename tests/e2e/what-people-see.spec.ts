import { expect, test, type Page } from '@playwright/test';
import { ADMIN_PASSWORD, adminToken, api, createRecord, userToken } from './api';
import { login, VegetationPage } from './pages';
import { SEEDED_URL } from '../../playwright.config';

// Issue 26: what a clerk, a planner, a manager and an admin see holds up.
const save = process.env.GRIDDESK_SCREENSHOTS === '1';
const shot = (name: string) => (save ? { path: `docs/screenshots/${name}.png` } : {});
const PASSWORD = 'Seeing2026';

async function signOut(page: Page) {
  await page.getByTestId('user-menu').click();
  await page.getByText('退出登录').click();
  await expect(page.getByTestId('login-form')).toBeVisible();
}

test.use({ viewport: { width: 1366, height: 768 } });

test('a clerk sees the roster but cannot generate or publish it; the API refuses too', async ({ page }) => {
  const clerk = await userToken(SEEDED_URL, 'see-clerk', 'clerk', PASSWORD);
  await login(page, 'see-clerk', PASSWORD, 'roster');
  await expect(page.getByTestId('roster-summary')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('roster-generate')).toHaveCount(0);
  await expect(page.getByTestId('roster-publish')).toHaveCount(0);
  await expect(page.getByTestId('roster-people')).toHaveCount(0);
  const { rows } = await api(SEEDED_URL, 'seasons.list', {}, clerk);
  await expect(api(SEEDED_URL, 'roster.generate', { seasonId: rows[0]!.id }, clerk)).rejects.toThrow(/FORBIDDEN/);
  await expect(api(SEEDED_URL, 'roster.publish', { seasonId: rows[0]!.id }, clerk)).rejects.toThrow(/FORBIDDEN/);
});

test('the planner generates the demo county season: the fairness figures and why some carry more', async ({ page }) => {
  await userToken(SEEDED_URL, 'see-planner', 'planner', PASSWORD);
  await login(page, 'see-planner', PASSWORD, 'roster');
  await page.getByTestId('roster-generate').click();
  const confirm = page.getByRole('dialog').getByRole('button', { name: /确\s*定/ });
  if (await confirm.isVisible().catch(() => false)) await confirm.click();
  await expect(page.getByText(/已排 \d+ 人次/)).toBeVisible({ timeout: 60_000 });
  const fairness = page.getByTestId('roster-fairness');
  await expect(fairness).toContainText(/技能和可值班日相同的人之间：总班次相差 [0-2]，夜班相差 [0-2]/);
  // Where the whole office's totals differ by more than 2, the roster says which skill forces it.
  const [, low, high] = /总班次 (\d+)–(\d+)/.exec((await fairness.textContent()) ?? '')!;
  if (Number(high) - Number(low) > 2)
    await expect(page.getByTestId('roster-scarce').first()).toContainText(/只有 \d+ 人可值班：每人至少 \d+ 个班/);
  await page.screenshot(shot('roster-fairness'));
  // Not yet published: the printout says 草稿 on every page.
  await page.getByTestId('roster-print').click();
  await expect(page.getByTestId('duty-sheet-draft').first()).toContainText('草稿');
});

test('a date typed 2026/12/20 is kept; 2026-02-30 is refused with the import’s message and nothing is saved', async ({
  page,
}) => {
  await login(page, 'admin', ADMIN_PASSWORD);
  const veg = new VegetationPage(page);
  await veg.openNew();
  await veg.fill({ line: '10kV 测试一线', towers: '#31–#32', species: '香樟', vertical: '4', landowner: '日期测试户' });
  const planned = veg.field('plannedDate').locator('input');
  await planned.fill('2026-02-30');
  await planned.press('Tab');
  await veg.save();
  await expect(veg.field('plannedDate')).toContainText('2 月没有 30 日');
  await expect(planned).toHaveValue('2026-02-30');
  await planned.fill('2026/12/20');
  await planned.press('Tab');
  await expect(planned).toHaveValue('2026-12-20');
  await veg.save();
  await expect(veg.form()).toBeHidden();
  const token = await adminToken(SEEDED_URL);
  const found = await api(SEEDED_URL, 'vegetation.list', { startRow: 0, endRow: 5, search: '日期测试户' }, token);
  expect(found.rows.map((r) => r.plannedDate)).toEqual(['2026-12-20']);
});

test('the audit log reads in words, in the person’s name and a 24-hour Chinese time', async ({ page }) => {
  const token = await adminToken(SEEDED_URL);
  await api(
    SEEDED_URL,
    'accounts.saveUser',
    { username: 'see-manager', displayName: '王主任', role: 'manager', active: true, initialPassword: 'Start1234' },
    token,
  ).catch(() => undefined);
  const first = await api(SEEDED_URL, 'accounts.login', { username: 'see-manager', password: 'Start1234' }).catch(
    () => null,
  );
  if (first)
    await api(
      SEEDED_URL,
      'accounts.changePassword',
      { currentPassword: 'Start1234', newPassword: PASSWORD },
      first.token,
    );
  const manager = (await api(SEEDED_URL, 'accounts.login', { username: 'see-manager', password: PASSWORD })).token;
  const clerk = await userToken(SEEDED_URL, 'see-clerk', 'clerk', PASSWORD);
  const { rows: equipment } = await api(SEEDED_URL, 'equipment.list', { startRow: 0, endRow: 1 }, clerk);
  const request = await api(
    SEEDED_URL,
    'upgrades.save',
    {
      equipmentId: equipment[0]!.id,
      problem: '审计测试',
      proposedWork: '更换',
      projectType: 'renovation',
      estimatedCost: 3,
      customersAffected: 10,
    },
    clerk,
  );
  const submitted = await api(SEEDED_URL, 'upgrades.transition', { ids: [request.id], action: 'submit' }, clerk);
  const number = submitted.rows[0]!.requestNo!;
  expect(number).toMatch(/^JG-\d{4}-\d{4}$/);
  await api(SEEDED_URL, 'upgrades.transition', { ids: [request.id], action: 'reject', comment: '请补充照片' }, manager);

  await login(page, 'admin', ADMIN_PASSWORD, 'audit');
  const grid = page.getByTestId('audit-grid');
  const line = grid.getByRole('row').filter({ hasText: `驳回 技改申请 ${number}：已提交 → 已驳回` });
  await expect(line.first()).toBeVisible();
  await expect(line.first()).toContainText('王主任');
  await expect(line.first()).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
  await expect(grid).not.toContainText(/[AP]M/);
  await page.screenshot(shot('audit-words'));

  // The approval sheet names the requester and the people in its history, with the request's number.
  await page.goto(`/#/print/approvalSheet?f=${encodeURIComponent(JSON.stringify({ id: request.id }))}`);
  const sheet = page.getByTestId('print-approval-sheet');
  await expect(sheet).toContainText(`申请编号 ${number}`);
  await expect(sheet).toContainText('王主任');
});

test('a record opened from the header search is not reopened after sign-out and the next sign-in', async ({ page }) => {
  const { record } = await createRecord(SEEDED_URL, '10kV 测试一线', {
    towerRange: '#41–#42',
    species: '香樟',
    treeCount: 1,
    verticalDistance: 5,
    landowner: '抽屉测试户',
    action: 'trim',
  });
  await login(page, 'admin', ADMIN_PASSWORD);
  await page.getByTestId('global-search').click();
  await page.keyboard.type('抽屉测试户');
  await page.getByTestId('search-hit').filter({ hasText: '抽屉测试户' }).first().click();
  const veg = new VegetationPage(page);
  await expect(veg.form()).toBeVisible();
  expect(page.url()).not.toContain(`"open":${record.id}`);
  await page
    .getByRole('button', { name: /取\s*消/ })
    .first()
    .click();
  await expect(veg.form()).toBeHidden();
  await signOut(page);
  await page.getByTestId('login-form').getByLabel('用户名').fill('admin');
  await page.getByTestId('login-form').getByLabel('密码').fill(ADMIN_PASSWORD);
  await page.getByTestId('login-form').getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('user-menu')).toBeVisible();
  await page.waitForTimeout(1000);
  await expect(veg.form()).toHaveCount(0);
});

test('查看全部: the header search opens every hit as a page, each module with the way to its own filtered list', async ({
  page,
}) => {
  await login(page, 'admin', ADMIN_PASSWORD, 'home');
  await page.getByTestId('global-search').click();
  await page.keyboard.type('青白');
  await expect(page.getByTestId('search-hit').first()).toBeVisible();
  await page.getByTestId('search-see-all').click();
  const results = page.getByTestId('search-results');
  await expect(results.getByRole('heading', { name: '搜索“青白”' })).toBeVisible();
  const vegetation = results.getByTestId('search-group-vegetation');
  await expect(vegetation).toContainText('前 100 条'); // more than the header's 8
  expect(await vegetation.getByTestId('search-result').count()).toBe(100);
  await page.screenshot(shot('search-results'));
  await results.getByTestId('search-open-page-vegetation').click();
  await expect(page.getByTestId('veg-search').locator('input')).toHaveValue('青白');
});

test('the forced password change offers sign-out and English; the users page has a visible 编辑', async ({ page }) => {
  const token = await adminToken(SEEDED_URL);
  await api(
    SEEDED_URL,
    'accounts.saveUser',
    { username: 'first-day', displayName: '新来的', role: 'clerk', active: true, initialPassword: 'Start1234' },
    token,
  ).catch(() => undefined);
  await login(page, 'first-day', 'Start1234', 'home');
  await expect(page.getByText('首次登录请修改密码')).toBeVisible();
  await expect(page.getByText('至少 8 位，须同时包含字母和数字')).toHaveCount(1);
  await page.getByTestId('language-switch').click();
  await expect(page.getByText('Please change your initial password')).toBeVisible();
  await page.getByTestId('language-switch').click();
  await page.getByTestId('forced-change-sign-out').click();
  await expect(page.getByTestId('login-form')).toBeVisible();

  await login(page, 'admin', ADMIN_PASSWORD, 'users');
  const row = page.getByRole('row').filter({ hasText: 'first-day' });
  await row.getByTestId('user-edit').click();
  await expect(page.locator('.ant-drawer:visible').getByLabel('姓名')).toHaveValue('新来的');
});

test('抢修月报 opens on the latest month with calls when this month has none, and says so', async ({ page }) => {
  const token = await adminToken(SEEDED_URL);
  const thisMonth = new Date().toISOString().slice(0, 7);
  const now = await api(SEEDED_URL, 'repairs.monthly', { month: thisMonth }, token);
  test.skip(now.areas.some((a) => a.calls > 0) || !now.latestMonthWithCalls, 'this month already has calls');
  await login(page, 'admin', ADMIN_PASSWORD, 'repairReport');
  await expect(page.getByTestId('report-jumped')).toContainText(`已打开最近有记录的月份 ${now.latestMonthWithCalls}`);
  await expect(page.getByTestId('report-month')).toHaveValue(now.latestMonthWithCalls!);
  await expect(page.getByTestId('report-areas').locator('tbody tr').first()).toBeVisible();
  await page.getByTestId('report-month').fill(thisMonth);
  await page.getByTestId('report-month').press('Enter');
  await expect(page.getByTestId('report-empty')).toContainText(`${thisMonth} 没有抢修记录`);
  await page.getByTestId('report-go-latest').click();
  await expect(page.getByTestId('report-month')).toHaveValue(now.latestMonthWithCalls!);
});

test('a date and time typed 2026年8月3日14点05分 is kept; 2026/8/3 25:00 is refused at its field, nothing saved', async ({
  page,
}) => {
  await login(page, 'admin', ADMIN_PASSWORD, 'repairs');
  const list = page.getByTestId('repairs-page');
  await list.getByTestId('list-add').click();
  const form = page.locator('.ant-drawer:visible');
  await form.getByLabel('接报时间').fill('2026/8/3 25:00');
  await form.getByLabel('接报时间').press('Tab');
  await expect(form.getByLabel('接报时间')).toHaveValue('2026/8/3 25:00'); // kept as typed, not dropped
  await form.getByLabel('片区').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  await form.getByLabel('故障情况').fill('时间输入测试');
  await page.keyboard.press('Control+s');
  await expect(form.getByText('日期时间无法识别')).toBeVisible();
  await form.getByLabel('接报时间').fill('2026年8月3日14点05分');
  await form.getByLabel('接报时间').press('Tab');
  await expect(form.getByLabel('接报时间')).toHaveValue('2026-08-03 14:05');
  await page.keyboard.press('Control+s');
  await expect(page.getByText('已保存')).toBeVisible();
  const token = await adminToken(SEEDED_URL);
  const saved = (await api(SEEDED_URL, 'repairs.list', { startRow: 0, endRow: 1, search: '时间输入测试' }, token))
    .rows[0]!;
  expect(saved.receivedAt).toBe('2026-08-03T14:05');
});
