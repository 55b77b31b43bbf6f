import { app, BrowserWindow, Menu, dialog, net, protocol, session, type IpcMainInvokeEvent } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCore } from '../core';
import { prepareDataDir } from '../core/host/data-folder';
import type { Dispatcher } from '../core/dispatch';
import { createRemoteDispatcher } from '../http/remote';
import { readConnection, type ConnectionSettings } from './connection';
import { registerConnection } from './connection-ipc';
import { registerIpc } from './ipc';
import { registerOpenFile, registerPrinting } from './desktop-services';
import { OpenedAttachments } from './opened-attachments';
import { electronNativeBinding } from './native-binding';
import { hardenSession, lockNavigation } from './security';
import { runStartup } from './startup';
import { registerStartup } from './startup-ipc';
import { registerUpdates } from './updater';
import { loadWindowState, saveWindowState } from './window-state';

// The renderer is served from a private scheme rather than file://, so 'self' in the CSP means our files only.
const SCHEME = 'griddesk';
const APP_URL = `${SCHEME}://app/`;
protocol.registerSchemesAsPrivileged([
  { scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

// %LOCALAPPDATA%\GridDesk on Windows (an old Roaming folder is moved there once), GRIDDESK_DATA_DIR
// for tests and portable setups. Set before the single-instance lock and anything Electron writes.
let dataFolderError: unknown;
try {
  app.setPath('userData', prepareDataDir(undefined));
} catch (err) {
  dataFolderError = err;
}

type OpenedCore = Dispatcher & { close(): Promise<void> | void };
/** The core in this process (单机), or the office server's behind the pinned client (客户端). */
let core: OpenedCore | undefined;
let mainWindow: BrowserWindow | undefined;
/** Attachments written for the system's viewer: removed at quit, and at start for any left behind. */
let openedCopies: OpenedAttachments | undefined;

function rendererDir(): string {
  return path.join(app.getAppPath(), 'dist', 'renderer');
}

function createWindow(): BrowserWindow {
  const userData = app.getPath('userData');
  const state = loadWindowState(userData);
  const win = new BrowserWindow({
    width: state.width,
    height: state.height,
    x: state.x,
    y: state.y,
    minWidth: 1024,
    minHeight: 640,
    title: 'GridDesk 供电运维台账',
    show: false,
    // Written out here, not built elsewhere, so reviewers and electronegativity see them at a glance.
    webPreferences: {
      preload: path.join(__dirname, '..', 'preload', 'preload.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });
  if (state.maximized) win.maximize();
  lockNavigation(win.webContents, APP_URL);
  win.once('ready-to-show', () => win.show());
  win.on('close', () => saveWindowState(userData, { ...win.getNormalBounds(), maximized: win.isMaximized() }));
  void win.loadURL(`${APP_URL}index.html`);
  return win;
}

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return (
    !!mainWindow &&
    event.sender === mainWindow.webContents &&
    !!frame &&
    frame === mainWindow.webContents.mainFrame &&
    frame.url.startsWith(APP_URL)
  );
}

/**
 * The window first, with the start screen; then the ledgers are opened (backup, database upgrade)
 * while it shows each step, and a failure is explained in that window rather than a bare error box.
 */
async function start(): Promise<void> {
  const userData = app.getPath('userData');
  let connection: ConnectionSettings = { mode: 'standalone' };
  const root = rendererDir();
  protocol.handle(SCHEME, (request) => {
    const { pathname } = new URL(request.url);
    const file = path.normalize(path.join(root, decodeURIComponent(pathname)));
    if (!file.startsWith(root)) return new Response('forbidden', { status: 403 });
    return net.fetch(pathToFileURL(file).toString());
  });
  hardenSession(session.defaultSession);
  const publish = registerStartup(userData, () => mainWindow, isTrustedSender);
  // Settled when the start sequence has run; the window's calls wait for it (the start screen makes none).
  let opened!: (dispatcher: OpenedCore | null) => void;
  const opening = new Promise<OpenedCore | null>((resolve) => (opened = resolve));
  registerIpc(() => opening, isTrustedSender);
  registerConnection(
    userData,
    () => connection,
    () => core,
    isTrustedSender,
  );
  registerPrinting(isTrustedSender);
  openedCopies = new OpenedAttachments(app.getPath('temp'));
  void openedCopies.removeAll();
  registerOpenFile(isTrustedSender, openedCopies);
  Menu.setApplicationMenu(null);
  const updates = registerUpdates({
    userData,
    connection: () => connection,
    core: () => core,
    window: () => mainWindow,
    isTrustedSender,
  });
  mainWindow = createWindow();
  // The start screen is drawn before the database work begins: a migration's statements hold this
  // thread, and the window's own files are served from it.
  await pageLoaded(mainWindow);
  const dispatcher = await runStartup(
    {
      folder: userData,
      dataFolderError,
      readConnection: () => {
        connection = readConnection(userData);
      },
      open: async (step) =>
        connection.mode === 'client'
          ? createRemoteDispatcher({ url: connection.server, fingerprint: connection.fingerprint })
          : createCore({
              file: path.join(userData, 'griddesk.sqlite'),
              nativeBinding: electronNativeBinding(app.getAppPath(), app.isPackaged),
              onStartupStep: step,
            }),
    },
    publish,
  );
  core = dispatcher ?? undefined;
  opened(dispatcher);
  if (core) updates.start();
}

/** The page has loaded (or 5 s have passed: never wait on it for good). */
function pageLoaded(win: BrowserWindow): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 5000);
    win.webContents.once('did-finish-load', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('web-contents-created', (_e, contents) => lockNavigation(contents, APP_URL));
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      // Only a fault in the shell itself lands here; the ledgers' failures are on the start screen.
      dialog.showErrorBox('GridDesk 无法启动', String(err));
      app.exit(1);
    });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (!core) return;
    event.preventDefault();
    const closing = core;
    core = undefined;
    void Promise.all([Promise.resolve(closing.close()), openedCopies?.removeAll()]).finally(() => app.quit());
  });
}
