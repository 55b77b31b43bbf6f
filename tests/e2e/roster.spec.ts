import { expect, test } from '@playwright/test';
import type { MonthlyReport } from '../../electron/contract';
import { ADMIN_PASSWORD, adminToken, api } from './api';
import { login } from './pages';
import { SEEDED_URL } from '../../playwright.config';

const save = process.env.GRIDDESK_SCREENSHOTS === '1';
const shot = (name: string) => (save ? { path: `docs/screenshots/${name}.png` } : {});

test('dragging a person onto a second crew the same night shows the conflict; saving needs an override reason', async ({
  page,
}) => {
  const token = await adminToken(SEEDED_URL);
  const season = (await api(SEEDED_URL, 'seasons.list', {}, token)).rows[0]!;
  const before = await api(SEEDED_URL, 'roster.get', { seasonId: season.id }, token);
  const [town, village] = before.areas;
  const night = before.assignments.find(
    (a) => a.date === season.startDate && a.shift === 'night' && a.areaId === town!.id,
  )!;

  await login(page, 'admin', ADMIN_PASSWORD, 'roster');
  await expect(page.getByTestId('roster-summary')).toContainText('夜班');
  await page.screenshot(shot('roster'));
  const target = page.getByTestId(`crew-${season.startDate}-night-${village!.id}-1`);
  await page.getByTestId(`person-${night.staffId}`).dragTo(target);

  const dialog = page.getByRole('dialog').filter({ has: page.getByTestId('roster-conflict') });
  await expect(dialog).toContainText(`${night.staffName} 同一时间排了两个班`);
  await expect(dialog.getByTestId('override-save')).toBeDisabled();
  await page.screenshot(shot('roster-conflict'));
  await dialog.getByLabel('例外原因').fill('城区队伍支援农村线路抢修');
  await dialog.getByTestId('override-save').click();
  await expect(page.getByText('已保存')).toBeVisible();

  const after = await api(SEEDED_URL, 'roster.get', { seasonId: season.id }, token);
  const added = after.assignments.find(
    (a) =>
      a.areaId === village!.id && a.date === season.startDate && a.shift === 'night' && a.staffId === night.staffId,
  )!;
  expect(added.overrideReason).toBe('城区队伍支援农村线路抢修');
  expect(after.violations).toContainEqual(expect.objectContaining({ rule: 'doubleBooked', staffId: night.staffId }));
  // The new member is shown in red, with the rule it breaks.
  await expect(target.getByTestId(`member-${added.id}`)).toHaveClass(/ant-tag-red/);
});

test('the repair log: a 城区 call 35 minutes to arrive is late, and the month report counts it', async ({ page }) => {
  const token = await adminToken(SEEDED_URL);
  const town = (await api(SEEDED_URL, 'repairAreas.list', {}, token)).rows.find((a) => a.name === '城区')!;
  const before = await api(SEEDED_URL, 'repairs.monthly', { month: '2026-08' }, token);
  await login(page, 'admin', ADMIN_PASSWORD, 'repairs');
  const list = page.getByTestId('repairs-page');
  await list.getByTestId('list-add').click();
  const form = page.locator('.ant-drawer:visible');
  await form.getByLabel('接报时间').fill('2026-08-03 14:00');
  await form.getByLabel('接报时间').press('Enter');
  await form.getByLabel('片区').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '城区' }).click();
  await form.getByLabel('故障情况').fill('10kV 城关线 #23 杆跌落式熔断器熔断');
  await form.getByLabel('到达现场').fill('2026-08-03 14:35');
  await form.getByLabel('到达现场').press('Enter');
  await form.getByLabel('恢复送电').fill('2026-08-03 16:10');
  await form.getByLabel('恢复送电').press('Enter');
  await form.getByLabel('超时原因').fill('暴雨积水绕行');
  await page.keyboard.press('Control+s');
  await expect(page.getByText('已保存')).toBeVisible();
  await list.getByPlaceholder('搜索').fill('#23 杆');
  await list.getByPlaceholder('搜索').press('Enter');
  await expect(list.getByRole('row').filter({ hasText: '#23 杆' }).first()).toContainText('35 分钟 · 超时');

  await page.getByRole('menuitem', { name: '抢修月报' }).click();
  const report = page.getByTestId('repair-report');
  await report.locator('.ant-picker input').fill('2026-08');
  await report.locator('.ant-picker input').press('Enter');
  await expect(report.getByTestId('report-breaches')).toContainText('暴雨积水绕行');
  const after = await api(SEEDED_URL, 'repairs.monthly', { month: '2026-08' }, token);
  const [b, a] = [before, after].map((r) => r.areas.find((x) => x.areaId === town.id)!) as [
    MonthlyReport['areas'][number],
    MonthlyReport['areas'][number],
  ];
  expect(a.calls - b.calls).toBe(1);
  expect(a.arrivalBreaches - b.arrivalBreaches).toBe(1);
  await page.screenshot(shot('repair-report'));
});

test('a winter season with one 24-hour shift is set up in the form and generated with every hard rule kept', async ({
  page,
}) => {
  await login(page, 'admin', ADMIN_PASSWORD, 'roster');
  await expect(page.getByTestId('roster-summary')).toBeVisible();
  await page.getByRole('button', { name: '新建值班季' }).click();
  const form = page.locator('.ant-drawer:visible');
  await form.getByLabel('名称', { exact: true }).fill('2026 迎峰度冬（24 小时班）');
  await form.getByLabel('开始日期').fill('2026-12-21');
  await form.getByLabel('开始日期').press('Enter');
  await form.getByLabel('结束日期').fill('2026-12-27');
  await form.getByLabel('结束日期').press('Enter');
  await form.getByLabel('班次（每行：名称 开始时间 小时数）').fill('24小时班 08:00 24');
  await form.getByLabel('高峰日（每行一个日期，或“起~止”）').fill('2026-12-24~2026-12-25');
  await page.keyboard.press('Control+s');
  await expect(page.getByText('已保存')).toBeVisible();
  await page.getByTestId('roster-generate').click();
  await expect(page.getByText(/已排 \d+ 人次/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('roster-violations')).toHaveText('全部硬性规则满足');
  await expect(
    page.getByTestId('roster-by-day').getByRole('row').filter({ hasText: '24小时班' }).first(),
  ).toBeVisible();
  const token = await adminToken(SEEDED_URL);
  const season = (await api(SEEDED_URL, 'seasons.list', {}, token)).rows.find(
    (s) => s.name === '2026 迎峰度冬（24 小时班）',
  )!;
  expect(season.shifts).toEqual([{ code: 'day', name: '24小时班', start: '08:00', hours: 24 }]);
  expect(season.peakDays).toEqual(['2026-12-24', '2026-12-25']);
  // 7 days × 3 areas × 2 people, and the extra 城区 crew on the two peak days.
  expect(season.assignmentCount).toBe((7 * 3 + 2) * 2);
});
