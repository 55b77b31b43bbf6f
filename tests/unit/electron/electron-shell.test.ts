import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const read = (f: string) => readFileSync(f, 'utf8');

// The shell's security settings, read from the code: these must not drift silently.
describe('Electron shell hardening', () => {
  const security = read('electron/main/security.ts');
  const main = read('electron/main/main.ts');

  it('isolates and sandboxes the renderer, with no Node integration', () => {
    expect(main).toMatch(/contextIsolation:\s*true/);
    expect(main).toMatch(/sandbox:\s*true/);
    expect(main).toMatch(/nodeIntegration:\s*false/);
    expect(main).toMatch(/webSecurity:\s*true/);
    expect(main).toMatch(/webviewTag:\s*false/);
    expect(main.match(/new BrowserWindow\(/g)).toHaveLength(1);
  });

  it('denies navigation, new windows, webviews and permission requests, and sets a strict CSP', () => {
    expect(security).toContain("setWindowOpenHandler(() => ({ action: 'deny' }))");
    expect(security).toContain("'will-navigate'");
    expect(security).toContain("'will-attach-webview'");
    expect(security).toContain('setPermissionRequestHandler((_wc, _permission, callback) => callback(false))');
    expect(security).toMatch(/script-src 'self';/);
    expect(security).not.toMatch(/unsafe-eval/);
  });

  it('the page itself carries the CSP (custom-scheme responses may bypass header hooks)', () => {
    const html = read('renderer/index.html');
    expect(html).toContain('http-equiv="Content-Security-Policy"');
    expect(html).toMatch(/script-src 'self';/);
    expect(html).not.toMatch(/unsafe-eval/);
  });

  it('the preload exposes the API call and page printing, over channels main listens on, and nothing from Node', () => {
    const preload = read('electron/preload/preload.ts');
    expect(preload.match(/exposeInMainWorld/g)).toHaveLength(1);
    expect(preload).toContain("'griddesk:call'");
    expect(preload).not.toMatch(/from 'node:|require\(/);
    expect(read('electron/contract/index.ts')).toContain("IPC_CHANNEL = 'griddesk:call'");
    // The print channels the preload invokes are the ones main registers (strings, since the sandboxed preload imports nothing).
    const printing = read('electron/main/desktop-services.ts');
    for (const channel of ["'griddesk:print'", "'griddesk:print-pdf'", "'griddesk:open-file'"]) {
      expect(preload).toContain(channel);
      expect(printing).toContain(channel);
    }
    expect(printing.match(/if \(!isTrustedSender\(event\)/g)).toHaveLength(3);
    // The connection settings (单机 / office server): the same, each handler checking its sender first.
    const connection = read('electron/main/connection-ipc.ts');
    for (const channel of ["'griddesk:connection-get'", "'griddesk:connection-probe'", "'griddesk:connection-choose'"]) {
      expect(preload).toContain(channel);
      expect(connection).toContain(channel);
    }
    expect(connection.match(/if \(!isTrustedSender\(event\)/g)).toHaveLength(3);
  });

  it('the IPC handler checks the sender and the method name before dispatch', () => {
    const ipc = read('electron/main/ipc.ts');
    expect(ipc).toContain('isTrustedSender(event)');
    expect(ipc).toContain('isMethodName(method)');
  });
});

describe('Electron smoke test', () => {
  const require = createRequire(import.meta.url);
  let binary: string | null = null;
  try {
    binary = require('electron') as string;
    if (!existsSync(binary)) binary = null;
  } catch {
    binary = null; // installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1: no binary on this machine
  }

  it.skipIf(binary === null)('opens the window and the login or first-run screen (skipped where no Electron binary exists)', async () => {
    const { _electron } = await import('@playwright/test');
    const dataDir = mkdtempSync(path.join(tmpdir(), 'griddesk-electron-'));
    const app = await _electron.launch({ args: ['.'], env: { ...process.env, GRIDDESK_DATA_DIR: dataDir } });
    try {
      const win = await app.firstWindow();
      await win.waitForSelector('[data-testid="setup-form"], [data-testid="login-form"]', { timeout: 30_000 });
      expect(await win.title()).toContain('GridDesk');
      // The renderer has no Node: the bridge is the only way out.
      expect(await win.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      expect(await win.evaluate(() => Object.keys((window as unknown as { griddesk: object }).griddesk))).toEqual(['call', 'print', 'printToPDF', 'openFile', 'platform']);
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
