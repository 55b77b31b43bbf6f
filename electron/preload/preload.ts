// Sandboxed preload: exposes the one API function over one channel, plus printing of the page
// itself. Nothing else from Node or Electron reaches the page. (Kept dependency-free: sandboxed
// preloads cannot require local files.)
import { contextBridge, ipcRenderer } from 'electron';

const CHANNEL = 'griddesk:call'; // = IPC_CHANNEL in electron/contract

contextBridge.exposeInMainWorld('griddesk', {
  call: (method: string, input: unknown, token: string | null): Promise<unknown> => {
    if (typeof method !== 'string') return Promise.reject(new Error('method must be a string'));
    return ipcRenderer.invoke(CHANNEL, { method, input, token });
  },
  /** System print dialog for this page. */
  print: (): Promise<unknown> => ipcRenderer.invoke('griddesk:print'),
  /** This page as a PDF (A4, the page's print stylesheet), saved where the user chooses. */
  printToPDF: (title: string): Promise<unknown> => ipcRenderer.invoke('griddesk:print-pdf', String(title).slice(0, 80)),
  /** Opens an attachment's bytes with the system viewer (main accepts only attachment kinds). */
  openFile: (name: string, data: Uint8Array): Promise<unknown> => ipcRenderer.invoke('griddesk:open-file', String(name), data),
  /** 单机 or the office server (main keeps the choice in connection.json and checks every value). */
  connection: {
    get: (): Promise<unknown> => ipcRenderer.invoke('griddesk:connection-get'),
    probe: (server: string): Promise<unknown> => ipcRenderer.invoke('griddesk:connection-probe', String(server).slice(0, 300)),
    choose: (choice: unknown, token: string | null): Promise<unknown> => ipcRenderer.invoke('griddesk:connection-choose', choice, token),
  },
  platform: 'desktop',
});
