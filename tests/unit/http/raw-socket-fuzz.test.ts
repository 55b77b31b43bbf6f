import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { contentHash } from '../helpers/db-hash';
import type { TestCore } from '../helpers/core';
import { closePostgresHashReader, createTestDatabase, dropTestDatabase, onPostgres } from '../helpers/postgres';
import { closeHashReader } from '../helpers/db-hash';

// Bytes on a socket, not the typed client: what any PC on the LAN can send. Both servers (the
// loopback one of `npm run serve`, the office server's HTTPS) run in a child process; each gets
// hostile requests built from a seeded generator. Every answer must be a 4xx, the process must
// stay up and answer a good request afterwards, and the ledgers must be exactly as they were.
const PER_SERVER = 2600;
const CONCURRENCY = 16;
const SEED = 20261205;

interface Target {
  name: 'loopback' | 'lan';
  host: string;
  port: number;
  tls: boolean;
}

/** One hostile request: its bytes in pieces, how they are sent, and what the test expects. */
interface Shot {
  label: string;
  parts: Buffer[];
  /** Pause between parts (a slow sender). */
  gapMs?: number;
  /** The client goes away after sending (an early close): nothing to expect back. */
  hangUp?: boolean;
  /** Plain bytes to the HTTPS port (or a broken handshake): the TLS layer drops it without an HTTP answer. */
  raw?: boolean;
}

interface Outcome {
  status: number | null;
  /** reset: the server answered and closed while the client was still sending, and TCP dropped the answer. */
  ended: 'answered' | 'closed' | 'reset' | 'timeout' | 'hung-up';
  /** What came back (head and the start of the body), to tell a harmless success from a leak. */
  text?: string;
}

let child: ChildProcess;
let dir: string;
let pgName: string | null = null;
let servers: { loopback: string; lan: string; file: string };
let fakeCore: TestCore;
const stderr: string[] = [];

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function post(url: string, method: string, body: unknown, token?: string) {
  const res = await fetch(`${url}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; result?: Record<string, unknown> } };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'griddesk-rawfuzz-'));
  const pg = onPostgres ? await createTestDatabase() : null;
  pgName = pg?.name ?? null;
  child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'hostile-servers.child.ts'), dir, ...(pg ? [pg.connectionString] : [])],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stderr!.on('data', (c: Buffer) => stderr.push(c.toString()));
  servers = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]!));
    });
    child.once('exit', (code) => reject(new Error(`server process ended (${code}): ${stderr.join('')}`)));
  });
  fakeCore = { core: { file: servers.file }, postgres: pg?.connectionString ?? null } as unknown as TestCore;
  // Ledgers with something in them, so "unchanged" means something.
  const setup = await post(servers.loopback, 'accounts.setup', { password: 'Admin2026' });
  expect(setup.status).toBe(200);
  const token = setup.body.result!.token as string;
  expect((await post(servers.loopback, 'demo.load', { vegetationRecords: 30 }, token)).status).toBe(200);
  await post(servers.loopback, 'accounts.logout', {}, token);
}, 120_000);

afterAll(async () => {
  child?.kill('SIGTERM');
  await new Promise((r) => (child?.exitCode !== null ? r(null) : child.once('exit', r)));
  closeHashReader(servers?.file ?? '');
  if (fakeCore?.postgres) await closePostgresHashReader(fakeCore.postgres);
  if (pgName) await dropTestDatabase(pgName);
  rmSync(dir, { recursive: true, force: true });
});

const CRLF = '\r\n';
const JSON_TYPE = 'Content-Type: application/json';

/** Requests that are refused as they stand; the generator then breaks them further. */
function bases(target: Target): { label: string; line: string; headers: string[]; body: string | Buffer }[] {
  const host = `Host: ${target.name === 'loopback' ? '127.0.0.1' : '127.0.0.2'}:${target.port}`;
  const api = (method: string, body: string | Buffer, extra: string[] = []) => ({
    label: `POST ${method}`,
    line: `POST /api/${method} HTTP/1.1`,
    headers: [host, JSON_TYPE, ...extra],
    body,
  });
  const get = (p: string) => ({ label: `GET ${p}`, line: `GET ${p} HTTP/1.1`, headers: [host], body: '' });
  const list = JSON.stringify({ startRow: 0, endRow: 10, sortModel: [{ colId: 'constructor', sort: 'asc' }] });
  return [
    api('vegetation.list', list),
    api('vegetation.list', list, ['Authorization: Bearer ' + 'x'.repeat(43)]),
    api(
      'accounts.saveUser',
      JSON.stringify({ username: 'intruder', displayName: 'x', role: 'admin', initialPassword: 'Hack12345' }),
    ),
    api('accounts.setup', JSON.stringify({ password: 'Takeover123' })),
    api('no.such.method', '{}'),
    api('%zz', '{}'),
    api('%', '{}'),
    api('constructor', '{}'),
    api('__proto__', '{}'),
    api('accounts.setupStatus', 'null'),
    api('accounts.setupStatus', '[]'),
    api('accounts.setupStatus', '"x"'),
    api('accounts.setupStatus', '{'),
    api('accounts.setupStatus', '{"a":' + '['.repeat(5000)),
    api('accounts.setupStatus', Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x7b])),
    api('accounts.setupStatus', '{}', ['Origin: http://evil.example']),
    { ...api('accounts.setupStatus', '{}'), headers: [host, 'Content-Type: text/plain'] },
    { ...api('vegetation.list', list), line: 'DELETE /api/vegetation.list HTTP/1.1' },
    get('/%'),
    get('/%E0%A4%A'),
    get('/..%2f..%2f..%2f..%2fetc%2fpasswd'),
    get('/assets/%00app.js'),
    get('/api/accounts.setupStatus'),
  ];
}

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

/** One base request, broken in one or two of many ways. */
function makeShot(rnd: () => number, target: Target): Shot {
  const base = pick(rnd, bases(target));
  let line = base.line;
  let headers = [...base.headers];
  let body = Buffer.isBuffer(base.body) ? base.body : Buffer.from(base.body);
  let framing:
    'length' | 'chunked' | 'bad-chunk' | 'lying-chunk' | 'lying-length' | 'both' | 'two-lengths' | 'bad-length' =
    'length';
  const labels = [base.label];
  const extraMutations = Math.floor(rnd() * 3);
  let gapMs: number | undefined;
  let hangUp = false;
  let split = false;
  for (let i = 0; i < extraMutations; i++) {
    const m = Math.floor(rnd() * 16);
    labels.push(`m${m}`);
    switch (m) {
      case 0:
        line = line.replace('HTTP/1.1', pick(rnd, ['HTTP/1.0', 'HTTP/2.0', 'HTTP/9.9', 'HTTP/1.1 x', '']));
        break;
      case 1:
        headers.push(`X-Big: ${'a'.repeat(pick(rnd, [17_000, 40_000]))}`);
        break;
      case 2:
        headers = headers.concat(Array.from({ length: 1200 }, (_, k) => `X-H${k}: v`));
        break;
      case 3:
        headers.push(
          pick(rnd, ['X-Bad: a\u0000b', 'NoColonHere', 'Bad Name: x', ' folded: continuation', 'X-Ctl: \u0007']),
        );
        break;
      case 4:
        headers = headers
          .filter((h) => !h.startsWith('Host:'))
          .concat(pick(rnd, [[], ['Host: evil.example'], ['Host: a', 'Host: b'], [`Host: ${'h'.repeat(300)}`]]));
        break;
      case 5:
        framing = pick(rnd, [
          'chunked',
          'bad-chunk',
          'lying-chunk',
          'lying-length',
          'both',
          'two-lengths',
          'bad-length',
        ] as const);
        break;
      case 6:
        headers.push('Expect: 100-continue');
        break;
      case 7:
        headers.push('Connection: Upgrade', 'Upgrade: websocket');
        break;
      case 8:
        line = line.replace(
          /^\S+/,
          pick(rnd, ['CONNECT', 'TRACE', 'G ET', 'PO\u0000ST', 'OPTIONS', 'HEAD', 'X'.repeat(200)]),
        );
        break;
      case 9:
        line = line.replace(
          / \//,
          ` /${pick(rnd, ['%', '%c0%af', '\u00ff', '..%5c..%5c', 'a'.repeat(70_000), '?%%%', '#frag'])}`,
        );
        break;
      case 10:
        body = Buffer.from('x'.repeat(3 * 1024 * 1024));
        break;
      case 11:
        headers.push(
          `Authorization: ${pick(rnd, ['Bearer ', 'Bearer ' + 'y'.repeat(9000), 'Basic YWRtaW46YWRtaW4=', 'Bearer \u00e9\u00e9'])}`,
        );
        break;
      case 12:
        gapMs = 400;
        split = true;
        labels.push('slow');
        break;
      case 13:
        hangUp = true;
        split = true;
        break;
      case 14:
        split = true;
        break;
      case 15:
        headers.push('Content-Type: application/json', 'Content-Type: text/html');
        break;
    }
  }
  // Most requests are flipped here and there too: bytes nobody planned.
  const flips = rnd() < 0.5 ? 0 : 1 + Math.floor(rnd() * 3);
  const head = (extra: string[]) => Buffer.from([line, ...headers, ...extra].join(CRLF) + CRLF + CRLF, 'latin1');
  let bytes: Buffer;
  switch (framing) {
    case 'length':
      bytes = Buffer.concat([head([`Content-Length: ${body.length}`]), body]);
      break;
    case 'chunked':
      bytes = Buffer.concat([
        head(['Transfer-Encoding: chunked']),
        Buffer.from(`${body.length.toString(16)}\r\n`),
        body,
        Buffer.from('\r\n0\r\n\r\n'),
      ]);
      break;
    case 'bad-chunk':
      bytes = Buffer.concat([
        head(['Transfer-Encoding: chunked']),
        Buffer.from('zz\r\n'),
        body,
        Buffer.from('\r\n0\r\n\r\n'),
      ]);
      break;
    case 'lying-chunk':
      bytes = Buffer.concat([head(['Transfer-Encoding: chunked']), Buffer.from('fffff\r\n'), body]);
      break;
    case 'lying-length':
      bytes = Buffer.concat([head([`Content-Length: ${body.length + 5000}`]), body]);
      break;
    case 'both':
      bytes = Buffer.concat([head(['Transfer-Encoding: chunked', `Content-Length: ${body.length}`]), body]);
      break;
    case 'two-lengths':
      bytes = Buffer.concat([head([`Content-Length: ${body.length}`, `Content-Length: ${body.length + 1}`]), body]);
      break;
    case 'bad-length':
      bytes = Buffer.concat([
        head([`Content-Length: ${pick(rnd, ['-1', 'abc', '99999999999999999999', '1e3', '+5'])}`]),
        body,
      ]);
      break;
  }
  for (let f = 0; f < flips; f++) bytes[Math.floor(rnd() * bytes.length)] = Math.floor(rnd() * 256);
  if (flips) labels.push(`flip${flips}`);
  labels.push(framing);
  const parts: Buffer[] = [];
  if (split) {
    const pieces = gapMs ? 6 : 2 + Math.floor(rnd() * 20);
    const size = Math.ceil(bytes.length / pieces);
    for (let o = 0; o < bytes.length; o += size) parts.push(bytes.subarray(o, o + size));
    if (hangUp) parts.splice(Math.max(1, Math.floor(parts.length / 2)));
  } else parts.push(bytes);
  return { label: labels.join(' '), parts, ...(gapMs ? { gapMs } : {}), hangUp };
}

/** Plain HTTP to the HTTPS port, random bytes, a broken handshake: the TLS layer's own refusals. */
function rawShot(rnd: () => number): Shot {
  const kind = Math.floor(rnd() * 3);
  const bytes =
    kind === 0
      ? Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n')
      : kind === 1
        ? Buffer.from(Array.from({ length: 1 + Math.floor(rnd() * 600) }, () => Math.floor(rnd() * 256)))
        : Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03]);
  return { label: `raw-tls ${kind}`, parts: [bytes], raw: true };
}

function fire(target: Target, shot: Shot): Promise<Outcome> {
  return new Promise((resolve) => {
    const socket: net.Socket =
      target.tls && !shot.raw
        ? tls.connect({ host: target.host, port: target.port, rejectUnauthorized: false })
        : net.connect({ host: target.host, port: target.port });
    let received = '';
    let settled = false;
    const done = (o: Outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(o);
    };
    // Long enough for the server's own limits (1.5 s for headers, 3 s for a request, checked every 0.25 s).
    const timer = setTimeout(() => done({ status: null, ended: 'timeout', text: received.slice(0, 300) }), 8000);
    socket.on('data', (c: Buffer) => {
      received += c.toString('latin1');
      // 1xx answers (100 Continue) come before the real one.
      const final = [...received.matchAll(/HTTP\/1\.[01] (\d{3})[^\r\n]*\r\n/g)]
        .map((m) => Number(m[1]))
        .find((s) => s >= 200);
      // A success is judged by its body too: wait for the first bytes after the head.
      const headOnly = shot.parts[0]!.subarray(0, 5).toString('latin1') === 'HEAD ' && received.includes('\r\n\r\n');
      if (
        final !== undefined &&
        (final >= 300 || headOnly || /\r\n\r\n[\s\S]+/.test(received) || /Content-Length: 0\r\n/i.test(received))
      ) {
        done({ status: final, ended: 'answered', text: received.slice(0, 2000) });
      }
    });
    socket.on('error', (err: NodeJS.ErrnoException) =>
      done({ status: null, ended: err.code === 'ECONNRESET' || err.code === 'EPIPE' ? 'reset' : 'closed' }),
    );
    socket.on('close', () => done({ status: null, ended: shot.hangUp ? 'hung-up' : 'closed' }));
    socket.once(target.tls && !shot.raw ? 'secureConnect' : 'connect', async () => {
      for (const [i, part] of shot.parts.entries()) {
        if (settled || socket.destroyed) return;
        socket.write(part);
        if (shot.gapMs && i < shot.parts.length - 1) await new Promise((r) => setTimeout(r, shot.gapMs));
      }
      if (shot.hangUp) done({ status: null, ended: 'hung-up' });
    });
  });
}

/** The renderer's own files, or the setup status every sign-in screen may ask for. */
function harmless(text: string): boolean {
  const body = text.slice(text.indexOf('\r\n\r\n') + 4);
  return (
    /^HTTP\/1\.[01] (200|304)/.test(text) &&
    (body.includes('<!doctype html><title>GridDesk</title>') ||
      body.includes('console.log(1)') ||
      /^\{"ok":true,"result":\{"needsSetup":false,"needsCode":false\}\}$/.test(body) ||
      body === '')
  );
}

async function hammer(target: Target, shots: Shot[]) {
  const outcomes: { shot: Shot; outcome: Outcome }[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < shots.length) {
        const shot = shots[next++]!;
        outcomes.push({ shot, outcome: await fire(target, shot) });
      }
    }),
  );
  return outcomes;
}

it(`${PER_SERVER * 2} hostile requests on raw sockets to both servers: no server error or leak, the process up, the ledgers unchanged`, async () => {
  const before = await contentHash(fakeCore);
  const rnd = mulberry32(SEED);
  const targets: Target[] = [
    { name: 'loopback', host: '127.0.0.1', port: Number(new URL(servers.loopback).port), tls: false },
    { name: 'lan', host: '127.0.0.2', port: Number(new URL(servers.lan).port), tls: true },
  ];
  const t0 = Date.now();
  const report: string[] = [];
  for (const target of targets) {
    const shots = Array.from({ length: PER_SERVER }, (_, i) =>
      target.tls && i % 25 === 0 ? rawShot(rnd) : makeShot(rnd, target),
    );
    const outcomes = await hammer(target, shots);
    const tally = new Map<string, number>();
    for (const { outcome } of outcomes)
      tally.set(
        outcome.status !== null ? String(outcome.status) : outcome.ended,
        (tally.get(outcome.status !== null ? String(outcome.status) : outcome.ended) ?? 0) + 1,
      );
    report.push(
      `${target.name}: ${outcomes.length} sent — ${[...tally]
        .sort()
        .map(([k, n]) => `${k} ×${n}`)
        .join(', ')}`,
    );
    // Never a server error. A flipped byte can turn a request into a harmless one (a page of the
    // renderer, the public setup status); any other success would be a leak or a write.
    const errors = outcomes.filter(({ outcome }) => outcome.status !== null && outcome.status >= 500);
    expect(
      errors.slice(0, 5).map(({ shot, outcome }) => `${outcome.status} ← ${shot.label}`),
      `${target.name}: server errors`,
    ).toEqual([]);
    const leaks = outcomes.filter(
      ({ outcome }) => outcome.status !== null && outcome.status < 400 && !harmless(outcome.text ?? ''),
    );
    expect(
      leaks.slice(0, 5).map(({ shot, outcome }) => `${outcome.status} ← ${shot.label}: ${outcome.text?.slice(-200)}`),
      `${target.name}: successes beyond the renderer's files`,
    ).toEqual([]);
    // Nothing is left hanging: a request the client completed (or stopped sending) is answered or closed by the server.
    const hung = outcomes.filter(({ outcome }) => outcome.ended === 'timeout');
    expect(
      hung
        .slice(0, 5)
        .map(
          ({ shot, outcome }) =>
            `${shot.label}: ${JSON.stringify(shot.parts.map((p) => p.toString('latin1').slice(0, 120)))} → ${JSON.stringify(outcome.text)}`,
        ),
      `${target.name}: no answer within the server's limits`,
    ).toEqual([]);
    // Only the TLS layer (raw bytes, broken handshakes) and the client's own hang-ups end without an HTTP answer.
    const unanswered = outcomes.filter(({ shot, outcome }) => outcome.ended === 'closed' && !shot.raw);
    expect(
      unanswered.slice(0, 5).map(({ shot }) => shot.label),
      `${target.name}: closed without an answer`,
    ).toEqual([]);
  }
  // The process is alive and still serves both addresses.
  expect(child.exitCode).toBeNull();
  expect(() => process.kill(child.pid!, 0)).not.toThrow();
  expect((await post(servers.loopback, 'accounts.setupStatus', {})).body).toEqual({
    ok: true,
    result: { needsSetup: false, needsCode: false },
  });
  const lan = { name: 'lan', host: '127.0.0.2', port: Number(new URL(servers.lan).port), tls: true } as const;
  const lanAnswer = await fire(lan, {
    label: '',
    parts: [
      Buffer.from(
        `POST /api/accounts.setupStatus HTTP/1.1\r\nHost: 127.0.0.2\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}`,
      ),
    ],
  });
  expect(lanAnswer).toMatchObject({ status: 200, text: expect.stringContaining('"needsSetup":false') });
  const unchanged = (await contentHash(fakeCore)) === before;
  console.log(
    `raw-socket fuzz (${onPostgres ? 'PostgreSQL' : 'SQLite'}), ${((Date.now() - t0) / 1000).toFixed(1)} s:\n  ${report.join('\n  ')}\n  process alive: yes; content hash unchanged: ${unchanged ? 'yes' : 'NO'}`,
  );
  expect(unchanged).toBe(true);
  expect(stderr.join('')).not.toMatch(/failed:|server error/);
}, 300_000);

it('each kind of malformed request the issue names gets its own 4xx on both servers', async () => {
  const cases: { label: string; shot: (host: string) => Shot; status: number }[] = [
    {
      label: 'a bad percent-escape in a page path',
      shot: (h) => ({ label: '', parts: [Buffer.from(`GET /% HTTP/1.1\r\n${h}\r\n\r\n`)] }),
      status: 400,
    },
    {
      label: 'a bad percent-escape in a method name',
      shot: (h) => ({
        label: '',
        parts: [Buffer.from(`POST /api/%zz HTTP/1.1\r\n${h}\r\n${JSON_TYPE}\r\nContent-Length: 2\r\n\r\n{}`)],
      }),
      status: 404,
    },
    {
      label: 'a path out of the renderer folder',
      shot: (h) => ({ label: '', parts: [Buffer.from(`GET /..%2f..%2fetc%2fpasswd HTTP/1.1\r\n${h}\r\n\r\n`)] }),
      status: 403,
    },
    {
      label: 'a header of 20 KB',
      shot: (h) => ({
        label: '',
        parts: [Buffer.from(`GET / HTTP/1.1\r\n${h}\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`)],
      }),
      status: 431,
    },
    {
      label: 'a header with a NUL byte',
      shot: (h) => ({ label: '', parts: [Buffer.from(`GET / HTTP/1.1\r\n${h}\r\nX-Bad: a\u0000b\r\n\r\n`, 'latin1')] }),
      status: 400,
    },
    ...['null', '[]', '"x"', '42'].map((body) => ({
      label: `a body that is not an object: ${body}`,
      shot: (h: string) => ({
        label: '',
        parts: [
          Buffer.from(
            `POST /api/accounts.setupStatus HTTP/1.1\r\n${h}\r\n${JSON_TYPE}\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
          ),
        ],
      }),
      status: 400,
    })),
    {
      label: 'a body over 2 MB',
      shot: (h) => ({
        label: '',
        parts: [
          Buffer.from(
            `POST /api/accounts.setupStatus HTTP/1.1\r\n${h}\r\n${JSON_TYPE}\r\nContent-Length: 2100000\r\n\r\n`,
          ),
          Buffer.alloc(2_100_000, 0x20),
        ],
      }),
      status: 413,
    },
    {
      label: 'a chunk size that is not a number',
      shot: (h) => ({
        label: '',
        parts: [
          Buffer.from(
            `POST /api/accounts.setupStatus HTTP/1.1\r\n${h}\r\n${JSON_TYPE}\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`,
          ),
        ],
      }),
      status: 400,
    },
    {
      label: 'a chunk that lies about its length (and the client waits)',
      shot: (h) => ({
        label: '',
        parts: [
          Buffer.from(
            `POST /api/accounts.setupStatus HTTP/1.1\r\n${h}\r\n${JSON_TYPE}\r\nTransfer-Encoding: chunked\r\n\r\n100\r\n{}`,
          ),
        ],
      }),
      status: 408,
    },
    {
      label: 'a Content-Length longer than the body (and the client waits)',
      shot: (h) => ({
        label: '',
        parts: [
          Buffer.from(
            `POST /api/accounts.setupStatus HTTP/1.1\r\n${h}\r\n${JSON_TYPE}\r\nContent-Length: 500\r\n\r\n{}`,
          ),
        ],
      }),
      status: 408,
    },
    {
      label: 'both Content-Length and chunked',
      shot: (h) => ({
        label: '',
        parts: [
          Buffer.from(
            `POST /api/accounts.setupStatus HTTP/1.1\r\n${h}\r\n${JSON_TYPE}\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}`,
          ),
        ],
      }),
      status: 400,
    },
    {
      label: 'a slow sender (a byte of headers every 0.4 s)',
      shot: (h) => ({
        label: '',
        parts: [...Buffer.from(`GET / HTTP/1.1\r\n${h}\r\nX-Slow: abcdefghij\r\n\r\n`)].map((b) => Buffer.from([b])),
        gapMs: 400,
      }),
      status: 408,
    },
    {
      label: 'a tunnel (CONNECT)',
      shot: (h) => ({ label: '', parts: [Buffer.from(`CONNECT 10.0.0.1:443 HTTP/1.1\r\n${h}\r\n\r\n`)] }),
      status: 405,
    },
    {
      label: 'a WebSocket upgrade',
      shot: (h) => ({
        label: '',
        parts: [Buffer.from(`GET / HTTP/1.1\r\n${h}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n`)],
      }),
      status: 400,
    },
  ];
  const targets: Target[] = [
    { name: 'loopback', host: '127.0.0.1', port: Number(new URL(servers.loopback).port), tls: false },
    { name: 'lan', host: '127.0.0.2', port: Number(new URL(servers.lan).port), tls: true },
  ];
  for (const target of targets) {
    const host = `Host: ${target.host}:${target.port}`;
    const got = await Promise.all(cases.map(async (c) => `${c.label}: ${(await fire(target, c.shot(host))).status}`));
    expect(got, target.name).toEqual(cases.map((c) => `${c.label}: ${c.status}`));
    // A client that goes away half-way through its body leaves nothing behind: the next request is answered.
    await fire(target, {
      label: '',
      parts: [
        Buffer.from(
          `POST /api/accounts.setupStatus HTTP/1.1\r\n${host}\r\n${JSON_TYPE}\r\nContent-Length: 100\r\n\r\n{"a":`,
        ),
      ],
      hangUp: true,
    });
    expect(
      (
        await fire(target, {
          label: '',
          parts: [
            Buffer.from(
              `POST /api/accounts.setupStatus HTTP/1.1\r\n${host}\r\n${JSON_TYPE}\r\nContent-Length: 2\r\n\r\n{}`,
            ),
          ],
        })
      ).status,
    ).toBe(200);
  }
  expect(child.exitCode).toBeNull();
}, 120_000);
