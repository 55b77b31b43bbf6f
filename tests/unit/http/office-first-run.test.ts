import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/connection';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { createRemoteDispatcher, probeServer } from '../../../electron/http/remote';
import { createTestDatabase, dropTestDatabase, onPostgres } from '../helpers/postgres';

// The real `npm run server` entry on a fresh PostgreSQL database: the first admin password needs
// the one-time code it prints, or is typed at its own console. (PostgreSQL only: the office server
// runs on nothing else; `npm test` runs this file in its PostgreSQL pass.)
const ENTRY = path.resolve('electron/http/office-server.ts');
const run: { child?: ChildProcess; dir?: string; db?: string }[] = [];

async function fresh() {
  const dir = mkdtempSync(path.join(tmpdir(), 'griddesk-office-'));
  const db = await createTestDatabase();
  run.push({ dir, db: db.name });
  return { dir, url: db.connectionString };
}

function startServer(dir: string, url: string, args: string[] = [], stdin?: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, '--data', dir, ...args], {
    env: { ...process.env, GRIDDESK_PG_URL: url, GRIDDESK_SERVER_HOST: '127.0.0.2', GRIDDESK_SERVER_PORT: '0', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  run.push({ child });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  if (stdin !== undefined) child.stdin!.end(stdin);
  return {
    child,
    output: () => out,
    waitFor: async (pattern: RegExp) => {
      for (let i = 0; i < 600 && !pattern.test(out); i++) {
        if (child.exitCode !== null) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      return pattern.exec(out);
    },
    exited: () =>
      new Promise<number>((r) =>
        child.exitCode !== null ? r(child.exitCode) : child.once('exit', (code) => r(code ?? -1)),
      ),
  };
}

afterEach(async () => {
  for (const r of run.splice(0)) {
    if (r.child && r.child.exitCode === null) {
      r.child.kill('SIGTERM');
      await new Promise((res) => r.child!.once('exit', res));
    }
    if (r.db) await dropTestDatabase(r.db);
    if (r.dir) rmSync(r.dir, { recursive: true, force: true });
  }
});

describe.skipIf(!onPostgres)(
  'the office server’s first run (skipped without PostgreSQL: the SQLite pass has none)',
  () => {
    it('prints a one-time setup code, keeps it in its data folder, and takes the first password over the network only with it', async () => {
      const { dir, url } = await fresh();
      const server = startServer(dir, url);
      const port = (await server.waitFor(/端口 (\d+)/))?.[1];
      const code = (await server.waitFor(/首次设置码：(\w{4}-\w{4}-\w{4})/))?.[1];
      expect(port, server.output()).toBeTruthy();
      expect(code, server.output()).toBeTruthy();
      expect(readFileSync(path.join(dir, 'setup-code.txt'), 'utf8').trim()).toBe(code);

      const address = `https://127.0.0.2:${port}`;
      const desk = createRemoteDispatcher({ url: address, fingerprint: (await probeServer(address)).fingerprint });
      try {
        expect(await desk.dispatch('accounts.setupStatus', {}, {})).toEqual({ needsSetup: true, needsCode: true });
        await expect(desk.dispatch('accounts.setup', { password: 'Takeover123' }, {})).rejects.toMatchObject({
          code: 'VALIDATION',
          issues: [{ path: ['setupCode'] }],
        });
        await expect(
          desk.dispatch('accounts.setup', { password: 'Takeover123', setupCode: 'AAAA-BBBB-CCCC' }, {}),
        ).rejects.toMatchObject({ message: 'accounts.setup.codeWrong' });
        const admin = (await desk.dispatch('accounts.setup', { password: 'Office2026', setupCode: code }, {})) as {
          user: { role: string };
        };
        expect(admin.user.role).toBe('admin');
        expect(existsSync(path.join(dir, 'setup-code.txt'))).toBe(false);
        await expect(
          desk.dispatch('accounts.setup', { password: 'Again12345', setupCode: code }, {}),
        ).rejects.toMatchObject({ message: 'accounts.setup.done' });
      } finally {
        desk.close();
      }
    }, 90_000);

    it('the same code survives a restart before it is used; a set-up server prints none', async () => {
      const { dir, url } = await fresh();
      let server = startServer(dir, url);
      const first = (await server.waitFor(/首次设置码：(\w{4}-\w{4}-\w{4})/))?.[1];
      server.child.kill('SIGTERM');
      await server.exited();
      server = startServer(dir, url);
      expect((await server.waitFor(/首次设置码：(\w{4}-\w{4}-\w{4})/))?.[1]).toBe(first);
      server.child.kill('SIGTERM');
      await server.exited();

      const console = startServer(dir, url, ['--admin-password'], 'Console2026\n');
      expect(await console.exited(), console.output()).toBe(0);
      expect(console.output()).toContain('管理员（admin）密码已设置');
      expect(existsSync(path.join(dir, 'setup-code.txt'))).toBe(false);

      server = startServer(dir, url);
      const port = (await server.waitFor(/端口 (\d+)/))?.[1];
      await server.waitFor(/数据库：/);
      expect(server.output()).not.toContain('首次设置码');
      const address = `https://127.0.0.2:${port}`;
      const desk = createRemoteDispatcher({ url: address, fingerprint: (await probeServer(address)).fingerprint });
      try {
        await expect(
          desk.dispatch('accounts.login', { username: 'admin', password: 'Console2026' }, {}),
        ).resolves.toMatchObject({ user: { role: 'admin' } });
      } finally {
        desk.close();
      }
      // Once set, the console refuses to set it again (a forgotten password is reset by another admin).
      const again = startServer(dir, url, ['--admin-password'], 'Other2026x\n');
      expect(await again.exited()).toBe(1);
      expect(again.output()).toContain('已经设置过');
    }, 120_000);

    it('refuses a weak password typed at the console', async () => {
      const { dir, url } = await fresh();
      const server = startServer(dir, url, ['--admin-password'], 'short\n');
      expect(await server.exited()).toBe(1);
      expect(server.output()).toContain('至少 8 位');
    }, 60_000);
  },
);

describe.skipIf(!onPostgres)('the office server upgrading its database (skipped without PostgreSQL)', () => {
  /** A server database one version behind: every migration but the last. */
  async function behind() {
    const { dir, url } = await fresh();
    const old = openDatabase({ file: path.join(dir, 'x'), postgres: { connectionString: url, max: 1 } });
    await migrate(old.db, migrations.slice(0, -1));
    await old.close();
    return { dir, url };
  }

  it('makes a pg_dump into its data folder before it migrates', async () => {
    const bin = process.env.GRIDDESK_TEST_PG_BIN;
    if (!bin) throw new Error('GRIDDESK_TEST_PG_BIN is not set (scripts/test-postgres.mjs sets it)');
    const { dir, url } = await behind();
    const server = startServer(dir, url, [], undefined, { GRIDDESK_PG_BIN: bin });
    expect(await server.waitFor(/端口 (\d+)/), server.output()).toBeTruthy();
    const dumps = readdirSync(path.join(dir, 'backups')).filter((n) => n.endsWith('-before-migration.dump'));
    expect(dumps).toHaveLength(1);
    // pg_restore reads it, and it holds the tables as they were before (without the new one).
    const listing = spawnSync(path.join(bin, 'pg_restore'), ['--list', path.join(dir, 'backups', dumps[0]!)], {
      encoding: 'utf8',
    });
    expect(listing.status).toBe(0);
    expect(listing.stdout).toMatch(/TABLE public users/);
    expect(listing.stdout).not.toContain(migrations.at(-1)!.id.replace(/^\d+_/, ''));
  }, 90_000);

  it('without pg_dump it refuses to migrate and says why, unless started with --migrate', async () => {
    const { dir, url } = await behind();
    const nowhere = mkdtempSync(path.join(tmpdir(), 'griddesk-no-pgdump-'));
    run.push({ dir: nowhere });
    const refused = startServer(dir, url, [], undefined, { GRIDDESK_PG_BIN: nowhere });
    expect(await refused.exited()).toBe(1);
    expect(refused.output()).toContain('找不到 pg_dump');
    expect(refused.output()).toContain('--migrate');
    const forced = startServer(dir, url, ['--migrate'], undefined, { GRIDDESK_PG_BIN: nowhere });
    expect(await forced.waitFor(/端口 (\d+)/), forced.output()).toBeTruthy();
    expect(forced.output()).toContain('未备份');
  }, 90_000);
});
