import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { ApiError, HTTP_STATUS, PACKED_ROWS_HEADER, packRows, type ApiErrorBody } from '../contract';
import type { Dispatcher } from '../core/dispatch';

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
}

const MAX_BODY = 2 * 1024 * 1024;
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
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...SECURITY_HEADERS });
  res.end(text);
}

function sendError(res: http.ServerResponse, err: ApiError) {
  const body: ApiErrorBody = err.toBody();
  sendJson(res, HTTP_STATUS[err.code], { ok: false, error: body });
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      // Past the limit keep draining (so the client gets the answer) but store nothing.
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () =>
      size > MAX_BODY ? reject(new ApiError({ code: 'VALIDATION', message: 'errors.tooLarge' })) : resolve(Buffer.concat(chunks).toString('utf8')),
    );
    req.on('error', reject);
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

async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, core: Dispatcher, method: string) {
  if (req.method !== 'POST') return sendError(res, new ApiError({ code: 'UNKNOWN_METHOD', message: 'errors.unknownMethod' }));
  // JSON only: a cross-site form post cannot set this content type without a preflight.
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    return sendError(res, new ApiError({ code: 'VALIDATION', message: 'errors.contentType' }));
  }
  let input: unknown;
  try {
    const text = await readBody(req);
    input = text.length ? JSON.parse(text) : {};
  } catch (e) {
    return sendError(res, e instanceof ApiError ? e : new ApiError({ code: 'VALIDATION', message: 'errors.badJson' }));
  }
  const auth = req.headers.authorization;
  const token = auth?.startsWith('Bearer ') ? auth.slice(7) : null;
  try {
    const result = await core.dispatch(method, input, { token });
    sendJson(res, 200, { ok: true, result: req.headers[PACKED_ROWS_HEADER] === 'packed' ? packRows(result) : result });
  } catch (e) {
    sendError(res, e instanceof ApiError ? e : new ApiError({ code: 'INTERNAL', message: 'errors.internal' }));
  }
}

function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, dir: string) {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const rel = decodeURIComponent(url.pathname).replace(/^\/+/, '');
  let file = path.resolve(dir, rel);
  if (!file.startsWith(path.resolve(dir))) {
    res.writeHead(403).end();
    return;
  }
  if (!existsSync(file) || statSync(file).isDirectory()) file = path.join(dir, 'index.html'); // SPA fallback
  const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
  const cache = file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
  res.writeHead(200, { 'Content-Type': type, 'Cache-Control': cache, ...SECURITY_HEADERS });
  createReadStream(file).pipe(res);
}

/** POST /api/<method> → the same dispatch the desktop IPC uses; everything else is the built renderer. */
export function startHttpServer(opts: HttpOptions): Promise<{ server: http.Server; url: string; close(): Promise<void> }> {
  const host = opts.host ?? '127.0.0.1';
  const lan = !isLoopback(host);
  // On the LAN the sign-in password and every session token cross the wire: never in clear.
  if (lan && !opts.tls) return Promise.reject(new Error(`HTTPS is required to listen on ${host}`));
  const listener: http.RequestListener = (req, res) => {
    if (!hostAllowed(req, (server.address() as { port: number }).port, lan)) {
      res.writeHead(421).end();
      return;
    }
    const url = req.url ?? '/';
    if (url.startsWith('/api/')) {
      if (!originAllowed(req, (server.address() as { port: number }).port, lan)) {
        sendError(res, new ApiError({ code: 'FORBIDDEN', message: 'errors.forbidden' }));
        return;
      }
      void handleApi(req, res, opts.core, url.slice(5).split('?')[0] ?? '');
      return;
    }
    if (opts.staticDir && req.method === 'GET') {
      serveStatic(req, res, opts.staticDir);
      return;
    }
    res.writeHead(404).end();
  };
  const server: http.Server = opts.tls ? https.createServer({ cert: opts.tls.cert, key: opts.tls.key }, listener) : http.createServer(listener);
  server.requestTimeout = 120_000;
  // A browser keeps its idle connection longer than Node's 5 s default; closing it first races the
  // next request on that socket (ECONNRESET) after any pause of the event loop.
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, host, () => {
      const { port } = server.address() as { port: number };
      resolve({
        server,
        url: `${opts.tls ? 'https' : 'http'}://${lan ? '127.0.0.1' : host}:${port}`,
        close: () => new Promise<void>((r) => server.close(() => r())),
      });
    });
  });
}
