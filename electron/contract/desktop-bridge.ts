import { z } from 'zod';
import type { ConnectionChoice, ServerIdentity } from './connection';
import type { ApiErrorBody } from './errors';

/**
 * What the desktop preload exposes as `window.griddesk`: one source for the preload (which
 * `satisfies` it), the renderer (which calls it) and the Electron smoke test (which checks its keys),
 * so a change in one that the others miss fails the type check. Absent in a browser.
 */
export type BridgeReply = { ok: true; result: unknown } | { ok: false; error: ApiErrorBody };

/** The desktop app's connection settings: only its main process reads and writes connection.json. */
export interface ConnectionBridge {
  /** The saved choice, and whether one was ever made (the first start asks). */
  get(): Promise<{ current: ConnectionChoice; chosen: boolean }>;
  /** The certificate a server presents, for its user to compare with the server's screen. */
  probe(
    server: string,
  ): Promise<
    { ok: true; identity: ServerIdentity } | { ok: false; message: string; params?: Record<string, string | number> }
  >;
  /** Saves the choice (after the first start: an admin's session only); a change restarts the app on it. */
  choose(
    choice: ConnectionChoice,
    token: string | null,
  ): Promise<{ ok: boolean; restarting?: boolean; message?: string; params?: Record<string, string | number> }>;
}

/** The start screen: the window exists before the daily backup and the database upgrade run. */
export type StartupPhase = 'opening' | 'backup' | 'migrate' | 'ready' | 'failed';

/** Why the ledgers could not be opened, as the start screen explains it (words in the renderer's i18n). */
export type StartupFailureCode =
  | 'data-folder'
  | 'connection-file'
  | 'locked'
  | 'no-permission'
  | 'disk-full'
  | 'damaged'
  | 'newer-version'
  | 'unknown';

export interface StartupState {
  phase: StartupPhase;
  failure?: { code: StartupFailureCode; folder: string; detail: string };
}

export interface StartupBridge {
  get(): Promise<StartupState>;
  /** Called on every change of phase; returns a function that stops listening. */
  onChange(listener: (state: StartupState) => void): () => void;
  /** Opens the data folder in the file manager (a failure's way forward: backups are there). */
  openDataFolder(): Promise<void>;
  quit(): Promise<void>;
}

/** Where a desk looks for new versions (main keeps it in updates.json; a client desk always uses its server). */
export type UpdateSource = z.infer<typeof updateSourceSchema>;

export type UpdateState =
  | { phase: 'off' }
  | { phase: 'checking' }
  | { phase: 'current'; checkedAt: string }
  | { phase: 'downloading'; version: string; percent: number }
  | { phase: 'ready'; version: string }
  | { phase: 'error'; message: string };

export interface UpdatesBridge {
  get(): Promise<{ state: UpdateState; source: UpdateSource; managedByServer: boolean }>;
  onChange(listener: (state: UpdateState) => void): () => void;
  /** Standalone desks only (admins): where to look, or never. */
  setSource(source: UpdateSource, token: string | null): Promise<{ ok: boolean; message?: string }>;
  checkNow(): Promise<void>;
  /** Quits and installs the downloaded version now (otherwise it installs when the app quits). */
  restartNow(): Promise<void>;
}

export interface DesktopBridge {
  call(method: string, input: unknown, token: string | null): Promise<BridgeReply>;
  /** The system print dialog for this page. */
  print(): Promise<unknown>;
  /** This page as an A4 PDF, saved where the user chooses. */
  printToPDF(title: string): Promise<{ ok: boolean; path?: string }>;
  /** Opens an attachment with the system viewer. */
  openFile(name: string, data: Uint8Array): Promise<unknown>;
  /** Optional in the type so a stand-in bridge (tests) may leave out what its journey does not use. */
  connection?: ConnectionBridge;
  startup?: StartupBridge;
  updates?: UpdatesBridge;
  platform: 'desktop';
}

/** Every key the preload exposes, in its order; a key added to the bridge and not here is a type error. */
export const DESKTOP_BRIDGE_KEYS = [
  'call',
  'print',
  'printToPDF',
  'openFile',
  'connection',
  'startup',
  'updates',
  'platform',
] as const;
type Unlisted = Exclude<keyof DesktopBridge, (typeof DESKTOP_BRIDGE_KEYS)[number]>;
export const bridgeKeysComplete: [Unlisted] extends [never] ? true : Unlisted = true;

/** The test ids of the first screens a window can show; the renderer and the smoke test both use these. */
export const FIRST_SCREEN_TEST_IDS = {
  startup: 'startup-screen',
  startupFailure: 'startup-failure',
  connection: 'connection-choice',
  setup: 'setup-form',
  login: 'login-form',
} as const;

/** A standalone desk's update source as main checks it before saving updates.json. */
export const updateSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('never') }),
  z.object({
    kind: z.literal('url'),
    url: z
      .string()
      .max(500)
      .regex(/^https?:\/\/[^\s/]+(\/\S*)?$/, { error: 'updates.badUrl' }),
  }),
  z.object({ kind: z.literal('folder'), folder: z.string().trim().min(1, { error: 'updates.badFolder' }).max(260) }),
]);
