// Sandboxed preload: exposes the one API function over one channel, plus printing of the page
// itself, the connection settings, the start screen and updates. Nothing else from Node or Electron
// reaches the page. (Dependency-free at run time: sandboxed preloads cannot require local files; the
// contract is imported for its types only, which the compiler erases.)
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { DesktopBridge, StartupState, UpdateState } from '../contract/desktop-bridge';

const CHANNEL = 'griddesk:call'; // = IPC_CHANNEL in electron/contract

/** A push from main, as a listener the page can remove again. */
function listen<T>(channel: string, listener: (value: T) => void): () => void {
  const handler = (_event: IpcRendererEvent, value: T) => listener(value);
  ipcRenderer.on(channel, handler);
  return () => ipcRenderer.removeListener(channel, handler);
}

const bridge = {
  call: (method: string, input: unknown, token: string | null) => {
    if (typeof method !== 'string') return Promise.reject(new Error('method must be a string'));
    return ipcRenderer.invoke(CHANNEL, { method, input, token });
  },
  /** System print dialog for this page. */
  print: () => ipcRenderer.invoke('griddesk:print'),
  /** This page as a PDF (A4, the page's print stylesheet), saved where the user chooses. */
  printToPDF: (title: string) => ipcRenderer.invoke('griddesk:print-pdf', String(title).slice(0, 80)),
  /** Opens an attachment's bytes with the system viewer (main accepts only attachment kinds). */
  openFile: (name: string, data: Uint8Array) => ipcRenderer.invoke('griddesk:open-file', String(name), data),
  /** 单机 or the office server (main keeps the choice in connection.json and checks every value). */
  connection: {
    get: () => ipcRenderer.invoke('griddesk:connection-get'),
    probe: (server: string) => ipcRenderer.invoke('griddesk:connection-probe', String(server).slice(0, 300)),
    choose: (choice: unknown, token: string | null) => ipcRenderer.invoke('griddesk:connection-choose', choice, token),
  },
  /** The start screen: backup and database upgrade run after the window exists. */
  startup: {
    get: () => ipcRenderer.invoke('griddesk:startup-get'),
    onChange: (listener: (state: StartupState) => void) => listen('griddesk:startup-changed', listener),
    openDataFolder: () => ipcRenderer.invoke('griddesk:startup-open-folder'),
    quit: () => ipcRenderer.invoke('griddesk:startup-quit'),
  },
  /** New versions from the office server (or a folder or address set on a standalone desk). */
  updates: {
    get: () => ipcRenderer.invoke('griddesk:updates-get'),
    onChange: (listener: (state: UpdateState) => void) => listen('griddesk:updates-changed', listener),
    setSource: (source: unknown, token: string | null) =>
      ipcRenderer.invoke('griddesk:updates-set-source', source, token),
    checkNow: () => ipcRenderer.invoke('griddesk:updates-check'),
    restartNow: () => ipcRenderer.invoke('griddesk:updates-restart'),
  },
  platform: 'desktop',
} satisfies Required<DesktopBridge>;

contextBridge.exposeInMainWorld('griddesk', bridge);
