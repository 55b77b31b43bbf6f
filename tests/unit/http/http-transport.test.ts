import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PACKED_ROWS_HEADER, packRows, unpackRows } from '../../../electron/contract';
import { startHttpServer } from '../../../electron/http/server';
import { openTestCore, type TestCore } from '../helpers/core';

let t: TestCore;
let http: Awaited<ReturnType<typeof startHttpServer>>;

beforeEach(async () => {
  t = await openTestCore();
  http = await startHttpServer({ core: t.core, port: 0 });
});
afterEach(async () => {
  await http.close();
  await t.close();
});

const post = (method: string, body: unknown, token?: string) =>
  fetch(`${http.url}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

async function auditCount(): Promise<number> {
  const res = await post('audit.list', { startRow: 0, endRow: 1 }, t.adminToken);
  return ((await res.json()) as { result: { rowCount: number } }).result.rowCount;
}

describe('HTTP transport', () => {
  it('answers a signed-in call with the same result as dispatch', async () => {
    const res = await post('accounts.me', {}, t.adminToken);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, result: { username: 'admin', role: 'admin' } });
  });

  it('sends a grid block with its row keys once when the renderer asks, and the same rows come out', async () => {
    await t.call('demo.load', { vegetationRecords: 120 }, t.adminToken);
    const input = { startRow: 0, endRow: 100 };
    const asked = (packed: boolean) =>
      fetch(`${http.url}/api/vegetation.list`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${t.adminToken}`,
          ...(packed ? { [PACKED_ROWS_HEADER]: 'packed' } : {}),
        },
        body: JSON.stringify(input),
      }).then(async (r) => ({ text: await r.text() }));
    const plain = await asked(false);
    const packed = await asked(true);
    expect(packed.text.length).toBeLessThan(plain.text.length * 0.7);
    const direct = await t.call('vegetation.list', input, t.adminToken);
    expect(unpackRows((JSON.parse(packed.text) as { result: unknown }).result)).toEqual(direct);
    expect((JSON.parse(plain.text) as { result: unknown }).result).toEqual(direct);
  });

  it('packs only rows of one shape without undefined values', () => {
    const mixed = { rows: [{ a: 1 }, { b: 2 }], rowCount: 2 };
    expect(packRows(mixed)).toBe(mixed);
    const holey = { rows: [{ a: 1, b: undefined }], rowCount: 1 };
    expect(packRows(holey)).toBe(holey);
    expect(
      unpackRows(
        packRows({
          rows: [
            { a: 1, b: null },
            { a: 2, b: 'x' },
          ],
          rowCount: 2,
        }),
      ),
    ).toEqual({
      rows: [
        { a: 1, b: null },
        { a: 2, b: 'x' },
      ],
      rowCount: 2,
    });
  });

  it('refuses a clerk calling an admin-only method, and the audit log is unchanged', async () => {
    const clerk = await t.signIn('clerk');
    const before = await auditCount();
    const res = await post(
      'accounts.saveUser',
      { username: 'intruder', displayName: 'x', role: 'admin', active: true, initialPassword: 'Hack12345' },
      clerk,
    );
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'errors.forbidden' } });
    expect(await auditCount()).toBe(before);
    const users = await t.call('accounts.listUsers', { startRow: 0, endRow: 50 }, t.adminToken);
    expect(users.rows.map((u) => u.username)).not.toContain('intruder');
  });

  it('refuses calls without a session, with a bad token, and to unknown methods', async () => {
    expect((await post('vegetation.list', { startRow: 0, endRow: 10 })).status).toBe(401);
    expect((await post('vegetation.list', { startRow: 0, endRow: 10 }, 'x'.repeat(43))).status).toBe(401);
    expect((await post('no.such.method', {}, t.adminToken)).status).toBe(404);
  });

  it('returns validation errors with field paths', async () => {
    const res = await post(
      'lines.save',
      { name: '', voltage: '999', conductor: 'bare', areaType: 'urban' },
      t.adminToken,
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { issues: { path: string[] }[] } };
    expect(body.error.issues.map((i) => i.path[0])).toEqual(expect.arrayContaining(['name', 'voltage']));
  });

  it('refuses non-JSON posts and foreign Host headers', async () => {
    const form = await fetch(`${http.url}/api/accounts.login`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect(form.status).toBe(400);
    // fetch will not send a foreign Host header, so use node:http as a rebinding page's request would arrive.
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        `${http.url}/api/accounts.setupStatus`,
        { method: 'POST', headers: { Host: 'evil.example', 'Content-Type': 'application/json' } },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(421);
  });
});

describe('HTTP transport, cross-site', () => {
  it('refuses API calls from a page of another origin', async () => {
    const res = await fetch(`${http.url}/api/accounts.setupStatus`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'http://evil.example' },
      body: '{}',
    });
    expect(res.status).toBe(403);
    const own = await fetch(`${http.url}/api/accounts.setupStatus`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: http.url },
      body: '{}',
    });
    expect(own.status).toBe(200);
  });

  it('listens on the loopback address only', () => {
    expect((http.server.address() as { address: string }).address).toBe('127.0.0.1');
  });
});
