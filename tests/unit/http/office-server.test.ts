import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../electron/contract';
import type { Dispatcher } from '../../../electron/core/dispatch';
import { loadServerCertificate, type ServerCertificate } from '../../../electron/http/certificate';
import { readServerConfig, withoutPassword } from '../../../electron/http/office-server';
import { createRemoteDispatcher, probeServer, unreachableReason } from '../../../electron/http/remote';
import { startHttpServer } from '../../../electron/http/server';
import { ADMIN_PASSWORD, openTestCore, type TestCore } from '../helpers/core';

// The office server on the LAN: HTTPS with a certificate made once and pinned by each client.
// 127.0.0.2 stands for a LAN address (it is not the loopback name the browser mode answers to).
const LAN = '127.0.0.2';

let t: TestCore;
let dir: string;
let cert: ServerCertificate;
let server: Awaited<ReturnType<typeof startHttpServer>>;
let url: string;
const received: string[] = [];

beforeAll(async () => {
  t = await openTestCore();
  dir = mkdtempSync(path.join(tmpdir(), 'griddesk-tls-'));
  cert = await loadServerCertificate(dir);
  // Counts what reaches the core, to prove a refused client sent nothing.
  const counting: Dispatcher = { dispatch: (m, i, a) => (received.push(m), t.core.dispatch(m, i, a)) };
  server = await startHttpServer({ core: counting, host: LAN, port: 0, tls: cert });
  url = `https://${LAN}:${(server.server.address() as { port: number }).port}`;
}, 60_000);
afterAll(async () => {
  await server.close();
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the server certificate', () => {
  it('is made once and kept: the fingerprint clients pinned stays the same across restarts', async () => {
    expect(cert.created).toBe(true);
    expect(cert.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const again = await loadServerCertificate(dir);
    expect(again).toMatchObject({ created: false, fingerprint: cert.fingerprint });
  });

  it('a client probing the server sees the same fingerprint the server prints', async () => {
    expect((await probeServer(url)).fingerprint).toBe(cert.fingerprint);
  });
});

describe('a desktop client pinned to the server', () => {
  it('signs in and works through the server with the confirmed fingerprint; refusals keep their field and message', async () => {
    const remote = createRemoteDispatcher({ url, fingerprint: cert.fingerprint });
    try {
      const { token } = (await remote.dispatch(
        'accounts.login',
        { username: 'admin', password: ADMIN_PASSWORD },
        {},
      )) as { token: string };
      expect(await remote.dispatch('accounts.me', {}, { token })).toMatchObject({ username: 'admin', role: 'admin' });
      const refused = await remote.dispatch('townships.save', { name: '' }, { token }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ApiError);
      expect(refused).toMatchObject({ code: 'VALIDATION', issues: [expect.objectContaining({ path: ['name'] })] });
    } finally {
      remote.close();
    }
  });

  it('stops before sending anything when the server presents another certificate (an impostor)', async () => {
    const before = received.length;
    const remote = createRemoteDispatcher({
      url,
      fingerprint: cert.fingerprint.replace(/^../, cert.fingerprint.startsWith('00') ? '11' : '00'),
    });
    try {
      const refused = await remote
        .dispatch('accounts.login', { username: 'admin', password: ADMIN_PASSWORD }, {})
        .catch((e: unknown) => e);
      expect(refused).toMatchObject({
        code: 'RULE',
        message: 'errors.certificateChanged',
        params: { presented: cert.fingerprint },
      });
    } finally {
      remote.close();
    }
    expect(received.length).toBe(before);
  });

  it('an unreachable server is a clear message naming it', async () => {
    const remote = createRemoteDispatcher({ url: `https://${LAN}:1`, fingerprint: cert.fingerprint, timeoutMs: 3000 });
    await expect(remote.dispatch('accounts.me', {}, {})).rejects.toMatchObject({
      code: 'RULE',
      message: 'errors.serverUnreachable',
      params: { server: `${LAN}:1`, reason: 'refused' },
    });
    remote.close();
  });

  it('says why a server cannot be reached, in the words the desk’s screen uses', () => {
    const err = (code: string) => Object.assign(new Error(code), { code });
    expect(
      ['ECONNREFUSED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPROTO'].map((c) =>
        unreachableReason(err(c)),
      ),
    ).toEqual(['refused', 'timeout', 'noRoute', 'noRoute', 'noRoute', 'noRoute', 'other']);
    expect(unreachableReason(new Error('timeout'))).toBe('timeout');
  });

  it('a pinned client names both fingerprints when the certificate changed', async () => {
    const pinned = cert.fingerprint.replace(/^../, cert.fingerprint.startsWith('00') ? '11' : '00');
    const remote = createRemoteDispatcher({ url, fingerprint: pinned });
    try {
      await expect(remote.dispatch('accounts.me', {}, {})).rejects.toMatchObject({
        message: 'errors.certificateChanged',
        params: { presented: cert.fingerprint, pinned },
      });
    } finally {
      remote.close();
    }
  });
});

describe('the LAN listener', () => {
  it('will not listen off the loopback address without HTTPS', async () => {
    await expect(startHttpServer({ core: t.core, host: LAN, port: 0 })).rejects.toThrow(/HTTPS/);
  });

  it('answers no plain-HTTP request', async () => {
    const port = (server.server.address() as { port: number }).port;
    const status = await new Promise<number | string>((resolve) => {
      const req = httpRequest(
        { host: LAN, port, path: '/api/accounts.me', method: 'POST', headers: { 'Content-Type': 'application/json' } },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', (e) => resolve((e as NodeJS.ErrnoException).code ?? 'error'));
      req.end('{}');
    });
    expect(status === 400 || typeof status === 'string').toBe(true);
  });

  it('refuses API calls from a page of another origin, takes them from its own', async () => {
    const port = (server.server.address() as { port: number }).port;
    const ask = (origin: string) =>
      new Promise<number>((resolve, reject) => {
        const req = httpsRequest(
          {
            host: LAN,
            port,
            path: '/api/accounts.me',
            method: 'POST',
            ca: cert.cert,
            checkServerIdentity: () => undefined,
            headers: { 'Content-Type': 'application/json', Origin: origin, Authorization: `Bearer ${t.adminToken}` },
          },
          (res) => (res.resume(), resolve(res.statusCode ?? 0)),
        );
        req.on('error', reject);
        req.end('{}');
      });
    expect(await ask('https://evil.example')).toBe(403);
    expect(await ask(`https://${LAN}:${port}`)).toBe(200);
  });
});

describe('server settings', () => {
  it('reads the config file with the environment over it, and names what is missing', () => {
    const file = path.join(dir, 'server.json');
    writeFileSync(file, JSON.stringify({ postgres: 'postgres://griddesk:s3cret@db:5432/griddesk', port: 6000 }));
    expect(readServerConfig(file, {})).toEqual({
      postgres: 'postgres://griddesk:s3cret@db:5432/griddesk',
      host: '0.0.0.0',
      port: 6000,
    });
    expect(
      readServerConfig(file, { GRIDDESK_SERVER_PORT: '7000', GRIDDESK_SERVER_HOST: '192.168.1.20' }),
    ).toMatchObject({ port: 7000, host: '192.168.1.20' });
    expect(() => readServerConfig(path.join(dir, 'none.json'), {})).toThrow(/GRIDDESK_PG_URL/);
    expect(() => readServerConfig(file, { GRIDDESK_SERVER_PORT: '70000' })).toThrow(/端口/);
    expect(withoutPassword('postgres://griddesk:s3cret@db:5432/griddesk')).toBe(
      'postgres://griddesk:***@db:5432/griddesk',
    );
  });
});
