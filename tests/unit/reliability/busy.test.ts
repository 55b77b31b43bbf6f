import Database from 'better-sqlite3';
import { expect, test } from 'vitest';
import { openTestCore } from '../helpers/core';

test('a save while another connection holds the write lock past the busy timeout gets a clear "busy" answer, and writes nothing', async () => {
  const t = await openTestCore();
  const other = new Database(t.core.file);
  try {
    other.exec('begin immediate'); // what an import's worker does while it writes
    await expect(t.call('townships.save', { name: '忙时乡' }, t.adminToken)).rejects.toMatchObject({
      code: 'RULE',
      message: 'errors.busy',
    });
    other.exec('rollback');
    expect((await t.call('townships.list', { startRow: 0, endRow: 10 }, t.adminToken)).rowCount).toBe(0);
    // Once the lock is gone, the same save goes through.
    await t.call('townships.save', { name: '忙时乡' }, t.adminToken);
  } finally {
    other.close();
    await t.close();
  }
}, 20_000);
