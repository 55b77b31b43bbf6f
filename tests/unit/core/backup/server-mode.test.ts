import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../../helpers/core';
import { onPostgres } from '../../helpers/postgres';

// On an office server the ledgers are in PostgreSQL: the app's own file backups and VACUUM do not
// apply (the server's administrator uses pg_dump, README), and the admin is told so instead of an error.
describe.skipIf(!onPostgres)('backups on an office server (PostgreSQL)', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await openTestCore({ demoRecords: 200 });
  });
  afterAll(() => t.close());

  it('backup, restore and upkeep are refused with the server-mode message; nothing is written', async () => {
    const [before] = await t.sql<{ n: number }>('select count(*) as n from audit_log');
    for (const call of [() => t.call('backup.create', {}, t.adminToken), () => t.call('backup.maintain', {}, t.adminToken), () => t.call('backup.restore', { name: 'griddesk-20260101-000000-manual.sqlite' } as never, t.adminToken)]) {
      await expect(call()).rejects.toMatchObject({ code: 'RULE', message: 'backup.serverMode' });
    }
    expect((await t.call('backup.list', {}, t.adminToken)).rows).toEqual([]);
    const [after] = await t.sql<{ n: number }>('select count(*) as n from audit_log');
    expect(after!.n).toBe(before!.n);
  });

  it('the upkeep card shows the size of the database as the server counts it', async () => {
    const health = await t.call('backup.health', {}, t.adminToken);
    const [size] = await t.sql<{ bytes: number }>('select pg_database_size(current_database()) as bytes');
    expect(health.fileBytes).toBeGreaterThan(1_000_000);
    expect(Math.abs(health.fileBytes - size!.bytes)).toBeLessThan(size!.bytes * 0.05);
    expect(health.freeBytes).toBe(0);
  });
});
