import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { DESKTOP_BRIDGE_KEYS, FIRST_SCREEN_TEST_IDS } from '../../../electron/contract/desktop-bridge';
import { zhCN } from '../../../renderer/src/i18n/zh-CN';

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
    for (const channel of [
      "'griddesk:connection-get'",
      "'griddesk:connection-probe'",
      "'griddesk:connection-choose'",
    ]) {
      expect(preload).toContain(channel);
      expect(connection).toContain(channel);
    }
    expect(connection.match(/if \(!isTrustedSender\(event\)/g)).toHaveLength(3);
    // The start screen: every handler checks its sender.
    const startup = read('electron/main/startup-ipc.ts');
    for (const channel of ["'griddesk:startup-get'", "'griddesk:startup-open-folder'", "'griddesk:startup-quit'"]) {
      expect(preload).toContain(channel);
      expect(startup).toContain(channel);
    }
    expect(startup.match(/isTrustedSender\(event\)/g)).toHaveLength(3);
    // Updates: the same; only an admin may change a standalone desk's source.
    const updater = read('electron/main/updater.ts');
    for (const channel of [
      "'griddesk:updates-get'",
      "'griddesk:updates-set-source'",
      "'griddesk:updates-check'",
      "'griddesk:updates-restart'",
    ]) {
      expect(preload).toContain(channel);
      expect(updater).toContain(channel);
    }
    expect(updater.match(/deps\.isTrustedSender\(event\)/g)).toHaveLength(4);
    expect(updater).toContain('await isAdmin(token)');
    // The preload's object is checked against the contract's bridge type, and imports it for types only.
    expect(preload).toContain('satisfies Required<DesktopBridge>');
    expect(preload).toMatch(/^import type \{ DesktopBridge[^}]*\} from '\.\.\/contract\/desktop-bridge';$/m);
  });

  it('the IPC handler checks the sender and the method name before dispatch', () => {
    const ipc = read('electron/main/ipc.ts');
    expect(ipc).toContain('isTrustedSender(event)');
    expect(ipc).toContain('isMethodName(method)');
  });
});

/** An Electron binary where one exists: ELECTRON_OVERRIDE_DIST_PATH (a folder holding it) or the one `npm install` downloaded. */
function electronBinary(): string | null {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const file = path.join(
      override,
      process.platform === 'win32'
        ? 'electron.exe'
        : process.platform === 'darwin'
          ? 'Electron.app/Contents/MacOS/Electron'
          : 'electron',
    );
    return existsSync(file) ? file : null;
  }
  try {
    const file = createRequire(import.meta.url)('electron') as string;
    return existsSync(file) ? file : null;
  } catch {
    return null; // installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1: no binary on this machine
  }
}

describe('Electron smoke test', () => {
  const binary = electronBinary();
  if (!binary)
    console.info(
      '[electron smoke] skipped: no Electron binary on this machine (install without ELECTRON_SKIP_BINARY_DOWNLOAD, or set ELECTRON_OVERRIDE_DIST_PATH)',
    );

  // Needs `npm run build` first (and `npm start` once, for better-sqlite3's Electron build): the README's Windows section.
  it.skipIf(binary === null)(
    'starts the real app on a temp data folder: first start, demo county, the tree-hazard grid, an Excel import in a worker',
    async () => {
      const { _electron } = await import('@playwright/test');
      const ExcelJS = (await import('exceljs')).default;
      const dataDir = mkdtempSync(path.join(tmpdir(), 'griddesk-electron-'));
      const app = await _electron.launch({
        executablePath: binary!,
        args: ['.'],
        env: { ...process.env, GRIDDESK_DATA_DIR: dataDir },
      });
      try {
        const win = await app.firstWindow();
        expect(await win.title()).toContain('GridDesk');
        // The renderer has no Node: the bridge is the only way out, with exactly the contract's keys.
        expect(await win.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
        expect(await win.evaluate(() => Object.keys((window as unknown as { griddesk: object }).griddesk))).toEqual([
          ...DESKTOP_BRIDGE_KEYS,
        ]);

        // First start: 单机, then the admin's password with the demo county.
        await win.getByTestId(FIRST_SCREEN_TEST_IDS.connection).waitFor({ timeout: 60_000 });
        await win.getByTestId('connection-continue').click();
        const setup = win.getByTestId(FIRST_SCREEN_TEST_IDS.setup);
        await setup.getByLabel(zhCN.accounts.newPassword, { exact: true }).fill('Admin2026');
        await setup.getByLabel(zhCN.accounts.confirmPassword).fill('Admin2026');
        await setup.getByRole('button', { name: zhCN.accounts.setupStart }).click();
        await win.getByRole('heading', { name: zhCN.nav.home }).waitFor({ timeout: 120_000 });

        // The tree-hazard grid, with the demo county's rows.
        await win.getByRole('menuitem', { name: new RegExp(`${zhCN.nav.vegetation}$`) }).click();
        await win.getByRole('heading', { name: zhCN.vegetation.title }).waitFor();
        await win.getByRole('row').nth(2).waitFor();

        // An Excel import: the sheet is read and written by the job worker inside the packaged layout.
        const line = await win.evaluate(async () => {
          const bridge = (
            window as unknown as {
              griddesk: {
                call(m: string, i: unknown, t: string | null): Promise<{ result: { lines: { name: string }[] } }>;
              };
            }
          ).griddesk;
          return (await bridge.call('reference.options', {}, sessionStorage.getItem('griddesk.token'))).result.lines[0]!
            .name;
        });
        const book = new ExcelJS.Workbook();
        const sheet = book.addWorksheet('树障');
        const v = zhCN.vegetation;
        sheet.addRow([v.line, v.towerRange, v.species, v.treeCount, v.action]);
        sheet.addRow([line, '#901–#902', '杨树', 3, '修剪']);
        const file = path.join(dataDir, 'smoke-import.xlsx');
        await book.xlsx.writeFile(file);
        await win.getByTestId('vegetation-import').click();
        const wizard = win.getByTestId('import-wizard');
        await wizard.locator('input[type=file]').setInputFiles(file);
        await wizard.getByTestId('import-commit').click({ timeout: 60_000 });
        await wizard.getByTestId('import-done').waitFor({ timeout: 60_000 });
        expect(await wizard.getByTestId('import-done').textContent()).toContain('1');
      } finally {
        await app.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
    300_000,
  );
});
