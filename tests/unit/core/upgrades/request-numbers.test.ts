import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from 'vitest';
import { openDatabase } from '../../../../electron/core/db/connection';
import { migrate } from '../../../../electron/core/db/migrate';
import { migrations } from '../../../../electron/core/db/migrations';

test('requests submitted before numbering existed are numbered in the order and year they were submitted; drafts wait', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'griddesk-request-no-'));
  const file = path.join(dir, 'old.sqlite');
  try {
    const old = openDatabase({ file });
    const before = migrations.findIndex((m) => m.id === '0015_upgrade_request_numbers');
    await migrate(old.db, migrations.slice(0, before));
    await old.close();
    const raw = new Database(file);
    raw
      .prepare(
        `insert into equipment (kind, code, name, condition, created_at, updated_at) values ('transformer', 'T-1', '配变', 4, '2025-01-01', '2025-01-01')`,
      )
      .run();
    const add = raw.prepare(
      `insert into upgrade_requests (equipment_id, problem, proposed_work, project_type, estimated_cost, customers_affected, status, requested_by, created_at, updated_at) values (1, 'p', 'w', ?, 1, 1, ?, 'clerk1', ?, ?)`,
    );
    const submitted = raw.prepare(
      `insert into upgrade_events (request_id, at, username, action, from_status, to_status) values (?, ?, 'clerk1', 'submit', 'draft', 'submitted')`,
    );
    add.run('renovation', 'approved', '2025-11-01T02:00:00Z', '2025-11-01T02:00:00Z'); // 1: submitted 2026-01-05
    add.run('renovation', 'submitted', '2025-12-01T02:00:00Z', '2025-12-01T02:00:00Z'); // 2: submitted 2025-12-02
    add.run('renovation', 'draft', '2025-12-03T02:00:00Z', '2025-12-03T02:00:00Z'); // 3: never submitted
    add.run('overhaul', 'rejected', '2026-02-01T02:00:00Z', '2026-02-01T02:00:00Z'); // 4: submitted 2026-02-02
    add.run('renovation', 'submitted', '2026-03-01T02:00:00Z', '2026-03-01T02:00:00Z'); // 5: submitted 2026-03-02
    submitted.run(1, '2026-01-05T02:00:00Z');
    submitted.run(2, '2025-12-02T02:00:00Z');
    submitted.run(4, '2026-02-02T02:00:00Z');
    submitted.run(5, '2026-03-02T02:00:00Z');
    raw.close();

    const upgraded = openDatabase({ file });
    await migrate(upgraded.db);
    await upgraded.close();
    const db = new Database(file, { readonly: true });
    const numbers = db.prepare('select id, request_no from upgrade_requests order by id').all();
    db.close();
    expect(numbers).toEqual([
      { id: 1, request_no: 'JG-2026-0001' },
      { id: 2, request_no: 'JG-2025-0001' },
      { id: 3, request_no: null },
      { id: 4, request_no: 'DX-2026-0001' },
      { id: 5, request_no: 'JG-2026-0002' },
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
