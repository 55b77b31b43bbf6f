import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../../electron/core';
import { backupDir } from '../../../../electron/core/backup/backup.files';
import { openDatabase } from '../../../../electron/core/db/connection';
import { migrate } from '../../../../electron/core/db/migrate';
import { migrations } from '../../../../electron/core/db/migrations';
import { useSqliteBinding } from '../../../../electron/core/db/sqlite-file';
import { openTestCore, type TestCore } from '../../helpers/core';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
});
afterEach(() => t.close());

const townships = async (token: string) =>
  (await t.call('townships.list', { startRow: 0, endRow: 50 }, token)).rows.map((r) => r.name);

describe('restore under the driver build the process runs on', () => {
  const nodeBuild = path.resolve('node_modules/better-sqlite3/build/Release/better_sqlite3.node');

  it('checks and opens the backup through the one open function, with the build the ledgers use (as Electron’s under npm start)', async () => {
    // A copy of the driver at a path of its own stands for Electron's build in .native/.
    const own = path.join(t.dir, 'native', 'better_sqlite3.node');
    mkdirSync(path.dirname(own), { recursive: true });
    copyFileSync(nodeBuild, own);
    useSqliteBinding(own);
    try {
      await t.call('townships.save', { name: '城关镇' }, t.adminToken);
      const backup = await t.call('backup.create', {}, t.adminToken);
      await t.call('townships.save', { name: '后来的乡' }, t.adminToken);
      await t.call('backup.restore', { name: backup.name }, t.adminToken);
      expect(await townships(await t.reauthAdmin())).toEqual(['城关镇']);
      // The process loaded that copy: it is mapped into this process's memory.
      expect(readFileSync('/proc/self/maps', 'utf8')).toContain(own);
    } finally {
      useSqliteBinding(undefined);
    }
  });

  it('a driver that fails to load is not called a corrupt backup, and the ledgers stay', async () => {
    await t.call('townships.save', { name: '石桥镇' }, t.adminToken);
    const backup = await t.call('backup.create', {}, t.adminToken);
    useSqliteBinding(path.join(t.dir, 'missing', 'better_sqlite3.node'));
    try {
      await expect(t.call('backup.restore', { name: backup.name }, t.adminToken)).rejects.toMatchObject({
        code: 'RULE',
        message: 'backup.engineFailed',
      });
    } finally {
      useSqliteBinding(undefined);
    }
    expect(await townships(t.adminToken)).toEqual(['石桥镇']);
  });
});

describe('backups', () => {
  it('backup now, change things, restore: the ledgers are as they were and the current file is kept aside', async () => {
    await t.call('townships.save', { name: '城关镇' }, t.adminToken);
    const backup = await t.call('backup.create', {}, t.adminToken);
    await t.call('townships.save', { name: '后来的乡' }, t.adminToken);

    const res = await t.call('backup.restore', { name: backup.name }, t.adminToken);
    expect(res.keptAside).toMatch(/before-restore\.sqlite$/);
    // The session was in the backup too, but a restore ends every session.
    await expect(t.call('townships.list', { startRow: 0, endRow: 5 }, t.adminToken)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    const token = await t.reauthAdmin();
    expect(await townships(token)).toEqual(['城关镇']);
    expect((await t.call('backup.list', {}, token)).rows.map((r) => r.name)).toContain(res.keptAside);
    const log = await t.call('audit.list', { startRow: 0, endRow: 5, entity: 'backup' }, token);
    expect(log.rows[0]).toMatchObject({ method: 'backup.restore', username: 'admin' });

    // The file kept aside still holds the later change.
    const aside = new Database(path.join(backupDir(t.core.file), res.keptAside), { readonly: true });
    expect(aside.prepare("select count(*) n from townships where name = '后来的乡'").get()).toEqual({ n: 1 });
    aside.close();
  });

  it('refuses a corrupt or foreign file with a clear message, changing nothing', async () => {
    await t.call('townships.save', { name: '石桥镇' }, t.adminToken);
    const dir = backupDir(t.core.file);
    await t.call('backup.create', {}, t.adminToken);
    writeFileSync(path.join(dir, 'junk.sqlite'), 'this is not a database at all'.repeat(100));
    const foreign = new Database(path.join(dir, 'foreign.sqlite'));
    foreign.exec('create table t (x)');
    foreign.close();
    await expect(t.call('backup.restore', { name: 'junk.sqlite' }, t.adminToken)).rejects.toMatchObject({
      code: 'RULE',
      message: 'backup.corrupt',
    });
    await expect(t.call('backup.restore', { name: 'foreign.sqlite' }, t.adminToken)).rejects.toMatchObject({
      code: 'RULE',
      message: 'backup.foreign',
    });
    await expect(t.call('backup.restore', { name: '../griddesk.sqlite' }, t.adminToken)).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    expect(await townships(t.adminToken)).toEqual(['石桥镇']);
  });

  it('refuses a backup from a newer GridDesk', async () => {
    const b = await t.call('backup.create', {}, t.adminToken);
    const dir = backupDir(t.core.file);
    copyFileSync(path.join(dir, b.name), path.join(dir, 'future.sqlite'));
    const db = new Database(path.join(dir, 'future.sqlite'));
    db.prepare("insert into schema_migrations values ('9999_future', 'x')").run();
    db.close();
    await expect(t.call('backup.restore', { name: 'future.sqlite' }, t.adminToken)).rejects.toMatchObject({
      message: 'backup.newer',
    });
  });

  it('backs up automatically once a day at start-up, keeping the last N', async () => {
    await t.call('settings.update', { key: 'backup.keep', value: 2 }, t.adminToken);
    const copy = path.join(t.dir, 'copy', 'griddesk.sqlite');
    mkdirSync(path.dirname(copy));
    await t.core.dispatch('backup.create', {}, { token: t.adminToken });
    const manual = readdirSync(backupDir(t.core.file))[0]!;
    copyFileSync(path.join(backupDir(t.core.file), manual), copy);
    for (const day of ['2026-06-01', '2026-06-02', '2026-06-02', '2026-06-03']) {
      const core = await createCore({ file: copy, clock: () => new Date(`${day}T09:00:00`) });
      await core.close();
    }
    const daily = readdirSync(backupDir(copy)).filter((n) => n.includes('-daily'));
    expect(daily.sort()).toEqual([
      expect.stringMatching(/^griddesk-20260602/),
      expect.stringMatching(/^griddesk-20260603/),
    ]);
  });

  it('keeps a copy of the database as it was before a migration', async () => {
    const file = path.join(t.dir, 'old', 'griddesk.sqlite');
    mkdirSync(path.dirname(file));
    const old = openDatabase({ file });
    await migrate(old.db, migrations.slice(0, 1));
    await old.close();
    await (await createCore({ file })).close();
    const copies = readdirSync(backupDir(file)).filter((n) => n.includes('-migration'));
    expect(copies).toHaveLength(1);
    const copy = new Database(path.join(backupDir(file), copies[0]!), { readonly: true });
    expect(copy.prepare('select id from schema_migrations').all()).toEqual([{ id: migrations[0]!.id }]);
    copy.close();
  });

  it('only an admin may back up or restore', async () => {
    const manager = await t.signIn('manager');
    await expect(t.call('backup.create', {}, manager)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
