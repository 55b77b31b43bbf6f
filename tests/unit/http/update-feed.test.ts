import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer } from '../../../electron/http/server';
import { startFolderFeed } from '../../../electron/http/update-feed';
import { openTestCore, type TestCore } from '../helpers/core';

const LATEST =
  'version: 0.2.0\nfiles:\n  - url: GridDesk-Setup-0.2.0.exe\n    sha512: abc\n    size: 11\npath: GridDesk-Setup-0.2.0.exe\n';

/** A raw request, so paths such as /updates/../server.json reach the server as written. */
function raw(
  base: string,
  rawPath: string,
  method = 'GET',
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path: rawPath, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the office server’s update feed (/updates/)', () => {
  let dir: string;
  let t: TestCore;
  let http: Awaited<ReturnType<typeof startHttpServer>>;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'griddesk-feed-'));
    const updates = path.join(dir, 'updates');
    mkdirSync(path.join(updates, 'old'), { recursive: true });
    writeFileSync(path.join(updates, 'latest.yml'), LATEST);
    writeFileSync(path.join(updates, 'GridDesk-Setup-0.2.0.exe'), 'MZ-installer');
    writeFileSync(path.join(updates, 'GridDesk-Setup-0.2.0.exe.blockmap'), 'blockmap');
    writeFileSync(path.join(updates, 'old', 'latest.yml'), 'old');
    writeFileSync(path.join(updates, '.hidden.yml'), 'hidden');
    writeFileSync(path.join(dir, 'server.json'), '{"postgres":"postgres://griddesk:SECRET@db/griddesk"}');
    const staticDir = path.join(dir, 'renderer');
    mkdirSync(staticDir);
    writeFileSync(path.join(staticDir, 'index.html'), '<html>app</html>');
    t = await openTestCore();
    http = await startHttpServer({ core: t.core, port: 0, staticDir, updatesDir: updates });
  });
  afterAll(async () => {
    await http.close();
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves latest.yml, the installer and its blockmap, with their sizes', async () => {
    const latest = await raw(http.url, '/updates/latest.yml');
    expect(latest).toMatchObject({ status: 200, body: LATEST });
    expect(latest.headers['cache-control']).toBe('no-cache');
    const installer = await raw(http.url, '/updates/GridDesk-Setup-0.2.0.exe');
    expect(installer).toMatchObject({ status: 200, body: 'MZ-installer' });
    expect(installer.headers['content-length']).toBe('12');
    expect((await raw(http.url, '/updates/GridDesk-Setup-0.2.0.exe.blockmap')).status).toBe(200);
    expect(await raw(http.url, '/updates/latest.yml', 'HEAD')).toMatchObject({ status: 200, body: '' });
  });

  it('never lists the folder, and a missing file is 404 (not the app’s page)', async () => {
    for (const p of [
      '/updates/',
      '/updates',
      '/updates/old/',
      '/updates/old/latest.yml',
      '/updates/GridDesk-Setup-0.1.0.exe',
    ]) {
      const res = await raw(http.url, p);
      expect(res.body, p).not.toContain('latest.yml');
      expect(res.body, p).not.toContain('GridDesk-Setup');
      if (p !== '/updates') expect(res.status, p).toBe(404);
    }
  });

  it('refuses every path outside the folder, hidden files and other kinds of file', async () => {
    for (const p of [
      '/updates/../server.json',
      '/updates/..%2Fserver.json',
      '/updates/%2e%2e%2fserver.json',
      '/updates/..%5Cserver.json',
      '/updates/%2e%2e/server.json',
      '/updates/.hidden.yml',
      '/updates/latest.yml%00.exe',
    ]) {
      const res = await raw(http.url, p);
      expect(res.body, p).not.toContain('SECRET');
      expect(res.status, p).not.toBe(200);
    }
  });

  it('is read-only', async () => {
    for (const method of ['PUT', 'POST', 'DELETE'])
      expect((await raw(http.url, '/updates/latest.yml', method)).status).toBe(405);
  });

  it('a standalone desk’s shared folder is served the same way, on loopback only', async () => {
    const feed = await startFolderFeed(path.join(dir, 'updates'));
    try {
      expect(new URL(feed.url).hostname).toBe('127.0.0.1');
      expect(await (await fetch(`${feed.url}latest.yml`)).text()).toBe(LATEST);
      expect((await fetch(feed.url)).status).toBe(404);
      expect((await raw(feed.url, '/updates/..%2Fserver.json')).status).toBe(404);
    } finally {
      await feed.close();
    }
  });
});
