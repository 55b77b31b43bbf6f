import { expect, test, type Page } from '@playwright/test';
import { FIRST_SCREEN_TEST_IDS } from '../../electron/contract/desktop-bridge';
import { ADMIN_PASSWORD } from './api';
import { login } from './pages';
import { standInBridge } from './stand-in-bridge';

// The desktop window's own screens, with a stand-in for the preload's bridge (as connection.spec.ts):
// calls go to the seeded server's HTTP API as main would pass them to the core; the start screen's
// phases and the updater's events are pushed by the test as main would push them. What main itself
// does (the sequence, the updater's decisions) is tested in tests/unit/electron.
const save = process.env.GRIDDESK_SCREENSHOTS === '1';

interface Recorded {
  startup: unknown;
  updates: unknown;
  calls: string[];
}

async function desktopWindow(page: Page, first: Recorded) {
  await standInBridge(page);
  await page.addInitScript((initial: Recorded) => {
    const w = window as unknown as Record<string, unknown>;
    const listeners: Record<string, ((v: unknown) => void)[]> = { startup: [], updates: [] };
    const calls: string[] = [];
    // As main: the latest state is what a screen that asks later gets, and every listener is told.
    const latest = initial as unknown as Record<string, unknown>;
    w.__push = (kind: string, value: unknown) => {
      latest[kind] = value;
      listeners[kind]!.forEach((l) => l(value));
    };
    w.__calls = calls;
    const on = (kind: string) => (l: (v: unknown) => void) => {
      listeners[kind]!.push(l);
      return () => (listeners[kind] = listeners[kind]!.filter((x) => x !== l));
    };
    Object.assign(w.griddesk as object, {
      connection: {
        get: async () => ({
          current: { mode: 'client', server: 'https://192.168.1.20:5781', fingerprint: 'AB' },
          chosen: true,
        }),
        probe: async () => ({ ok: false, message: '' }),
        choose: async () => ({ ok: false }),
      },
      startup: {
        get: async () => latest.startup,
        onChange: on('startup'),
        openDataFolder: async () => void calls.push('openDataFolder'),
        quit: async () => void calls.push('quit'),
      },
      updates: {
        get: async () => ({ state: latest.updates, source: { kind: 'never' }, managedByServer: true }),
        onChange: on('updates'),
        setSource: async () => ({ ok: true }),
        checkNow: async () => void calls.push('checkNow'),
        restartNow: async () => void calls.push('restartNow'),
      },
    });
  }, first);
}
const push = (page: Page, kind: 'startup' | 'updates', value: unknown) =>
  page.evaluate(([k, v]) => (window as unknown as { __push(k: unknown, v: unknown): void }).__push(k, v), [
    kind,
    value,
  ] as const);
const calls = (page: Page) => page.evaluate(() => (window as unknown as { __calls: string[] }).__calls);

test.use({ viewport: { width: 1366, height: 768 } });

test('the window opens before the ledgers: the start screen shows the backup, then the upgrade, then the sign-in', async ({
  page,
}) => {
  await desktopWindow(page, { startup: { phase: 'backup' }, updates: { phase: 'off' }, calls: [] });
  await page.goto('/');
  const screen = page.getByTestId(FIRST_SCREEN_TEST_IDS.startup);
  await expect(screen).toContainText('GridDesk 正在启动');
  await expect(page.getByTestId('startup-phase')).toHaveText('正在备份数据库（今日首次启动或升级前）…');
  await push(page, 'startup', { phase: 'migrate' });
  await expect(page.getByTestId('startup-phase')).toHaveText('正在升级数据库结构…');
  if (save) await page.screenshot({ path: 'docs/screenshots/startup.png' });
  await push(page, 'startup', { phase: 'ready' });
  await expect(page.getByTestId(FIRST_SCREEN_TEST_IDS.login)).toBeVisible();
  await expect(screen).toHaveCount(0);
});

test('a database that cannot be opened is explained in the window, in Chinese, with what to do and the data folder', async ({
  page,
}) => {
  const failure = {
    code: 'damaged',
    folder: 'C:\\Users\\clerk\\AppData\\Local\\GridDesk',
    detail: 'SqliteError: file is not a database',
  };
  await desktopWindow(page, { startup: { phase: 'failed', failure }, updates: { phase: 'off' }, calls: [] });
  await page.goto('/');
  const screen = page.getByTestId(FIRST_SCREEN_TEST_IDS.startupFailure);
  await expect(screen).toContainText('无法打开台账');
  await expect(screen).toContainText('数据库文件已损坏。');
  await expect(screen).toContainText('在 backups 中找到最近的备份');
  await expect(screen).toContainText('数据文件夹：C:\\Users\\clerk\\AppData\\Local\\GridDesk');
  await screen.getByText('技术信息（可发给管理员）').click();
  await expect(page.getByTestId('startup-detail')).toContainText('file is not a database');
  if (save) await page.screenshot({ path: 'docs/screenshots/startup-failed.png' });
  await screen.getByRole('button', { name: '打开数据文件夹' }).click();
  await screen.getByRole('button', { name: '退出' }).click();
  expect(await calls(page)).toEqual(['openDataFolder', 'quit']);
  await expect(page.getByTestId(FIRST_SCREEN_TEST_IDS.login)).toHaveCount(0);
});

test('a new version from the office server: progress in the header, then the offer to restart now or at quit', async ({
  page,
}) => {
  await desktopWindow(page, {
    startup: { phase: 'ready' },
    updates: { phase: 'downloading', version: '0.2.0', percent: 35 },
    calls: [],
  });
  await login(page, 'admin', ADMIN_PASSWORD, 'settings');
  const progress = page.getByTestId('update-progress');
  await expect(progress).toContainText('35%');
  await push(page, 'updates', { phase: 'downloading', version: '0.2.0', percent: 80 });
  await expect(progress).toContainText('80%');
  // The settings page says where this desk's updates come from.
  await expect(page.getByTestId('update-setting')).toContainText('本机连接办公室服务器，从服务器获取更新');
  await expect(page.getByTestId('update-status')).toContainText('正在下载新版本 0.2.0：80%');
  await push(page, 'updates', { phase: 'ready', version: '0.2.0' });
  await expect(progress).toHaveCount(0);
  await page.getByTestId('update-ready').click();
  await expect(page.getByRole('dialog')).toContainText('重启后即为新版本，台账数据不受影响');
  if (save) await page.screenshot({ path: 'docs/screenshots/update-ready.png' });
  await page.getByTestId('update-later').click();
  await expect(page.getByTestId('update-ready')).toBeVisible();
  await page.getByTestId('update-ready').click();
  await page.getByTestId('update-restart').click();
  expect(await calls(page)).toEqual(['restartNow']);
});
