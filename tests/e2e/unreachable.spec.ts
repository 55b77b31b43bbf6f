import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ApiError, fingerprintGroups } from '../../electron/contract';
import { createCore, type Core } from '../../electron/core';
import { loadServerCertificate, type ServerCertificate } from '../../electron/http/certificate';
import { createRemoteDispatcher, probeServer } from '../../electron/http/remote';
import { startHttpServer } from '../../electron/http/server';
import { FRESH_URL } from '../../playwright.config';
import { standInBridge } from './stand-in-bridge';

// A desk in client mode whose office server is down, comes back, or shows another certificate. The
// window is the real renderer; the stand-in for the preload's bridge hands its calls to the real
// pinned client (what main does) talking to a real HTTPS server this test starts and stops on
// 127.0.0.3, and its certificate reads to the real probe.
const HOST = '127.0.0.3';
const save = process.env.GRIDDESK_SCREENSHOTS === '1';

let dir: string;
let core: Core;
let certA: ServerCertificate;
let certB: ServerCertificate;
let port = 0;
let running: Awaited<ReturnType<typeof startHttpServer>> | null = null;

async function serve(cert: ServerCertificate) {
  running = await startHttpServer({ core, host: HOST, port, tls: cert });
  port = (running.server.address() as { port: number }).port;
}
async function stop() {
  await running?.close();
  running = null;
}

test.beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'griddesk-unreachable-'));
  certA = await loadServerCertificate(path.join(dir, 'a'));
  certB = await loadServerCertificate(path.join(dir, 'b'));
  core = await createCore({ file: path.join(dir, 'griddesk.sqlite') });
  await core.dispatch('accounts.setup', { password: 'Office2026' }, {});
  // A port of its own, then the server stopped: the desk starts with its server down.
  await serve(certA);
  await stop();
});
test.afterAll(async () => {
  await stop();
  await core?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function desk(page: Page, chosen: unknown[]) {
  const server = `https://${HOST}:${port}`;
  const remote = createRemoteDispatcher({ url: server, fingerprint: certA.fingerprint, timeoutMs: 5000 });
  page.on('close', () => remote.close());
  await page.exposeFunction('__call', async (method: string, input: unknown, token: string | null) => {
    try {
      return { ok: true, result: await remote.dispatch(method, input, { token }) };
    } catch (err) {
      return {
        ok: false,
        error: err instanceof ApiError ? err.toBody() : { code: 'INTERNAL', message: 'errors.internal' },
      };
    }
  });
  await page.exposeFunction('__probe', async (address: string) => {
    try {
      return { ok: true, identity: await probeServer(address) };
    } catch (err) {
      return { ok: false, message: (err as ApiError).message, params: (err as ApiError).params };
    }
  });
  await page.exposeFunction('__choose', (choice: unknown) => {
    chosen.push(choice);
    return { ok: true, restarting: true };
  });
  await standInBridge(page);
  await page.addInitScript(
    ({ server, fingerprint }) => {
      const w = window as unknown as Record<string, (...a: unknown[]) => Promise<unknown>> & { griddesk: object };
      // Calls go to the office server through Node's pinned client here, as main forwards them.
      Object.assign(w.griddesk, {
        call: (method: string, input: unknown, token: string | null) => w.__call!(method, input, token),
        connection: {
          get: async () => ({ current: { mode: 'client', server, fingerprint }, chosen: true }),
          probe: (address: string) => w.__probe!(address),
          choose: (choice: unknown) => w.__choose!(choice),
        },
      });
    },
    { server, fingerprint: certA.fingerprint },
  );
  await page.goto(`${FRESH_URL}/`);
}

test('server stopped → a screen that names it and says why; server back → 重试 signs in; new certificate → both fingerprints; 更换服务器 needs no session', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const chosen: unknown[] = [];
  await desk(page, chosen);

  const screen = page.getByTestId('server-unreachable');
  await expect(screen).toBeVisible();
  await expect(page.getByTestId('unreachable-server')).toHaveText(`${HOST}:${port}`);
  await expect(page.getByTestId('unreachable-reason')).toContainText('服务器拒绝连接');
  if (save) await page.screenshot({ path: 'docs/screenshots/server-unreachable.png' });

  // The server comes back: 重试 goes on to sign-in, no restart needed.
  await serve(certA);
  await page.getByTestId('unreachable-retry').click();
  await expect(page.getByTestId('login-form')).toBeVisible();

  // The server now presents another certificate (regenerated, or an impostor at that address).
  await stop();
  await serve(certB);
  await page.reload();
  await expect(page.getByTestId('unreachable-reason')).toContainText('证书与首次确认的不一致');
  for (const g of fingerprintGroups(certA.fingerprint))
    await expect(page.getByTestId('fingerprint-pinned')).toContainText(g);
  for (const g of fingerprintGroups(certB.fingerprint))
    await expect(page.getByTestId('fingerprint-presented')).toContainText(g);
  if (save) await page.screenshot({ path: 'docs/screenshots/server-certificate-changed.png' });

  // 更换服务器: the first-start choice again, with the fingerprint to confirm, and no sign-in on the old server.
  await page.getByTestId('unreachable-change').click();
  await page.getByTestId('connection-probe').click();
  await expect(page.getByTestId('connection-certificate')).toContainText(fingerprintGroups(certB.fingerprint)[0]!);
  await expect(page.getByTestId('connection-continue')).toBeDisabled();
  await page.getByTestId('connection-confirm').click();
  await page.getByTestId('connection-continue').click();
  await expect(page.getByTestId('connection-restarting')).toBeVisible();
  expect(chosen).toEqual([{ mode: 'client', server: `https://${HOST}:${port}`, fingerprint: certB.fingerprint }]);
});
