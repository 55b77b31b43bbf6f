import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ApiError, HTTP_STATUS, PACKED_ROWS_HEADER, packRows, type ApiErrorBody } from '../contract';
import type { Dispatcher } from '../core/dispatch';
import { serveUpdateFeed, UPDATES_PATH } from './update-feed';

export interface HttpOptions {
  core: Dispatcher;
  /**
   * 127.0.0.1 (default): this machine's browser and the end-to-end tests, plain HTTP.
   * Any other address (0.0.0.0: every interface) is the office server on the LAN, and needs `tls`.
   */
  host?: string;
  port: number;
  /** The server's certificate and key (PEM): HTTPS. Required off the loopback address. */
  tls?: { cert: string; key: string };
  /** The built renderer (dist/renderer); omitted in API-only tests. */
  staticDir?: string;
  /** The office server's folder of new versions for the desks, served read-only at /updates/. */
  updatesDir?: string;
  /** Time and size limits against slow or hostile clients; tests shorten them. */
  limits?: Partial<HttpLimits>;
  /** Where an unexpected error in one request is written (default: the console). */
  log?: (message: string, err?: unknown) => void;
}

export interface HttpLimits {
  /** The request line and headers must arrive within this (slow senders, "slowloris"). */
  headersMs: number;
  /** The whole request, body included, must arrive within this. */
  requestMs: number;
  /** How often Node looks for connections past those limits. */
  checkEveryMs: number;
  /** Headers larger than this are answered 431. */
  maxHeaderBytes: number;
  /** An API body larger than this is answered 413 (file chunks are 1 MB as base64). */
  maxBodyBytes: number;
  /** Open connections at once; more wait in the kernel's queue. */
  maxConnections: number;
}

const DEFAULT_LIMITS: HttpLimits = {
  headersMs: 15_000,
  requestMs: 60_000,
  checkEveryMs: 2_000,
  maxHeaderBytes: 16 * 1024,
  maxBodyBytes: 2 * 1024 * 1024,
  maxConnections: 500,
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};
const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
};

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...SECURITY_HEADERS,
  });
  res.end(text);
}

function sendError(res: http.ServerResponse, err: ApiError) {
  const body: ApiErrorBody = err.toBody();
  sendJson(res, HTTP_STATUS[err.code], { ok: false, error: body });
}

const refusal = (status: number) =>
  Object.assign(new ApiError({ code: 'VALIDATION', message: status === 413 ? 'errors.tooLarge' : 'errors.badJson' }), {
    status,
  });

/**
 * The body as text, at most `max` bytes. Past the limit it keeps draining (so the client gets the
 * answer) but stores nothing. A client that goes away before the end settles it too, so no
 * request is left waiting for ever.
 */
function readBody(req: http.IncomingMessage, max: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= max) chunks.push(c);
    });
    req.on('end', () => (size > max ? reject(refusal(413)) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', () => reject(refusal(400)));
    req.on('close', () => {
      if (!req.complete) reject(refusal(400));
    });
  });
}

const isLoopback = (host: string) => host === '127.0.0.1' || host === 'localhost' || host === '::1';

/**
 * Only requests addressed to this loopback server: refuses DNS-rebinding pages that name another host.
 * The office server is reached by whatever name or address the office uses, so it takes any.
 */
function hostAllowed(req: http.IncomingMessage, port: number, lan: boolean): boolean {
  const host = req.headers.host ?? '';
  return lan ? host !== '' : host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** A browser sends Origin on cross-site requests: only our own page may call the API. */
function originAllowed(req: http.IncomingMessage, port: number, lan: boolean): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (lan) return origin === `https://${req.headers.host}`;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/** A JSON object (the contract's inputs are objects); an empty body is an empty input. */
function parseInput(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  const value: unknown = JSON.parse(text);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw refusal(400);
  return value as Record<string, unknown>;
}

async function handleApi(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  core: Dispatcher,
  method: string,
  maxBody: number,
) {
  if (req.method !== 'POST')
    return sendError(res, new ApiError({ code: 'UNKNOWN_METHOD', message: 'errors.unknownMethod' }));
  // JSON only: a cross-site form post cannot set this content type without a preflight.
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    return sendError(res, new ApiError({ code: 'VALIDATION', message: 'errors.contentType' }));
  }
  let input: unknown;
  try {
    input = parseInput(await readBody(req, maxBody));
  } catch (e) {
    // The body never came and the server's clientError handler has already answered the socket
    // (408 for a client too slow, 400 for a broken chunk) and is closing it: a second answer here would
    // be a write after end, which destroys the socket before TLS has flushed that first answer.
    if (!res.socket?.writable) return;
    const status = (e as { status?: number }).status ?? 400;
    return sendJson(res, status, { ok: false, error: (e instanceof ApiError ? e : refusal(400)).toBody() });
  }
  const auth = req.headers.authorization;
  const token = auth?.startsWith('Bearer ') ? auth.slice(7) : null;
  try {
    const result = await core.dispatch(method, input, { token, client: clientAddress(req) });
    sendJson(res, 200, { ok: true, result: req.headers[PACKED_ROWS_HEADER] === 'packed' ? packRows(result) : result });
  } catch (e) {
    sendError(res, e instanceof ApiError ? e : new ApiError({ code: 'INTERNAL', message: 'errors.internal' }));
  }
}

/** The caller's address as sign-in throttling counts it (IPv4 in IPv6 form is the IPv4 address). */
const clientAddress = (req: http.IncomingMessage) => (req.socket.remoteAddress ?? 'unknown').replace(/^::ffff:/, '');

async function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, dir: string) {
  let rel: string;
  try {
    rel = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname).replace(/^\/+/, '');
  } catch {
    res.writeHead(400, SECURITY_HEADERS).end();
    return;
  }
  const root = path.resolve(dir);
  let file = path.resolve(root, rel);
  if (rel.includes('\0') || (file !== root && !file.startsWith(root + path.sep))) {
    res.writeHead(rel.includes('\0') ? 400 : 403, SECURITY_HEADERS).end();
    return;
  }
  if (!existsSync(file) || statSync(file).isDirectory()) file = path.join(root, 'index.html'); // SPA fallback
  const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
  const cache = file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
  res.writeHead(200, { 'Content-Type': type, 'Cache-Control': cache, ...SECURITY_HEADERS });
  // pipeline, not pipe: a read error (the file replaced by an update) ends this response, not the process.
  await pipeline(createReadStream(file), res).catch(() => res.destroy());
}

const answerAndClose = (socket: Duplex, status: number) =>
  socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? ''}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);

/** Node's parser refused the bytes (bad request line, header, chunk) or the client was too slow. */
function onClientError(err: NodeJS.ErrnoException, socket: Duplex) {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const status =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? 431
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? 408
        : err.code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW'
          ? 413
          : 400;
  answerAndClose(socket, status);
}

/** POST /api/<method> → the same dispatch the desktop IPC uses; everything else is the built renderer. */
export function startHttpServer(
  opts: HttpOptions,
): Promise<{ server: http.Server; url: string; close(): Promise<void> }> {
  const host = opts.host ?? '127.0.0.1';
  const lan = !isLoopback(host);
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const log = opts.log ?? ((message: string, err?: unknown) => console.error(message, err ?? ''));
  // On the LAN the sign-in password and every session token cross the wire: never in clear.
  if (lan && !opts.tls) return Promise.reject(new Error(`HTTPS is required to listen on ${host}`));

  const route = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const port = (server.address() as { port: number } | null)?.port ?? opts.port;
    if (!hostAllowed(req, port, lan)) {
      res.writeHead(421, SECURITY_HEADERS).end();
      return;
    }
    const url = req.url ?? '/';
    if (url.startsWith('/api/')) {
      if (!originAllowed(req, port, lan))
        return sendError(res, new ApiError({ code: 'FORBIDDEN', message: 'errors.forbidden' }));
      return handleApi(req, res, opts.core, url.slice(5).split('?')[0] ?? '', limits.maxBodyBytes);
    }
    if (opts.updatesDir && url.startsWith(UPDATES_PATH)) return serveUpdateFeed(req, res, opts.updatesDir);
    if (opts.staticDir && (req.method === 'GET' || req.method === 'HEAD')) return serveStatic(req, res, opts.staticDir);
    // Whatever the client sent is drained, so a keep-alive connection stays in step.
    req.resume();
    res.writeHead(404, SECURITY_HEADERS).end();
  };

  // One request's unexpected error is logged and answered 500; it never ends the process.
  const listener: http.RequestListener = (req, res) => {
    route(req, res).catch((err: unknown) => {
      log(`[http] ${req.method} ${String(req.url).slice(0, 200)} failed:`, err);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'errors.internal' } });
      else res.destroy();
    });
  };
  const serverOptions = {
    maxHeaderSize: limits.maxHeaderBytes,
    requestTimeout: limits.requestMs,
    headersTimeout: limits.headersMs,
    connectionsCheckingInterval: limits.checkEveryMs,
  };
  const server: http.Server = opts.tls
    ? // A handshake left half-done holds a socket as a slow sender does: the same limit (Node's default is 2 min).
      https.createServer(
        { ...serverOptions, handshakeTimeout: limits.headersMs, cert: opts.tls.cert, key: opts.tls.key },
        listener,
      )
    : http.createServer(serverOptions, listener);
  server.on('clientError', onClientError);
  // Neither tunnels (CONNECT) nor protocol upgrades (WebSocket) are served: a plain refusal, not a silent close.
  server.on('connect', (_req: http.IncomingMessage, socket: Duplex) => answerAndClose(socket, 405));
  server.on('upgrade', (_req: http.IncomingMessage, socket: Duplex) => answerAndClose(socket, 400));
  // A TLS handshake that fails (plain HTTP, random bytes, an old client) only closes that socket.
  server.on('tlsClientError', (_err: Error, socket: Duplex) => socket.destroy());
  server.maxConnections = limits.maxConnections;
  // A browser keeps its idle connection longer than Node's 5 s default; closing it first races the
  // next request on that socket (ECONNRESET) after any pause of the event loop.
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, host, () => {
      server.off('error', reject);
      // A failure after start (a socket error nobody else handles) is logged, not thrown.
      server.on('error', (err) => log('[http] server error:', err));
      const { port } = server.address() as { port: number };
      resolve({
        server,
        url: `${opts.tls ? 'https' : 'http'}://${lan ? '127.0.0.1' : host}:${port}`,
        close: () =>
          new Promise<void>((r) => {
            server.close(() => r());
            server.closeAllConnections();
          }),
      });
    });
  });
}
