import {
  ApiError,
  PACKED_ROWS_HEADER,
  unpackRows,
  type BridgeReply,
  type DesktopBridge,
  type InputOf,
  type MethodName,
  type OutputOf,
} from '@contract';

type Reply = BridgeReply;

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
      headers: {
        'Content-Type': 'application/json',
        [PACKED_ROWS_HEADER]: 'packed',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
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
