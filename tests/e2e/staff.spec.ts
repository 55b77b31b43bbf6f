import { expect, test } from '@playwright/test';
import { ADMIN_PASSWORD, adminToken, api } from './api';
import { login } from './pages';
import { SEEDED_URL } from '../../playwright.config';

const save = process.env.GRIDDESK_SCREENSHOTS === '1';
const shot = (name: string) => (save ? { path: `docs/screenshots/${name}.png` } : {});
const localDate = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

test('the office register: 60 people, filtered by team, with who may go on duty and why', async ({ page }) => {
  await login(page, 'admin', ADMIN_PASSWORD, 'staff');
  const grid = page.getByTestId('staff-page');
  await expect(grid.locator('.data-grid-footer')).toHaveText('共 60 条');
  await page.getByTestId('staff-team').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  await expect(grid.locator('.data-grid-footer')).toHaveText('共 10 条');
  await page.keyboard.press('Escape');
  await expect(grid.getByTestId('eligibility-tag').first()).toBeVisible();
  await page.screenshot(shot('staff'));
});

test('a certificate that expired yesterday shows 已过期 and its holder cannot go on duty, with the reason', async ({
  page,
}) => {
  const token = await adminToken(SEEDED_URL);
  const yesterday = new Date(Date.now() - 24 * 3600 * 1000);
  const issued = new Date(yesterday);
  issued.setFullYear(issued.getFullYear() - 6);
  const person = await api(SEEDED_URL, 'staff.save', { employeeNo: 'E2E01', name: '过期测试员', skills: [] }, token);
  await api(
    SEEDED_URL,
    'certificates.save',
    {
      staffId: person.id,
      kind: 'lv_electrician',
      number: 'EXP-001',
      issueDate: localDate(issued),
      expiryDate: localDate(yesterday),
      lastReviewDate: localDate(new Date(Date.now() - 400 * 24 * 3600 * 1000)),
    },
    token,
  );

  await login(page, 'admin', ADMIN_PASSWORD, 'certificates');
  const certs = page.getByTestId('certificates-page');
  await certs.getByPlaceholder('搜索').fill('EXP-001');
  await certs.getByPlaceholder('搜索').press('Enter');
  await expect(certs.getByRole('row').filter({ hasText: 'EXP-001' }).first()).toContainText('已过期');

  await page.getByRole('menuitem', { name: '人员', exact: true }).click();
  const staff = page.getByTestId('staff-page');
  await staff.getByPlaceholder('搜索').fill('过期测试员');
  await staff.getByPlaceholder('搜索').press('Enter');
  const row = staff.getByRole('row').filter({ hasText: '不可值班' });
  await expect(row.first()).toBeVisible();
  await expect(
    staff
      .getByRole('row')
      .filter({ hasText: `证书 EXP-001 已于 ${localDate(yesterday)} 过期` })
      .first(),
  ).toBeVisible();
});

test('a training session with twelve attendees entered from the keyboard; their hours go up', async ({ page }) => {
  const token = await adminToken(SEEDED_URL);
  const before = await api(
    SEEDED_URL,
    'staff.list',
    { startRow: 0, endRow: 12, sortModel: [{ colId: 'employeeNo', sort: 'asc' }] },
    token,
  );
  await login(page, 'admin', ADMIN_PASSWORD, 'training');
  await page.getByTestId('training-page').getByTestId('list-add').click();
  const form = page.locator('.ant-drawer:visible');
  await form.getByLabel('课程').fill('配电电缆故障处理培训');
  await form.getByLabel('日期').fill(localDate(new Date()));
  await form.getByLabel('日期').press('Enter');
  await form.getByLabel('学时').fill('6');
  const attendees = form.getByLabel('参加人员');
  await attendees.click();
  for (const p of before.rows) {
    await page.keyboard.type(p.employeeNo);
    await page.keyboard.press('Enter');
  }
  await page.keyboard.press('Escape');
  // Each attendee gets a score box; Tab walks from one to the next.
  const first = before.rows[0]!;
  await form.getByLabel(`成绩：${first.employeeNo} ${first.name}`).fill('92');
  await page.keyboard.press('Tab');
  await page.keyboard.type('58');
  await page.screenshot({ path: 'test-results/training-scores.png' });
  await page.keyboard.press('Control+s');
  await expect(page.getByText('已保存')).toBeVisible();
  const after = await api(
    SEEDED_URL,
    'staff.list',
    { startRow: 0, endRow: 12, sortModel: [{ colId: 'employeeNo', sort: 'asc' }] },
    token,
  );
  expect(
    after.rows.map((r) => r.trainingHoursThisYear - before.rows.find((b) => b.id === r.id)!.trainingHoursThisYear),
  ).toEqual(Array(12).fill(6));
  const session = (
    await api(SEEDED_URL, 'training.list', { startRow: 0, endRow: 5, search: '配电电缆故障处理培训' }, token)
  ).rows[0]!;
  expect(session.attendees.filter((a) => a.score !== null).map((a) => [a.staffId, a.score])).toEqual([
    [before.rows[0]!.id, 92],
    [before.rows[1]!.id, 58],
  ]);
});

test('the skill matrix of the 60-person office renders and filters by team', async ({ page }) => {
  await login(page, 'admin', ADMIN_PASSWORD, 'skills');
  const matrix = page.getByTestId('skill-matrix');
  await expect(matrix.getByRole('columnheader', { name: '电缆' })).toBeVisible();
  const footer = matrix.locator('.data-grid-footer');
  await expect(footer).toHaveText(/共 \d+ 条/);
  const all = Number((await footer.textContent())!.replace(/\D/g, ''));
  expect(all).toBeGreaterThan(45); // the people on duty out of 60
  await page.getByTestId('matrix-team').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  await matrix.getByRole('heading', { name: '技能矩阵' }).click();
  await expect.poll(async () => Number((await footer.textContent())!.replace(/\D/g, ''))).toBeLessThanOrEqual(10);
  await expect(matrix.getByRole('row').filter({ hasText: '城关供电所' }).first()).toBeVisible();
  await page.screenshot(shot('skill-matrix'));
});
