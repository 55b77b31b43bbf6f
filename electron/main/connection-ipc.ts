import { app, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { ApiError, connectionChoice, serverAddress } from '../contract';
import type { Dispatcher } from '../core/dispatch';
import { probeServer } from '../http/remote';
import {
  hasConnection,
  mayChooseWithoutSession,
  readConnection,
  saveConnection,
  type ConnectionSettings,
} from './connection';

const reason = (err: unknown) =>
  err instanceof ApiError
    ? { message: err.message, ...(err.params ? { params: err.params } : {}) }
    : { message: 'errors.internal' };

/**
 * The window's connection settings (first start: 单机 or the office server; later: an admin's change).
 * Every value is checked here, a server's fingerprint is read again before it is saved, and a change of
 * mode restarts the app on the new one.
 */
export function registerConnection(
  userData: string,
  running: () => ConnectionSettings,
  core: () => Dispatcher | undefined,
  isTrustedSender: (e: IpcMainInvokeEvent) => boolean,
): void {
  ipcMain.handle('griddesk:connection-get', (event) => {
    if (!isTrustedSender(event)) return null;
    return { current: readConnection(userData), chosen: hasConnection(userData) };
  });

  ipcMain.handle('griddesk:connection-probe', async (event, server: unknown) => {
    if (!isTrustedSender(event) || !serverAddress.safeParse(server).success)
      return { ok: false, message: 'connection.badAddress' };
    try {
      return { ok: true, identity: await probeServer(server as string) };
    } catch (err) {
      return { ok: false, ...reason(err) };
    }
  });

  ipcMain.handle('griddesk:connection-choose', async (event, choice: unknown, token: unknown) => {
    if (!isTrustedSender(event)) return { ok: false, message: 'errors.forbidden' };
    const parsed = connectionChoice.safeParse(choice);
    if (!parsed.success) return { ok: false, message: 'connection.badAddress' };
    // After the first start only an administrator may move this desk to other ledgers (unless its server is gone).
    if (
      hasConnection(userData) &&
      !(await mayChooseWithoutSession(readConnection(userData), (server) => probeServer(server)))
    ) {
      const me = (await core()
        ?.dispatch('accounts.me', {}, { token: typeof token === 'string' ? token : null })
        .catch(() => null)) as { role?: string } | null;
      if (me?.role !== 'admin') return { ok: false, message: 'errors.forbidden' };
    }
    if (parsed.data.mode === 'client') {
      const presented = await probeServer(parsed.data.server).catch(() => null);
      if (!presented)
        return { ok: false, message: 'errors.serverUnreachable', params: { server: new URL(parsed.data.server).host } };
      if (presented.fingerprint !== parsed.data.fingerprint)
        return { ok: false, message: 'connection.fingerprintChanged' };
    }
    saveConnection(userData, parsed.data);
    if (JSON.stringify(parsed.data) !== JSON.stringify(running())) {
      // Answer the window first, then start again on the chosen ledgers.
      setTimeout(() => {
        app.relaunch();
        app.exit(0);
      }, 300);
      return { ok: true, restarting: true };
    }
    return { ok: true, restarting: false };
  });
}
