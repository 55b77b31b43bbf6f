import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { Role } from '../../electron/contract';
import { api, userToken } from './api';
import { login, raiseUpgradeRequest } from './pages';
import { SEEDED_URL } from '../../playwright.config';

const save = process.env.GRIDDESK_SCREENSHOTS === '1';
const PASSWORD = 'Upgrade2026';

/** A user of the given role with a password already changed, ready to sign in. */
const user = (username: string, role: Role) => userToken(SEEDED_URL, username, role, PASSWORD);

/** Closes the drawer with its × (Escape only reaches it when it has the focus), waits until it is gone, signs out. */
async function signOut(page: Page) {
  const close = page.locator('.ant-drawer-open .ant-drawer-close');
  if (await close.count()) await close.click();
  await expect(page.locator('.ant-drawer-open')).toHaveCount(0);
  await page.getByTestId('user-menu').click();
  await page.getByText('退出登录').click();
}

async function rowOf(page: Page, text: string) {
  return page.getByTestId('upgrade-table').getByRole('row').filter({ hasText: text });
}

/** The priorities down the queue, in the order the rows are shown. */
async function prioritiesShown(page: Page): Promise<number[]> {
  return page.getByTestId('upgrade-table').evaluate((grid) =>
    Array.from(grid.querySelectorAll('[row-index]'))
      .map((row) => [
        Number(row.getAttribute('row-index')),
        Number(row.querySelector('[data-testid=priority]')?.textContent),
      ])
      .sort((a, b) => a[0]! - b[0]!)
      .map(([, priority]) => priority!),
  );
}

test('a clerk raises a request with a photo and submits it, and cannot approve it; a manager approves two at once against the budget', async ({
  page,
}) => {
  const clerk = await user('up-clerk', 'clerk');
  await user('up-manager', 'manager');
  const equipment = (await api(SEEDED_URL, 'equipment.list', { startRow: 0, endRow: 3, search: 'TR-001' }, clerk))
    .rows[0]!;

  await login(page, 'up-clerk', PASSWORD, 'upgrades');
  await raiseUpgradeRequest(page, {
    equipmentCode: equipment.code,
    problem: '配变渗漏油，油位低于下限（端到端测试）',
    work: '更换为 S13-M-200/10 节能配变',
    cost: '18.5',
    customers: '420',
  });
  const detail = page.getByTestId('upgrade-detail');
  await expect(detail).toContainText('草稿');
  await detail.locator('input[type=file]').setInputFiles(path.resolve('docs/screenshots/dashboard.png'));
  await expect(detail.getByTestId('attachment-tile')).toHaveCount(1);
  await detail.getByTestId('action-submit').click();
  await page.getByTestId('upgrade-action-ok').click();
  await expect(detail).toContainText('已提交');
  await expect(detail.getByTestId('action-approve')).toHaveCount(0);
  const mine = (await api(SEEDED_URL, 'upgrades.list', { startRow: 0, endRow: 5, search: '端到端测试' }, clerk))
    .rows[0]!;
  await expect(api(SEEDED_URL, 'upgrades.transition', { ids: [mine.id], action: 'approve' }, clerk)).rejects.toThrow(
    /FORBIDDEN/,
  );

  // The manager's queue: submitted requests, highest priority first, with the score's parts.
  await signOut(page);
  await login(page, 'up-manager', PASSWORD, 'upgrades');
  const table = page.getByTestId('upgrade-table');
  await expect(table).toContainText('端到端测试');
  const shown = await prioritiesShown(page);
  expect(shown.length).toBeGreaterThan(1);
  expect(shown).toEqual([...shown].sort((a, b) => b - a));
  const before = await api(SEEDED_URL, 'budgets.get', { year: new Date().getFullYear() }, clerk);
  const queue = (
    await api(
      SEEDED_URL,
      'upgrades.list',
      { startRow: 0, endRow: 50, statuses: ['submitted'], sortModel: [{ colId: 'priority', sort: 'desc' }] },
      clerk,
    )
  ).rows;
  const two = queue.filter((r) => r.approvalsNeeded === 1 && r.id !== mine.id).slice(0, 2);
  for (const r of two) await (await rowOf(page, r.problem.slice(0, 8))).first().getByRole('checkbox').check();
  if (save) await page.screenshot({ path: 'docs/screenshots/upgrades-queue.png' });
  await page.getByTestId('batch-approve').click();
  await page.getByTestId('upgrade-action-ok').click();
  const adding = two.reduce((n, r) => n + r.estimatedCost, 0);
  if (adding > before.remaining) await page.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('已办理：2 条')).toBeVisible();
  const after = await api(SEEDED_URL, 'budgets.get', { year: new Date().getFullYear() }, clerk);
  expect(Math.round((after.approved - before.approved) * 100) / 100).toBe(Math.round(adding * 100) / 100);
  await expect(page.getByTestId('budget-envelope')).toContainText(after.remaining.toFixed(1));

  // Rejecting without a reason is refused in the form and by the API.
  await page.getByTestId(`open-${mine.id}`).click();
  await page.getByTestId('action-reject').click();
  await page.getByTestId('upgrade-action-ok').click();
  await expect(page.getByTestId('upgrade-action-form')).toContainText('驳回和验收不通过必须写明原因');
  await expect(
    api(
      SEEDED_URL,
      'upgrades.transition',
      { ids: [mine.id], action: 'reject' },
      (await api(SEEDED_URL, 'accounts.login', { username: 'up-manager', password: PASSWORD })).token,
    ),
  ).rejects.toThrow(/reasonRequired/);
  await page
    .getByRole('dialog')
    .getByRole('button', { name: '取 消' })
    .or(page.getByRole('dialog').getByRole('button', { name: '取消' }))
    .first()
    .click();

  // The approval sheet for the file, with the decision trail.
  await page.getByTestId('print-approval').click();
  const sheet = page.getByTestId('print-approval-sheet');
  await expect(sheet).toContainText('技改大修项目审批单');
  await expect(sheet).toContainText('up-clerk');
  await expect(sheet).toContainText('提交 → 已提交');
  if (save) await page.screenshot({ path: 'docs/screenshots/approval-sheet.png' });
});

test('a request over the two-approval amount stays pending after one manager and passes after a second', async ({
  page,
}) => {
  const clerk = await user('up-clerk', 'clerk');
  const manager = await user('up-manager', 'manager');
  await user('up-manager2', 'manager');
  // Room in this year's budget, so the second approval needs no over-budget confirmation.
  const year = new Date().getFullYear();
  const envelope = await api(SEEDED_URL, 'budgets.get', { year }, manager);
  await api(SEEDED_URL, 'budgets.save', { year, budget: envelope.approved + 500 }, manager);
  const equipment = (await api(SEEDED_URL, 'equipment.list', { startRow: 0, endRow: 3, search: 'CA-003' }, clerk))
    .rows[0]!;
  const big = await api(
    SEEDED_URL,
    'upgrades.save',
    {
      equipmentId: equipment.id,
      problem: '电缆主绝缘老化，需整段更换（双签测试）',
      proposedWork: '更换 YJV22-8.7/15-3×300 电缆 1.2 km',
      projectType: 'renovation',
      estimatedCost: 86,
      customersAffected: 2400,
    },
    clerk,
  );
  await api(SEEDED_URL, 'upgrades.transition', { ids: [big.id], action: 'submit' }, clerk);

  for (const [who, shown] of [
    ['up-manager', '已批准 1/2'],
    ['up-manager2', '已批准'],
  ] as const) {
    await login(page, who, PASSWORD, 'upgrades');
    await page.getByTestId(`open-${big.id}`).click();
    const detail = page.getByTestId('upgrade-detail');
    await detail.getByTestId('action-approve').click();
    await page.getByTestId('upgrade-action-ok').click();
    // The first manager's message may still be showing when the second one's comes.
    await expect(page.getByText('已办理：1 条').first()).toBeVisible();
    // After one approval the request still waits in the queue, marked 1 of 2; after the second it is approved.
    await expect(
      who === 'up-manager'
        ? page.getByTestId('upgrade-table').getByRole('row').filter({ hasText: '双签测试' })
        : detail,
    ).toContainText(shown);
    await signOut(page);
  }
  const done = await api(SEEDED_URL, 'upgrades.get', { id: big.id }, clerk);
  expect(done).toMatchObject({ status: 'approved', approvals: ['up-manager', 'up-manager2'] });
});

test('the whole lifecycle in the window: fund, build, accept with a punch list, close only when it is cleared; every step in the history', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const clerk = await user('up-clerk', 'clerk');
  const manager = await user('up-manager', 'manager');
  const year = new Date().getFullYear();
  const envelope = await api(SEEDED_URL, 'budgets.get', { year }, manager);
  await api(SEEDED_URL, 'budgets.save', { year, budget: envelope.approved + 100 }, manager);
  const equipment = (await api(SEEDED_URL, 'equipment.list', { startRow: 0, endRow: 3, search: 'PO-002' }, clerk))
    .rows[0]!;
  const r = await api(
    SEEDED_URL,
    'upgrades.save',
    {
      equipmentId: equipment.id,
      problem: '配变低压桩头过热（全流程测试）',
      proposedWork: '更换低压桩头及引线',
      projectType: 'overhaul',
      estimatedCost: 6,
      customersAffected: 150,
    },
    clerk,
  );
  await api(SEEDED_URL, 'upgrades.transition', { ids: [r.id], action: 'submit' }, clerk);

  /** Takes an action from the record's drawer, filling the dialog's fields first. */
  const act = async (action: string, fill: Record<string, string> = {}) => {
    const detail = page.getByTestId('upgrade-detail');
    if (!(await detail.isVisible())) await page.getByTestId(`open-${r.id}`).click();
    await detail.getByTestId(`action-${action}`).click();
    const dialog = page.getByTestId('upgrade-action-form');
    for (const [label, value] of Object.entries(fill)) await dialog.getByLabel(label).fill(value);
    await page.getByTestId('upgrade-action-ok').click();
    await expect(page.getByText('已办理：1 条').last()).toBeVisible();
    return detail;
  };
  // Each sign-in opens the page on this request (as global search does), whatever the list shows first.
  const as = async (who: string) => {
    await login(page, who, PASSWORD, `upgrades?f=${encodeURIComponent(JSON.stringify({ open: r.id, statuses: [] }))}`);
    await expect(page.getByTestId('upgrade-detail')).toBeVisible();
  };

  await as('up-manager');
  await act('approve', { '意见/原因': '同意' });
  let detail = await act('fund', { 项目编号: `DX-${year}-017`, 资金来源: '大修成本' });
  await expect(detail).toContainText('已立项');
  await expect(detail).toContainText(`DX-${year}-017`);
  await signOut(page);

  await as('up-clerk');
  await act('start');
  detail = await act('finish');
  await expect(detail).toContainText('待验收');
  await signOut(page);

  await as('up-manager');
  detail = await act('accept', { 验收人员: '王主任、李工', 验收发现的问题: '引线相色标识缺失' });
  await expect(detail.getByTestId('punch-items')).toContainText('引线相色标识缺失');
  // Closing with a problem still open is refused and names it.
  await detail.getByTestId('action-close').click();
  await page.getByTestId('upgrade-action-ok').click();
  await expect(page.getByText('还有未销项的验收问题').first()).toBeVisible();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /取\s?消/ })
    .first()
    .click();
  await signOut(page);

  // The work team clears the problem (销项); then the manager can close.
  await as('up-clerk');
  await detail.getByRole('button', { name: '销项' }).click();
  await expect(detail.getByTestId('punch-items')).toContainText('up-clerk');
  await expect(detail.getByTestId('punch-items')).toContainText('已销项');
  await signOut(page);
  await as('up-manager');
  detail = await act('close');
  await expect(detail).toContainText('已关闭');

  // The history: every step, in order, with who took it.
  const steps = await detail
    .getByTestId('upgrade-history')
    .locator('.ant-timeline-item-content, .ant-timeline-item-section, li')
    .allTextContents();
  const text = steps.join('\n');
  const expected = [
    ['up-clerk', '提交 → 已提交'],
    ['up-manager', '批准 → 已批准'],
    ['up-manager', '立项 → 已立项'],
    ['up-clerk', '开工 → 施工中'],
    ['up-clerk', '完工报验 → 待验收'],
    ['up-manager', '验收合格 → 已验收'],
    ['up-manager', '关闭 → 已关闭'],
  ];
  let at = -1;
  for (const [who, step] of expected) {
    const next = text.indexOf(`${who} ${step}`, at + 1);
    expect(next, `${who} ${step} after position ${at}`).toBeGreaterThan(at);
    at = next;
  }
  expect(text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} up-clerk 提交/);
  if (save) await page.screenshot({ path: 'docs/screenshots/upgrade-lifecycle.png' });
  const done = await api(SEEDED_URL, 'upgrades.get', { id: r.id }, clerk);
  expect(done.history.map((h) => h.to)).toEqual([
    'submitted',
    'approved',
    'funded',
    'in_progress',
    'awaiting_acceptance',
    'accepted',
    'closed',
  ]);
});
