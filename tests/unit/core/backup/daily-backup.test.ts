// Beijing time for this file: the office's clock, eight hours ahead of UTC.
process.env.TZ = 'Asia/Shanghai';

import { chmodSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../../electron/core';
import { backupDir } from '../../../../electron/core/backup/backup.files';
import Database from 'better-sqlite3';
import { ADMIN_PASSWORD, openTestCore, type TestCore } from '../../helpers/core';
import { SQLITE_ONLY, onPostgres } from '../../helpers/postgres';

const opened: TestCore[] = [];
afterEach(async () => {
  for (const t of opened.splice(0)) await t.close();
});

const dailies = (folder: string) =>
  existsSync(folder)
    ? readdirSync(folder)
        .filter((n) => n.includes('-daily'))
        .sort()
    : [];
const until = async (ok: () => boolean) => {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 20));
};

describe.skipIf(onPostgres)(`the daily backup (${SQLITE_ONLY})`, () => {
  it('is checked every hour while the app runs, with a fake clock: one a day, named in local time', async () => {
    // 07:30 in Beijing is 23:30 UTC the day before: the name and the check must agree on the local day.
    let now = new Date('2026-06-01T07:30:00+08:00');
    const t = await openTestCore({ clock: () => now });
    opened.push(t);
    const restarted = await createCore({ file: t.core.file, clock: () => now, backupCheckMs: 20 });
    try {
      const folder = backupDir(t.core.file);
      await until(() => dailies(folder).length === 1);
      expect(dailies(folder)).toEqual(['griddesk-20260601-073000-daily.sqlite']);
      // Later the same day: nothing more.
      now = new Date('2026-06-01T18:00:00+08:00');
      await new Promise((r) => setTimeout(r, 150));
      expect(dailies(folder)).toHaveLength(1);
      // The desk is left running over night: the next day's backup comes without a restart.
      now = new Date('2026-06-02T00:40:00+08:00');
      await until(() => dailies(folder).length === 2);
      expect(dailies(folder)).toEqual([
        'griddesk-20260601-073000-daily.sqlite',
        'griddesk-20260602-004000-daily.sqlite',
      ]);
    } finally {
      await restarted.close();
    }
  });

  it('is written in the background after start: the app answers and saves meanwhile, the backup page sees it running, and the copy is whole', async () => {
    const now = new Date('2026-06-05T08:30:00+08:00');
    const t = await openTestCore({ clock: () => now, demoRecords: 20_000 });
    opened.push(t);
    const lineId = (await t.call('reference.options', {}, t.adminToken)).lines[0]!.id;
    const restarted = await createCore({ file: t.core.file, clock: () => now });
    try {
      const token = (
        (await restarted.dispatch('accounts.login', { username: 'admin', password: ADMIN_PASSWORD }, {})) as {
          token: string;
        }
      ).token;
      let savedWhileRunning = 0;
      for (let i = 0; i < 500; i++) {
        const { daily } = (await restarted.dispatch('backup.list', {}, { token })) as {
          daily: { running: boolean; percent: number };
        };
        if (!daily.running) break;
        expect(daily.percent).toBeLessThan(100);
        await restarted.dispatch(
          'vegetation.save',
          {
            lineId,
            towerRange: `#${(i % 150) + 1}`,
            species: '杨树',
            treeCount: 1,
            verticalDistance: 3,
            action: 'trim',
          },
          { token },
        );
        savedWhileRunning++;
      }
      await until(() => dailies(backupDir(t.core.file)).length === 1);
      expect(savedWhileRunning).toBeGreaterThan(0);
      const { daily } = (await restarted.dispatch('backup.list', {}, { token })) as {
        daily: { running: boolean; percent: number; lastError: string | null };
      };
      expect(daily).toEqual({ running: false, percent: 100, lastError: null });
      const copy = new Database(path.join(backupDir(t.core.file), dailies(backupDir(t.core.file))[0]!), {
        readonly: true,
      });
      try {
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(
          (copy.prepare('select count(*) as n from vegetation_records').get() as { n: number }).n,
        ).toBeGreaterThanOrEqual(20_000);
      } finally {
        copy.close();
      }
    } finally {
      await restarted.close();
    }
  }, 120_000);

  it('a start before 08:00 Beijing time after one later the same day makes no second “daily” backup', async () => {
    let now = new Date('2026-06-03T07:10:00+08:00');
    const t = await openTestCore({ clock: () => now });
    opened.push(t);
    for (const at of ['2026-06-03T07:10:00+08:00', '2026-06-03T07:50:00+08:00', '2026-06-03T09:00:00+08:00']) {
      now = new Date(at);
      await (await createCore({ file: t.core.file, clock: () => now })).close();
    }
    expect(dailies(backupDir(t.core.file))).toEqual(['griddesk-20260603-071000-daily.sqlite']);
  });

  it('goes to the folder backup.folder names (another disk), checked writable when saved; earlier backups stay listed', async () => {
    const now = new Date('2026-06-04T10:00:00+08:00');
    const t = await openTestCore({ clock: () => now });
    opened.push(t);
    const before = await t.call('backup.create', {}, t.adminToken);
    const elsewhere = path.join(t.dir, 'disk-d', 'GridDesk备份');
    await expect(
      t.call('settings.update', { key: 'backup.folder', value: 'relative\\path' }, t.adminToken),
    ).rejects.toMatchObject({ issues: [{ path: ['value'], message: 'settings.folderAbsolute' }] });
    const readOnly = path.join(t.dir, 'read-only');
    mkdirSync(readOnly);
    chmodSync(readOnly, 0o500);
    // (root writes anywhere: the check is then only as strict as the disk)
    if (process.getuid?.() !== 0) {
      await expect(
        t.call('settings.update', { key: 'backup.folder', value: readOnly }, t.adminToken),
      ).rejects.toMatchObject({ issues: [{ message: 'settings.folderNotWritable' }] });
    }
    await t.call('settings.update', { key: 'backup.folder', value: elsewhere }, t.adminToken);
    const after = await t.call('backup.create', {}, t.adminToken);
    expect(readdirSync(elsewhere)).toEqual([after.name]);
    const list = await t.call('backup.list', {}, t.adminToken);
    expect(list.folder).toBe(elsewhere);
    expect(list.rows.map((r) => r.name).sort()).toEqual([before.name, after.name].sort());
    // Both restore: the one beside the database and the one on the other disk. The backup folder is
    // this PC's choice, so it stays as set when an older file comes back.
    await t.call('backup.restore', { name: before.name }, t.adminToken);
    const token = await t.reauthAdmin();
    expect((await t.call('backup.list', {}, token)).folder).toBe(elsewhere);
    await t.call('backup.restore', { name: after.name }, token);
  });
});
