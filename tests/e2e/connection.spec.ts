import { expect, test, type Page } from '@playwright/test';
import { probeServer } from '../../electron/http/remote';
import { FRESH_URL, OFFICE_URL } from '../../playwright.config';
import { standInBridge } from './stand-in-bridge';

// The desktop app's first start: 单机 or the office server. The window is served by the fresh
// (never set up) server; a stand-in for the preload's bridge passes calls to its HTTP API as main
// would pass them to the core, and hands certificate reads to Node's real probe of the real office
// server — what main does. Saving the choice and restarting are main's (tests/unit/electron).
const save = process.env.GRIDDESK_SCREENSHOTS === '1';

async function desktopWindow(page: Page, chosen: { mode: string; server?: string; fingerprint?: string }[]) {
  await page.exposeFunction('__probe', async (server: string) => {
    try {
      return { ok: true, identity: await probeServer(server) };
    } catch (err) {
      return { ok: false, message: (err as { message: string }).message, params: (err as { params?: object }).params };
    }
  });
  await page.exposeFunction('__choose', (choice: { mode: string }) => {
    chosen.push(choice);
    return { ok: true, restarting: choice.mode !== 'standalone' };
  });
  await standInBridge(page);
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, (...a: unknown[]) => Promise<unknown>> & {
      griddesk: Record<string, unknown>;
    };
    w.griddesk.connection = {
      get: async () => ({ current: { mode: 'standalone' }, chosen: false }),
      probe: (server: string) => w.__probe!(server),
      choose: (choice: unknown) => w.__choose!(choice),
    };
  });
  await page.goto(`${FRESH_URL}/`);
}

test('first start, office server: the certificate’s fingerprint is shown to compare, and only a confirmed one is kept', async ({
  page,
}) => {
  test.skip(!OFFICE_URL, 'no PostgreSQL server on this machine');
  const chosen: { mode: string; server?: string; fingerprint?: string }[] = [];
  await desktopWindow(page, chosen);
  const screen = page.getByTestId('connection-choice');
  await expect(page.getByText('选择使用方式')).toBeVisible();
  await screen.getByTestId('mode-client').click();
  await screen.getByLabel('服务器地址').fill('http://127.0.0.2:5797');
  await screen.getByTestId('connection-probe').click();
  await expect(page.getByTestId('connection-error')).toContainText('服务器地址应以 https:// 开头');

  await screen.getByLabel('服务器地址').fill(OFFICE_URL);
  await screen.getByTestId('connection-probe').click();
  const certificate = page.getByTestId('connection-certificate');
  const real = (await probeServer(OFFICE_URL)).fingerprint;
  // Shown in groups of eight bytes, as a person compares them with the server's screen.
  await expect(certificate).toContainText(real.slice(0, 23));
  await expect(certificate).toContainText(real.slice(-23));
  await expect(screen.getByTestId('connection-continue')).toBeDisabled();
  await screen.getByTestId('connection-confirm').click();
  if (save) await page.screenshot({ path: 'docs/screenshots/connection.png' });
  await screen.getByTestId('connection-continue').click();
  await expect(page.getByTestId('connection-restarting')).toBeVisible();
  expect(chosen).toEqual([{ mode: 'client', server: OFFICE_URL, fingerprint: real }]);
});

test('first start, standalone: the choice is kept and the app goes on to its first-run setup (or sign-in)', async ({
  page,
}) => {
  const chosen: { mode: string }[] = [];
  await desktopWindow(page, chosen);
  await expect(page.getByText('选择使用方式')).toBeVisible();
  // The fresh server is set up by the first-run journey when the whole suite runs: then sign-in follows.
  const status = (await (
    await fetch(`${FRESH_URL}/api/accounts.setupStatus`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    })
  ).json()) as { result: { needsSetup: boolean } };
  await page.getByTestId('connection-continue').click();
  await expect(page.getByTestId(status.result.needsSetup ? 'setup-form' : 'login-form')).toBeVisible();
  await expect(page.getByTestId('connection-choice')).toHaveCount(0);
  expect(chosen).toEqual([{ mode: 'standalone' }]);
});
