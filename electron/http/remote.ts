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

const connectTo = (url: URL) => ({ host: url.hostname, port: Number(url.port || 443), servername: /^[\d.]+$/.test(url.hostname) ? undefined : url.hostname });

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
    socket.once('error', () => reject(new ApiError({ code: 'RULE', message: 'errors.serverUnreachable', params: { server: url.host } })));
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

  override createConnection(options: https.RequestOptions, callback?: (err: Error | null, stream: Duplex) => void): undefined {
    const socket = tls.connect({ host: options.host ?? undefined, port: Number(options.port), servername: options.servername, rejectUnauthorized: false });
    socket.once('secureConnect', () => {
      const presented = socket.getPeerCertificate().fingerprint256;
      if (presented !== this.pinned) {
        socket.destroy();
        callback?.(Object.assign(new Error('certificate changed'), { presented }), socket);
        return;
      }
      callback?.(null, socket);
    });
    socket.once('error', (err) => callback?.(err, socket));
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
          headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), ...(token ? { Authorization: `Bearer ${token}` } : {}) },
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
        if (presented) throw new ApiError({ code: 'RULE', message: 'errors.certificateChanged', params: { server: base.host, presented } });
        throw new ApiError({ code: 'RULE', message: 'errors.serverUnreachable', params: { server: base.host } });
      }
      if (reply.ok) return reply.result;
      throw new ApiError(reply.error ?? { code: 'INTERNAL', message: 'errors.internal' });
    },
    close: () => agent.destroy(),
  };
}
