// Sandboxed preload: exposes exactly one function over one channel. Nothing else from Node or
// Electron reaches the page. (Kept dependency-free: sandboxed preloads cannot require local files.)
import { contextBridge, ipcRenderer } from 'electron';

const CHANNEL = 'griddesk:call'; // = IPC_CHANNEL in electron/contract

contextBridge.exposeInMainWorld('griddesk', {
  call: (method: string, input: unknown, token: string | null): Promise<unknown> => {
    if (typeof method !== 'string') return Promise.reject(new Error('method must be a string'));
    return ipcRenderer.invoke(CHANNEL, { method, input, token });
  },
  platform: 'desktop',
});
