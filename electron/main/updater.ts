import { X509Certificate } from 'node:crypto';
import { app, ipcMain, session, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { autoUpdater } from 'electron-updater';
import { updateSourceSchema, type UpdateState } from '../contract';
import type { Dispatcher } from '../core/dispatch';
import { startFolderFeed } from '../http/update-feed';
import type { ConnectionSettings } from './connection';
import {
  certificateVerdict,
  dueToCheck,
  nextUpdateState,
  readUpdateSource,
  saveUpdateSource,
  updatePlan,
  type UpdatePlan,
  type UpdaterEvent,
} from './update-policy';

export const UPDATES_CHANGED_CHANNEL = 'griddesk:updates-changed';
const LOOK_EVERY_MS = 3600 * 1000;

interface UpdaterDeps {
  userData: string;
  connection: () => ConnectionSettings;
  core: () => Dispatcher | undefined;
  window: () => BrowserWindow | undefined;
  isTrustedSender: (e: IpcMainInvokeEvent) => boolean;
}

/**
 * New versions over the office LAN with electron-updater's generic provider: it reads latest.yml,
 * downloads the installer in the background, checks its sha512 against latest.yml, and installs at
 * quit or when the user restarts now. The decisions are in update-policy.ts; this file only wires them.
 */
export function registerUpdates(deps: UpdaterDeps): { start(): void } {
  let state: UpdateState = { phase: 'off' };
  let plan: UpdatePlan = { check: false, why: 'no-source' };
  let lastCheck: Date | null = null;
  let folderFeed: Awaited<ReturnType<typeof startFolderFeed>> | null = null;

  const send = () => {
    const win = deps.window();
    if (win && !win.isDestroyed()) win.webContents.send(UPDATES_CHANGED_CHANNEL, state);
  };
  const publish = (event: UpdaterEvent) => {
    state = nextUpdateState(state, event, new Date());
    send();
  };
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.on('checking-for-update', () => publish({ type: 'checking' }));
  autoUpdater.on('update-available', (info) => publish({ type: 'available', version: info.version }));
  autoUpdater.on('update-not-available', () => publish({ type: 'not-available' }));
  autoUpdater.on('download-progress', (p) => publish({ type: 'progress', percent: p.percent }));
  autoUpdater.on('update-downloaded', (info) => publish({ type: 'downloaded', version: info.version }));
  autoUpdater.on('error', (err) => publish({ type: 'error', message: err.message }));

  // The office server's certificate is self-signed: the updater's session accepts exactly the pinned one.
  session.fromPartition('electron-updater', { cache: false }).setCertificateVerifyProc((request, callback) => {
    let presented = '';
    try {
      presented = new X509Certificate(request.certificate.data).fingerprint256;
    } catch {
      presented = '';
    }
    callback(certificateVerdict(plan, request.hostname, presented));
  });

  async function check(): Promise<void> {
    plan = updatePlan(deps.connection(), readUpdateSource(deps.userData), app.isPackaged);
    await folderFeed?.close();
    folderFeed = null;
    if (!plan.check) {
      state = { phase: 'off' };
      return send();
    }
    lastCheck = new Date();
    try {
      const url = plan.feed.kind === 'url' ? plan.feed.url : (folderFeed = await startFolderFeed(plan.feed.folder)).url;
      autoUpdater.setFeedURL({ provider: 'generic', url });
      await autoUpdater.checkForUpdates();
    } catch (err) {
      publish({ type: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  }

  const isAdmin = async (token: unknown) => {
    const me = (await deps
      .core()
      ?.dispatch('accounts.me', {}, { token: typeof token === 'string' ? token : null })
      .catch(() => null)) as { role?: string } | null;
    return me?.role === 'admin';
  };

  ipcMain.handle('griddesk:updates-get', (event) => {
    if (!deps.isTrustedSender(event)) return null;
    return { state, source: readUpdateSource(deps.userData), managedByServer: deps.connection().mode === 'client' };
  });
  ipcMain.handle('griddesk:updates-set-source', async (event, source: unknown, token: unknown) => {
    if (!deps.isTrustedSender(event) || deps.connection().mode === 'client' || !(await isAdmin(token)))
      return { ok: false, message: 'errors.forbidden' };
    const parsed = updateSourceSchema.safeParse(source);
    if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'errors.invalid' };
    saveUpdateSource(deps.userData, parsed.data);
    void check();
    return { ok: true };
  });
  ipcMain.handle('griddesk:updates-check', (event) => {
    if (deps.isTrustedSender(event) && state.phase !== 'downloading' && state.phase !== 'ready') void check();
  });
  ipcMain.handle('griddesk:updates-restart', (event) => {
    // Silent install (the uninstall box stays quiet: build/installer.nsh), then the new version starts.
    if (deps.isTrustedSender(event) && state.phase === 'ready') autoUpdater.quitAndInstall(true, true);
  });

  return {
    start() {
      void check();
      setInterval(() => {
        if (state.phase !== 'downloading' && state.phase !== 'ready' && dueToCheck(lastCheck, new Date())) void check();
      }, LOOK_EVERY_MS).unref();
    },
  };
}
