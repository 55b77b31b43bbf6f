import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, isMethodName, type MethodName } from '../../../../electron/contract';
import { createCore, type Core } from '../../../../electron/core';
import { moveToServer, MoveRefused, type MoveReport } from '../../../../electron/core/db/move-to-server';
import { ADMIN_PASSWORD } from '../../helpers/core';
import { createTestDatabase, dropTestDatabase, onPostgres, postgresSql } from '../../helpers/postgres';

// Acceptance 4 of the office server: a standalone database with demo data, moved to the server,
// gives identical grids and counts there.
describe.skipIf(!onPostgres)('moving a standalone database to the office server', () => {
  const clock = () => new Date('2026-06-15T02:00:00Z');
  let dir: string;
  let file: string;
  let target: { name: string; connectionString: string };
  let report: MoveReport;
  let standalone: Core;
  let server: Core;
  let tokens: { standalone: string; server: string };

  const login = async (core: Core) =>
    ((await core.dispatch('accounts.login', { username: 'admin', password: ADMIN_PASSWORD }, {})) as { token: string })
      .token;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'griddesk-move-'));
    file = path.join(dir, 'griddesk.sqlite');
    const made = await createCore({ file, clock });
    const { token } = (await made.dispatch('accounts.setup', { password: ADMIN_PASSWORD }, {})) as { token: string };
    await made.dispatch('demo.load', { vegetationRecords: 1500 }, { token });
    await made.close();

    target = await createTestDatabase();
    report = await moveToServer(file, { connectionString: target.connectionString }, 'admin');
    standalone = await createCore({ file, clock });
    server = await createCore({
      file: path.join(dir, 'server-work'),
      postgres: { connectionString: target.connectionString },
      clock,
    });
    tokens = { standalone: await login(standalone), server: await login(server) };
  }, 180_000);

  afterAll(async () => {
    await standalone?.close();
    await server?.close();
    await dropTestDatabase(target.name);
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies every table with equal row counts and checksums', () => {
    const tables = Object.fromEntries(report.tables.map((t) => [t.table, t]));
    expect(tables.vegetation_records?.sourceRows).toBe(1500);
    for (const t of [
      'staff',
      'certificates',
      'equipment',
      'upgrade_requests',
      'lightning_devices',
      'lightning_tests',
      'roster_assignments',
      'attachments',
      'users',
      'settings',
    ]) {
      expect(tables[t], t).toBeDefined();
    }
    for (const t of report.tables)
      expect({ table: t.table, rows: t.targetRows, same: t.checksumsMatch }).toEqual({
        table: t.table,
        rows: t.sourceRows,
        same: true,
      });
    expect(report.rows).toBeGreaterThan(1500);
  });

  // Every read the screens make (grids with their counts, the first screen, reminders, registers), as each would first ask.
  const GRID_VIEWS: [MethodName, object][] = [
    ['vegetation.list', { startRow: 0, endRow: 100 }],
    ['vegetation.list', { startRow: 1200, endRow: 1300, sortModel: [{ colId: 'lineName', sort: 'asc' }] }],
    ['vegetation.list', { startRow: 0, endRow: 100, sortModel: [{ colId: 'plannedDate', sort: 'desc' }] }],
    ['vegetation.list', { startRow: 0, endRow: 100, preset: 'overdue' }],
    [
      'vegetation.list',
      { startRow: 0, endRow: 50, filterModel: { species: { filterType: 'text', type: 'contains', filter: '杨' } } },
    ],
  ];
  const readMethods = (Object.keys(contract) as MethodName[]).filter(
    (m) =>
      isMethodName(m) &&
      !contract[m].writes &&
      ![
        'audit.list',
        'backup.list',
        'backup.health',
        'accounts.me',
        'changes.since',
        'jobs.get',
        'files.read',
      ].includes(m),
  );
  const firstAsk = (m: MethodName): object | null => {
    for (const input of [{ startRow: 0, endRow: 100 }, {}])
      if (contract[m].input.safeParse(input).success) return input;
    return null;
  };

  it('every grid and list reads the same on the server as from the file', async () => {
    const asked: string[] = [];
    const views = [
      ...GRID_VIEWS,
      ...readMethods.map((m) => [m, firstAsk(m)] as const).filter((v): v is [MethodName, object] => v[1] !== null),
    ];
    for (const [method, input] of views) {
      const a = await standalone.dispatch(method, input, { token: tokens.standalone });
      const b = await server.dispatch(method, input, { token: tokens.server });
      expect(b, `${method} ${JSON.stringify(input)}`).toEqual(a);
      asked.push(method);
    }
    expect(asked).toEqual(
      expect.arrayContaining([
        'vegetation.list',
        'staff.list',
        'equipment.list',
        'upgrades.list',
        'lightningDevices.list',
        'dashboard.panels',
        'reminders.list',
        'recycle.list',
      ]),
    );
  });

  it('a second move into the same server is refused, and nothing is added', async () => {
    const [before] = await postgresSql<{ n: number }>(
      target.connectionString,
      'select count(*) as n from vegetation_records',
      [],
    );
    await expect(moveToServer(file, { connectionString: target.connectionString }, 'admin')).rejects.toBeInstanceOf(
      MoveRefused,
    );
    const [after] = await postgresSql<{ n: number }>(
      target.connectionString,
      'select count(*) as n from vegetation_records',
      [],
    );
    expect(after!.n).toBe(before!.n);
  });

  it('new records on the server take ids after the moved ones', async () => {
    const lines = (await server.dispatch('lines.list', { startRow: 0, endRow: 1 }, { token: tokens.server })) as {
      rows: { id: number }[];
    };
    const saved = (await server.dispatch(
      'vegetation.save',
      {
        lineId: lines.rows[0]!.id,
        towerRange: '7',
        action: 'trim',
        species: '柳树',
        treeCount: 1,
        verticalDistance: 4,
      },
      { token: tokens.server },
    )) as { record: { id: number } };
    const [top] = await postgresSql<{ id: number }>(
      target.connectionString,
      'select max(id) as id from vegetation_records where id < ?',
      [saved.record.id],
    );
    expect(saved.record.id).toBeGreaterThan(top!.id);
  });
});
