import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser } from '@playwright/test';
import type { InputOf, MethodName, OutputOf } from '../../electron/contract';
import { createRemoteDispatcher, probeServer } from '../../electron/http/remote';
import { OFFICE_URL } from '../../playwright.config';
import { login, raiseUpgradeRequest, VegetationPage } from './pages';

// Two desks on one office server on PostgreSQL, over HTTPS: what one does shows on the other's open
// screen, and two saves of one record never overwrite each other.
test.skip(!OFFICE_URL, 'no PostgreSQL server on this machine (Debian: apt-get install postgresql)');

const PASSWORD = 'Office2026';
const save = process.env.GRIDDESK_SCREENSHOTS === '1';
let remote: ReturnType<typeof createRemoteDispatcher>;
let adminToken = '';

/** Calls as another desk's desktop app would: through the client pinned to the server's certificate. */
const call = <M extends MethodName>(method: M, input: InputOf<M>, token?: string) =>
  remote.dispatch(method, input, { token }) as Promise<OutputOf<M>>;

async function person(username: string, displayName: string, role: 'clerk' | 'manager') {
  await call(
    'accounts.saveUser',
    { username, displayName, role, active: true, initialPassword: 'Start1234' },
    adminToken,
  );
  const first = await call('accounts.login', { username, password: 'Start1234' });
  await call('accounts.changePassword', { currentPassword: 'Start1234', newPassword: PASSWORD }, first.token);
  return (await call('accounts.login', { username, password: PASSWORD })).token;
}

const desk = async (browser: Browser) =>
  (await browser.newContext({ baseURL: OFFICE_URL, ignoreHTTPSErrors: true })).newPage();

test.beforeAll(async () => {
  remote = createRemoteDispatcher({ url: OFFICE_URL, fingerprint: (await probeServer(OFFICE_URL)).fingerprint });
  // A fresh office server takes its first admin password only with the code it wrote beside its data.
  const setupCode = readFileSync(path.resolve('tests/.tmp/e2e-office/setup-code.txt'), 'utf8').trim();
  adminToken = (await call('accounts.setup', { password: PASSWORD, setupCode })).token;
  await call('demo.load', { vegetationRecords: 300 }, adminToken);
});
test.afterAll(() => remote?.close());

test('a clerk raises a request at her desk; the manager sees it arrive in her open queue, approves it, and the clerk’s list shows it approved', async ({
  browser,
}) => {
  await person('of-clerk', '王芳', 'clerk');
  await person('of-manager', '李主任', 'manager');
  const clerkDesk = await desk(browser);
  const managerDesk = await desk(browser);
  await login(managerDesk, 'of-manager', PASSWORD, 'upgrades');
  await login(clerkDesk, 'of-clerk', PASSWORD, 'upgrades');
  const queue = managerDesk.getByTestId('upgrade-table');
  await expect(queue).toBeVisible();

  await raiseUpgradeRequest(clerkDesk, {
    equipmentCode: 'TR-001',
    problem: '配变高压套管裂纹（办公室服务器）',
    work: '更换高压套管',
    cost: '3.5',
    customers: '120',
  });
  const detail = clerkDesk.getByTestId('upgrade-detail');
  await expect(detail).toContainText('草稿');
  await detail.getByTestId('action-submit').click();
  await clerkDesk.getByTestId('upgrade-action-ok').click();
  await expect(detail).toContainText('已提交');
  await clerkDesk.keyboard.press('Escape');

  // Without reloading, the manager's queue shows it; she approves it from there.
  const arrived = queue.getByRole('row').filter({ hasText: '办公室服务器' });
  await expect(arrived.first()).toBeVisible({ timeout: 10_000 });
  if (save) await managerDesk.screenshot({ path: 'docs/screenshots/office-server-queue.png' });
  const raised = (await call('upgrades.list', { startRow: 0, endRow: 5, search: '办公室服务器' }, adminToken)).rows[0]!;
  await managerDesk.getByTestId(`open-${raised.id}`).click();
  const decision = managerDesk.getByTestId('upgrade-detail');
  await decision.getByTestId('action-approve').click();
  await managerDesk.getByTestId('upgrade-action-ok').click();
  await expect(managerDesk.getByText('已办理：1 条')).toBeVisible();

  await expect(
    clerkDesk.getByTestId('upgrade-table').getByRole('row').filter({ hasText: '办公室服务器' }).first(),
  ).toContainText('已批准', { timeout: 10_000 });
  expect((await call('upgrades.get', { id: raised.id }, adminToken)).status).toBe('approved');
});

test('two desks save the same record: the second is told who changed it and what, and nothing is lost', async ({
  browser,
}) => {
  const line = (await call('lines.list', { startRow: 0, endRow: 1 }, adminToken)).rows[0]!;
  const { record } = await call(
    'vegetation.save',
    {
      lineId: line.id,
      towerRange: '#8',
      species: '桉树',
      treeCount: 3,
      verticalDistance: 5,
      action: 'trim',
      landowner: '两处同改户',
    },
    adminToken,
  );
  await person('of-clerk2', '张伟', 'clerk');
  const first = new VegetationPage(await desk(browser));
  const second = new VegetationPage(await desk(browser));
  for (const [veg, who] of [
    [first, 'of-clerk2'],
    [second, 'admin'],
  ] as const) {
    await login(veg.page, who, PASSWORD, 'vegetation');
    await veg.search('两处同改户');
    await veg.rowsWith('两处同改户').first().dblclick();
    await expect(veg.form()).toBeVisible();
  }
  await first.field('notes').locator('textarea').fill('第一处的修改');
  await first.save();
  await expect(first.form()).toBeHidden();
  await second.fill({ species: '毛竹' });
  await second.save();
  // The message names who saved first, and when (from the audit log).
  await expect(second.page.getByTestId('conflict-alert')).toContainText('已被其他人修改（张伟，');
  await expect(second.page.getByTestId('conflict-alert')).toContainText('备注：第一处的修改');
  if (save) await second.page.screenshot({ path: 'docs/screenshots/office-server-conflict.png' });
  const after = await call('vegetation.get', { id: record.id }, adminToken);
  expect(after).toMatchObject({ species: '桉树', notes: '第一处的修改', version: 2 });
});
