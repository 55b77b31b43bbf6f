import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDate } from '../../../../electron/core/shared/time';
import { openTestCore, type TestCore } from '../../helpers/core';
import { waitForJob } from '../../helpers/files';

let t: TestCore;
beforeAll(async () => {
  t = await openTestCore({ demoRecords: 4000 });
});
afterAll(() => t.close());

const rowCounts = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    const tables = (
      db
        .prepare(
          "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'search_%'",
        )
        .all() as { name: string }[]
    ).map((r) => r.name);
    return Object.fromEntries(
      tables.map((n) => [n, (db.prepare(`select count(*) as n from "${n}"`).get() as { n: number }).n]),
    );
  } finally {
    db.close();
  }
};

describe('database upkeep', () => {
  it('compacts the file after many records were removed, keeps every row, and says who did it when', async () => {
    // Three quarters of the records purged for good (as emptying the recycle bin would).
    const raw = new Database(t.core.file);
    raw.prepare('delete from vegetation_dispute_entries').run();
    raw.prepare('delete from vegetation_disputes').run();
    raw.prepare('delete from vegetation_records where id % 4 != 0').run();
    raw.close();
    const before = await t.call('backup.health', {}, t.adminToken);
    expect(before.freeBytes).toBeGreaterThan(0);
    expect(before.lastMaintenance).toBeNull();
    const counts = rowCounts(t.core.file);

    const { jobId } = await t.call('backup.maintain', {}, t.adminToken);
    const done = await waitForJob(t, jobId, t.adminToken);
    expect(done.status).toBe('done');
    const outcome = done.result?.kind === 'backup.maintain' ? done.result.outcome : null;
    expect(outcome!.afterBytes).toBeLessThan(outcome!.beforeBytes);

    const after = await t.call('backup.health', {}, t.adminToken);
    expect(after.freeBytes).toBe(0);
    expect(after.fileBytes + after.walBytes).toBeLessThan(before.fileBytes + before.walBytes);
    expect(after.lastMaintenance?.by).toBe('admin');
    // Straight away again: refused, nothing written.
    await expect(t.call('backup.maintain', {}, t.adminToken)).rejects.toMatchObject({
      code: 'RULE',
      message: 'backup.upkeep.recent',
    });
    // Every row is still there; the audit log has the start and the end of the upkeep.
    expect(rowCounts(t.core.file)).toEqual({ ...counts, audit_log: counts.audit_log! + 2 });
    // The grid still finds the records that are left.
    const page = await t.call('vegetation.list', { startRow: 0, endRow: 5 }, t.adminToken);
    expect(page.rowCount).toBe(counts.vegetation_records);
  });

  it('a clerk cannot run it', async () => {
    const clerk = await t.signIn('clerk');
    await expect(t.call('backup.maintain', {}, clerk)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('warns admins (and only admins) when the file grew past both limits in a week', async () => {
    const today = localDate(new Date());
    const raw = new Database(t.core.file);
    raw.prepare('insert or replace into database_sizes (day, bytes) values (?, ?)').run(addDays(today, -8), 200_000);
    raw.close();
    // 100 MB of growth is the default floor: a small office's file doubling is no news.
    let health = await t.call('backup.health', {}, t.adminToken);
    expect(health.baseline).toEqual({ day: addDays(today, -8), bytes: 200_000 });
    expect(health.grewUnusually).toBe(false);
    expect((await t.call('reminders.list', {}, t.adminToken)).items.map((i) => i.label)).not.toContain(
      'reminders.backup.grew',
    );

    await t.call('settings.update', { key: 'maintenance.growthMinMb', value: 1 }, t.adminToken);
    health = await t.call('backup.health', {}, t.adminToken);
    expect(health.grewUnusually).toBe(true);
    const grew = (await t.call('reminders.list', {}, t.adminToken)).items.find(
      (i) => i.label === 'reminders.backup.grew',
    );
    expect(grew?.count).toBe(Math.round((health.fileBytes + health.walBytes - 200_000) / 1024 / 1024));
    expect(grew?.link.page).toBe('backup');
    const planner = await t.signIn('planner');
    expect((await t.call('reminders.list', {}, planner)).items.map((i) => i.label)).not.toContain(
      'reminders.backup.grew',
    );
  });
});
