import { app, ipcMain, shell, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { StartupState } from '../contract';

export const STARTUP_CHANGED_CHANNEL = 'griddesk:startup-changed';

/**
 * The start screen's side in main: the latest phase for a window that asks, a push on every change,
 * and the failure screen's two ways forward (open the data folder, quit).
 */
export function registerStartup(
  folder: string,
  window: () => BrowserWindow | undefined,
  isTrustedSender: (e: IpcMainInvokeEvent) => boolean,
): (state: StartupState) => void {
  let current: StartupState = { phase: 'opening' };
  ipcMain.handle('griddesk:startup-get', (event) => (isTrustedSender(event) ? current : null));
  ipcMain.handle('griddesk:startup-open-folder', async (event) => {
    if (isTrustedSender(event) && current.phase === 'failed') await shell.openPath(folder);
  });
  ipcMain.handle('griddesk:startup-quit', (event) => {
    if (isTrustedSender(event)) app.quit();
  });
  return (state) => {
    current = state;
    const win = window();
    if (win && !win.isDestroyed()) win.webContents.send(STARTUP_CHANGED_CHANNEL, state);
  };
}
