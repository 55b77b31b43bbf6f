import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../../electron/core';
import { ADMIN_PASSWORD, openTestCore, type TestCore } from '../../helpers/core';
import { createTestDatabase, dropTestDatabase, onPostgres } from '../../helpers/postgres';

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
    for (const call of [
      () => t.call('backup.create', {}, t.adminToken),
      () => t.call('backup.maintain', {}, t.adminToken),
      () => t.call('backup.restore', { name: 'griddesk-20260101-000000-manual.sqlite' } as never, t.adminToken),
    ]) {
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

  // The README's server backup: pg_dump -Fc nightly, pg_restore into an empty database to bring it back.
  it.skipIf(!process.env.GRIDDESK_TEST_PG_BIN)(
    'a pg_dump of the server restored into an empty database gives the same ledgers',
    async () => {
      const bin = process.env.GRIDDESK_TEST_PG_BIN!;
      const dump = path.join(t.dir, 'griddesk.dump');
      await t.call(
        'vegetation.save',
        {
          lineId: (await t.call('lines.list', { startRow: 0, endRow: 1 }, t.adminToken)).rows[0]!.id,
          towerRange: '#9',
          species: '香樟',
          treeCount: 1,
          verticalDistance: 3,
          action: 'trim',
          landowner: '备份恢复户',
        },
        t.adminToken,
      );
      execFileSync(path.join(bin, 'pg_dump'), ['-Fc', '-f', dump, '-d', t.postgres!]);
      const restored = await createTestDatabase();
      execFileSync(path.join(bin, 'pg_restore'), ['--no-owner', '-d', restored.connectionString, dump]);
      const other = await createCore({
        file: path.join(t.dir, 'restored-work'),
        postgres: { connectionString: restored.connectionString },
      });
      try {
        const { token } = (await other.dispatch(
          'accounts.login',
          { username: 'admin', password: ADMIN_PASSWORD },
          {},
        )) as { token: string };
        for (const [method, input] of [
          ['vegetation.list', { startRow: 0, endRow: 300 }],
          ['staff.list', { startRow: 0, endRow: 100 }],
          ['dashboard.panels', {}],
        ] as const) {
          expect(await other.dispatch(method, input, { token }), method).toEqual(
            await t.call(method, input as never, t.adminToken),
          );
        }
        const found = (await other.dispatch(
          'vegetation.list',
          { startRow: 0, endRow: 5, search: '备份恢复户' },
          { token },
        )) as { rowCount: number };
        expect(found.rowCount).toBe(1);
      } finally {
        await other.close();
        await dropTestDatabase(restored.name);
      }
    },
  );
});
