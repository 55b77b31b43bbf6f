import https from 'node:https';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import { ApiError, type ApiErrorBody, type ServerIdentity } from '../contract';
import type { Dispatcher } from '../core/dispatch';

export interface RemoteOptions {
  /** https://192.168.1.20:5781 */
  url: string;
  /** The SHA-256 fingerprint confirmed at first connection ("AB:CD:…"). */
  fingerprint: string;
  timeoutMs?: number;
}

const CONNECT_TIMEOUT_MS = 8000;

/** Why a server could not be reached, in the words a desk's screen uses. */
export type UnreachableReason = 'refused' | 'timeout' | 'noRoute' | 'other';

export function unreachableReason(err: unknown): UnreachableReason {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const message = (err as Error | undefined)?.message ?? '';
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT' || message === 'timeout') return 'timeout';
  if (
    code === 'EHOSTUNREACH' ||
    code === 'ENETUNREACH' ||
    code === 'ENOTFOUND' ||
    code === 'EAI_AGAIN' ||
    code === 'EHOSTDOWN' ||
    code === 'ENETDOWN'
  )
    return 'noRoute';
  return 'other';
}

const unreachable = (server: string, err: unknown) =>
  new ApiError({
    code: 'RULE',
    message: 'errors.serverUnreachable',
    params: { server, reason: unreachableReason(err) },
  });

const connectTo = (url: URL) => ({
  host: url.hostname,
  port: Number(url.port || 443),
  servername: /^[\d.]+$/.test(url.hostname) ? undefined : url.hostname,
});

/** Reads the certificate a server presents, trusting nothing yet (for its user to compare with the server's screen). */
export function probeServer(address: string, timeoutMs = 5000): Promise<ServerIdentity> {
  const url = new URL(address);
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ ...connectTo(url), rejectUnauthorized: false, timeout: timeoutMs });
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate();
      socket.end();
      resolve({ fingerprint: cert.fingerprint256, subject: String(cert.subject?.CN ?? ''), validTo: cert.valid_to });
    });
    socket.once('timeout', () => socket.destroy(new Error('timeout')));
    socket.once('error', (err) => reject(unreachable(url.host, err)));
  });
}

/**
 * Connections only to the server whose certificate is the pinned one. The handshake is checked before
 * the socket is handed to HTTP, so not a byte of a request (a password, a session token) reaches an impostor.
 * Pinning the certificate itself works for a self-signed one and the office's own alike, whatever
 * address the server has today.
 */
class PinnedAgent extends https.Agent {
  constructor(private readonly pinned: string) {
    super({ keepAlive: true, maxSockets: 6 });
  }

  override createConnection(
    options: https.RequestOptions,
    callback?: (err: Error | null, stream: Duplex) => void,
  ): undefined {
    const socket = tls.connect({
      host: options.host ?? undefined,
      port: Number(options.port),
      servername: options.servername,
      rejectUnauthorized: false,
    });
    // A server that is off the network drops packets: give up after a few seconds, not the system's minutes.
    const connecting = setTimeout(
      () => socket.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })),
      CONNECT_TIMEOUT_MS,
    );
    socket.once('secureConnect', () => {
      clearTimeout(connecting);
      const presented = socket.getPeerCertificate().fingerprint256;
      if (presented !== this.pinned) {
        socket.destroy();
        callback?.(Object.assign(new Error('certificate changed'), { presented }), socket);
        return;
      }
      callback?.(null, socket);
    });
    socket.once('error', (err) => {
      clearTimeout(connecting);
      callback?.(err, socket);
    });
    return undefined;
  }
}

/** The core on the office server, as a Dispatcher: what the desktop app's window calls in client mode. */
export function createRemoteDispatcher(opts: RemoteOptions): Dispatcher & { close(): void } {
  const base = new URL(opts.url);
  const agent = new PinnedAgent(opts.fingerprint);
  const post = (method: string, body: string, token: string | null | undefined) =>
    new Promise<{ ok: boolean; result?: unknown; error?: ApiErrorBody }>((resolve, reject) => {
      const req = https.request(
        {
          host: base.hostname,
          port: Number(base.port || 443),
          path: `/api/${encodeURIComponent(method)}`,
          method: 'POST',
          agent,
          timeout: opts.timeoutMs ?? 120_000,
          headers: {
            'Content-Type': 'application/json',
            'Content-Length': Buffer.byteLength(body),
            ...(token ? { Authorization: `Bearer ${token}` } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            try {
              resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
            } catch (err) {
              reject(err);
            }
          });
          res.on('error', reject);
        },
      );
      req.once('timeout', () => req.destroy(new Error('timeout')));
      req.once('error', reject);
      req.end(body);
    });
  return {
    async dispatch(method, input, auth) {
      let reply;
      try {
        reply = await post(method, JSON.stringify(input ?? {}), auth.token);
      } catch (err) {
        const presented = (err as { presented?: string }).presented;
        if (presented)
          throw new ApiError({
            code: 'RULE',
            message: 'errors.certificateChanged',
            params: { server: base.host, presented, pinned: opts.fingerprint },
          });
        throw unreachable(base.host, err);
      }
      if (reply.ok) return reply.result;
      throw new ApiError(reply.error ?? { code: 'INTERNAL', message: 'errors.internal' });
    },
    close: () => agent.destroy(),
  };
}
