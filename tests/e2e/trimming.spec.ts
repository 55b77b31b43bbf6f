import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { InputOf, MethodName, OutputOf } from '../../electron/contract';
import { ADMIN_PASSWORD, api, userToken } from './api';
import { login } from './pages';
import { SEEDED_URL } from '../../playwright.config';

// The planner's month on the demo county: the automatic plan, a drag onto a full day, the
// landowners' notices, an outage window, work done with one span still too close, the month approved.
const save = process.env.GRIDDESK_SCREENSHOTS === '1';
const PASSWORD = 'Plan2026x';
const dir = mkdtempSync(path.join(tmpdir(), 'e2e-trimming-'));

const iso = (d: Date) => d.toISOString().slice(0, 10);
const HOLIDAYS =
  /^(2026-(01-0[1-3]|02-(1[5-9]|2[0-3])|04-0[4-6]|05-0[1-5]|06-(19|2[01])|09-2[5-7]|10-0[1-7])|2027-(01-0[1-3]|02-(0[6-9]|1[0-2])))$/;
/** A Tuesday at least `days` ahead and not a holiday of the demo calendar: beyond the automatic plan's four weeks. */
function tuesdayAfter(days: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  while (d.getUTCDay() !== 2 || HOLIDAYS.test(iso(d))) d.setUTCDate(d.getUTCDate() + 1);
  return iso(d);
}
const plus = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return iso(d);
};

let planner = '';
let admin = '';
const call = <M extends MethodName>(method: M, input: InputOf<M>, token = planner) =>
  api(SEEDED_URL, method, input, token) as Promise<OutputOf<M>>;

test.beforeAll(async () => {
  planner = await userToken(SEEDED_URL, 'e2e-planner', 'planner', PASSWORD);
  admin = (await api(SEEDED_URL, 'accounts.login', { username: 'admin', password: ADMIN_PASSWORD })).token;
});

/** 一般 records (6 m: a deadline a year out) on the test line, with nothing to notify (no landowner) unless given one. */
async function hazards(specs: { towers: string; trees: number; vertical?: number; landowner?: string }[]) {
  const { lines } = await call('reference.options', {});
  const lineId = lines.find((l) => l.name === '10kV 测试一线')!.id;
  const out = [];
  for (const s of specs) {
    out.push(
      (
        await call(
          'vegetation.save',
          {
            lineId,
            towerRange: s.towers,
            species: '杨树',
            treeCount: s.trees,
            verticalDistance: s.vertical ?? 6,
            action: 'trim',
            landowner: s.landowner ?? null,
          },
          admin,
        )
      ).record,
    );
  }
  return out;
}

async function openBoard(page: Page, from?: string) {
  await login(page, 'e2e-planner', PASSWORD, 'home');
  await expect(page.getByTestId('user-menu')).toBeVisible();
  await page.goto(`/#/trimming${from ? `?f=${encodeURIComponent(JSON.stringify({ from }))}` : ''}`);
  await expect(page.getByTestId('plan-board')).toBeVisible({ timeout: 30_000 }); // a busy machine: the first board of a season is the heaviest query
}

async function printedText(page: Page, name: string) {
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

test('the planner auto-plans the next 4 weeks of the demo county and accepts the draft', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openBoard(page);
  await page.getByTestId('auto-plan').click();
  await page.getByTestId('auto-run').click();
  const banner = page.getByTestId('plan-draft-banner');
  await expect(banner).toBeVisible({ timeout: 60_000 });
  await expect(banner).toContainText(/自动编排草稿：\d+ 个作业包/);
  // Nothing written yet: the draft is on the board only.
  const before = (await call('trimming.packages', { startRow: 0, endRow: 1 })).rowCount;
  await page.getByTestId('draft-accept').click();
  await expect(page.getByText(/已采用：新增 \d+ 个作业包/)).toBeVisible();
  const after = (await call('trimming.packages', { startRow: 0, endRow: 1 })).rowCount;
  expect(after).toBeGreaterThan(before + 20);
  await page.getByTestId('plan-next').click();
  await expect(page.getByTestId('plan-package').first()).toBeVisible();
  if (save) await page.screenshot({ path: 'docs/screenshots/trimming-board-week.png' });
  await page.getByTestId('plan-view').getByText('月').click();
  await expect(page.locator('.plan-count').first()).toBeVisible();
  if (save) await page.screenshot({ path: 'docs/screenshots/trimming-board-month.png' });
});

test('dragging a package onto a full day shows the rule; it is saved only as an override whose reason is in the audit log', async ({
  page,
}) => {
  const day = tuesdayAfter(45);
  const { teams } = await call('trimming.teams', {});
  const team = teams.find((t) => t.name === '输电运检班')!;
  // 128 trees × 30 person-minutes fill the team's 8 × 8 hours exactly.
  const [full, small] = await hazards([
    { towers: '#601–#603', trees: team.capacity / 30 },
    { towers: '#640', trees: 2 },
  ]);
  await call('trimming.savePackage', { teamId: team.id, date: day, recordIds: [full!.id] });
  const { package: moving } = await call('trimming.savePackage', {
    teamId: team.id,
    date: plus(day, 1),
    recordIds: [small!.id],
  });

  await openBoard(page, day);
  const chip = page.locator(`[data-testid="plan-package"][data-package="${moving.id}"]`);
  const cell = page.locator(`[data-testid="plan-cell"][data-team="${team.id}"][data-date="${day}"]`);
  await chip.dragTo(cell);
  const violation = page.getByTestId('violation');
  await expect(violation).toContainText(`${day} 超出班组能力：3900 / 3840 人·分钟`);
  await expect(page.getByTestId('override-save')).toBeDisabled();
  await page.getByTestId('override-reason').fill('输电班当天延长作业一小时');
  await page.getByTestId('override-save').click();
  await expect(page.getByText('已安排')).toBeVisible();
  await expect(cell.locator(`[data-package="${moving.id}"]`)).toBeVisible();

  const log = await call(
    'audit.list',
    { startRow: 0, endRow: 20, entity: 'packages', entityId: String(moving.id) },
    admin,
  );
  expect(log.rows.find((r) => r.summary === 'plan rule overridden')).toMatchObject({
    username: 'e2e-planner',
    after: { reason: '输电班当天延长作业一小时' },
  });
});

test('the week’s landowner notices print one letter each, naming the owner and the legal basis', async ({ page }) => {
  const day = tuesdayAfter(52);
  const [a, b] = await hazards([
    { towers: '#611', trees: 3, landowner: '通知甲' },
    { towers: '#612', trees: 2, landowner: '通知乙' },
  ]);
  const { teams } = await call('trimming.teams', {});
  await call('trimming.savePackage', {
    teamId: teams.find((t) => t.name === '输电运检班')!.id,
    date: day,
    recordIds: [a!.id, b!.id],
  });
  await openBoard(page, day);
  await page.getByTestId('print-week-notices').click();
  await expect(page.getByTestId('notice-letter').filter({ hasText: '通知甲' })).toBeVisible();
  if (save) await page.screenshot({ path: 'docs/screenshots/trimming-notice.png' });
  const text = await printedText(page, 'notices');
  for (const expected of ['树障清理通知书', '通知甲', '通知乙', '第十六条', '由树木所有者负担', '送 达 回 执'])
    expect(text).toContain(expected);
  await page.getByRole('button', { name: '返回' }).click();
  await page.getByTestId('print-week-plan').click();
  await expect(page.getByTestId('print-week-plan').first()).toBeVisible();
  if (save) await page.screenshot({ path: 'docs/screenshots/trimming-week-plan.png' });
});

test('the planner requests an outage window and a manager approves it', async ({ page, browser }) => {
  const day = tuesdayAfter(20);
  await login(page, 'e2e-planner', PASSWORD, 'outages');
  await page.getByTestId('outage-new').click();
  const form = page.getByTestId('outage-form');
  await form.getByTestId('field-lineId').locator('.ant-select').click();
  await page.keyboard.type('110kV 测试二线');
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '110kV 测试二线' })
    .first()
    .click();
  await form.getByTestId('field-date').locator('input').fill(day);
  await form.getByTestId('field-date').locator('input').press('Enter');
  await form.getByTestId('field-reason').locator('input').fill('通道树障清理（砍伐）');
  await form.getByTestId('field-customersAffected').locator('input').fill('860');
  await form.getByTestId('form-save').click();
  await expect(page.getByTestId('outage-status')).toHaveText('申请');

  const managerToken = await userToken(SEEDED_URL, 'e2e-manager', 'manager', PASSWORD);
  expect(managerToken).toBeTruthy();
  const desk = await (await browser.newContext()).newPage();
  await login(desk, 'e2e-manager', PASSWORD, 'outages');
  await desk
    .getByTestId('outages-grid')
    .getByRole('row')
    .filter({ hasText: '通道树障清理（砍伐）' })
    .first()
    .dblclick();
  await desk.getByTestId('outage-approve').click();
  await expect(desk.getByTestId('outage-status')).toHaveText('已批准');
});

test('work done with one span still too close: that record is back to be planned with its grade; the rest is accepted', async ({
  page,
}) => {
  const day = tuesdayAfter(59);
  const [ok, close] = await hazards([
    { towers: '#621', trees: 2 },
    { towers: '#622', trees: 2 },
  ]);
  const { teams } = await call('trimming.teams', {});
  const { package: p } = await call('trimming.savePackage', {
    teamId: teams.find((t) => t.name === '输电运检班')!.id,
    date: day,
    recordIds: [ok!.id, close!.id],
  });
  await openBoard(page, day);
  await page.locator(`[data-testid="plan-package"][data-package="${p.id}"]`).click();
  const drawer = page.getByTestId('package-drawer');
  await drawer.getByTestId('record-done').click();
  await page.getByLabel('处理后距离(m) #621').fill('5');
  await page.getByLabel('处理后距离(m) #622').fill('2.5');
  await page.getByTestId('done-save').click();
  await expect(page.getByText('1 处处理后距离仍不足，已退回待安排（按新等级）')).toBeVisible();
  expect(await call('vegetation.get', { id: close!.id })).toMatchObject({
    status: 'unscheduled',
    hazardGrade: 'major',
    verticalDistance: 2.5,
  });
  expect(await call('vegetation.get', { id: ok!.id })).toMatchObject({ status: 'done', distanceAfter: 5 });
  const backlog = page.getByTestId('plan-backlog');
  await backlog.getByPlaceholder('户主、线路、村').fill('测试一线');
  await backlog.getByPlaceholder('户主、线路、村').press('Enter');
  await expect(backlog.locator(`[data-record="${close!.id}"]`)).toContainText('重大');
});

test('the planner submits the month and a manager approves it, locking version 1', async ({ page, browser }) => {
  const day = tuesdayAfter(66);
  const [r] = await hazards([{ towers: '#631', trees: 2 }]);
  const { teams } = await call('trimming.teams', {});
  await call('trimming.savePackage', {
    teamId: teams.find((t) => t.name === '输电运检班')!.id,
    date: day,
    recordIds: [r!.id],
  });
  await openBoard(page, day);
  await page.getByTestId('month-submit').click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await expect(page.getByTestId('month-status')).toHaveText('已提交，待主管批准');

  await userToken(SEEDED_URL, 'e2e-manager', 'manager', PASSWORD);
  const desk = await (await browser.newContext()).newPage();
  await login(desk, 'e2e-manager', PASSWORD, 'home');
  await expect(desk.getByTestId('user-menu')).toBeVisible();
  await desk.goto(`/#/trimming?f=${encodeURIComponent(JSON.stringify({ from: day }))}`);
  await desk.getByTestId('plan-view').getByText('月').click();
  await desk.getByTestId('month-approve').click();
  await desk
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await expect(desk.getByTestId('month-status')).toHaveText('已批准（第 1 版）');
});
