import { ApiError, PACKED_ROWS_HEADER, unpackRows, type ApiErrorBody, type ConnectionChoice, type InputOf, type MethodName, type OutputOf, type ServerIdentity } from '@contract';

type Reply = { ok: true; result: unknown } | { ok: false; error: ApiErrorBody };

/** The desktop app's connection settings: only its main process reads and writes connection.json. */
export interface ConnectionBridge {
  /** The saved choice, and whether one was ever made (the first start asks). */
  get(): Promise<{ current: ConnectionChoice; chosen: boolean }>;
  /** The certificate a server presents, for its user to compare with the server's screen. */
  probe(server: string): Promise<{ ok: true; identity: ServerIdentity } | { ok: false; message: string; params?: Record<string, string | number> }>;
  /** Saves the choice (after the first start: an admin's session only); a change restarts the app on it. */
  choose(choice: ConnectionChoice, token: string | null): Promise<{ ok: boolean; restarting?: boolean; message?: string; params?: Record<string, string | number> }>;
}

/** What the desktop preload exposes (electron/preload/preload.ts); absent in a browser. */
export interface DesktopBridge {
  connection?: ConnectionBridge;
  call(method: string, input: unknown, token: string | null): Promise<Reply>;
  /** The system print dialog for this page. */
  print(): Promise<unknown>;
  /** This page as an A4 PDF, saved where the user chooses. */
  printToPDF(title: string): Promise<{ ok: boolean; path?: string }>;
  /** Opens an attachment with the system viewer. */
  openFile(name: string, data: Uint8Array): Promise<unknown>;
  platform: 'desktop';
}

declare global {
  interface Window {
    griddesk?: DesktopBridge;
  }
}

/** One transport, chosen at start-up: the preload's IPC bridge on the desktop, loopback HTTP in a browser. */
async function send(method: string, input: unknown, token: string | null): Promise<Reply> {
  if (window.griddesk) return window.griddesk.call(method, input, token);
  let res: Response;
  try {
    res = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [PACKED_ROWS_HEADER]: 'packed', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: 'errors.offline' } };
  }
  try {
    const reply = (await res.json()) as Reply;
    return reply.ok ? { ok: true, result: unpackRows(reply.result) } : reply;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: 'errors.internal' } };
  }
}

const TOKEN_KEY = 'griddesk.token';
let token: string | null = sessionStorage.getItem(TOKEN_KEY);
const signedOutListeners = new Set<() => void>();

export const session = {
  get token() {
    return token;
  },
  set(next: string | null) {
    token = next;
    if (next) sessionStorage.setItem(TOKEN_KEY, next);
    else sessionStorage.removeItem(TOKEN_KEY);
  },
  /** Called when the core says the session is gone (expired, user deactivated). */
  onSignedOut(fn: () => void) {
    signedOutListeners.add(fn);
    return () => {
      signedOutListeners.delete(fn);
    };
  },
};

/** Typed call to the core: input and output types come from the contract. Throws ApiError. */
export async function call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  const reply = await send(method, input, token);
  if (reply.ok) return reply.result as OutputOf<M>;
  const err = ApiError.fromBody(reply.error);
  if (err.code === 'UNAUTHENTICATED' && token && method !== 'accounts.login') {
    session.set(null);
    signedOutListeners.forEach((fn) => fn());
  }
  throw err;
}
