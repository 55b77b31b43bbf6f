import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedInputOf, VegetationListInput } from '../../../../electron/contract';
import { contract } from '../../../../electron/contract';
import { openDatabase, type DatabaseHandle } from '../../../../electron/core/db/connection';
import { GridCache } from '../../../../electron/core/shared/grid-cache';
import { gridPageOf } from '../../../../electron/core/shared/grid-query';
import { localDate } from '../../../../electron/core/shared/time';
import { vegetationGrid } from '../../../../electron/core/vegetation/vegetation.repository';
import { openTestCore, type TestCore } from '../../helpers/core';
import { onPostgres } from '../../helpers/postgres';

describe('GridCache', () => {
  it('keeps the most recently used orders within its id budget', () => {
    const cache = new GridCache(() => false, 10);
    cache.setOrder('a', [1, 2, 3, 4]);
    cache.setOrder('b', [5, 6, 7, 8]);
    cache.order('a'); // a is now the most recent
    cache.setOrder('c', [9, 10, 11]);
    expect(cache.order('a')).toBeDefined();
    expect(cache.order('b')).toBeUndefined();
    expect(Array.from(cache.order('c')!)).toEqual([9, 10, 11]);
  });

  it('forgets everything when another connection has committed', () => {
    let changed = false;
    const cache = new GridCache(() => changed);
    cache.setCount('q', 5);
    cache.setOrder('q', [1, 2]);
    expect(cache.count('q')).toBe(5);
    changed = true;
    expect(cache.count('q')).toBeUndefined();
    expect(cache.order('q')).toBeUndefined();
  });
});

// Deep blocks come from the cached order of ids; they must hold exactly the rows the plain
// OFFSET query finds at that position, before and after the data changes.
describe('deep blocks of a large grid', () => {
  let t: TestCore;
  let plain: DatabaseHandle;
  beforeAll(async () => {
    t = await openTestCore({ demoRecords: 2600 });
    plain = openDatabase({ file: t.core.file, ...(t.postgres ? { postgres: { connectionString: t.postgres } } : {}) });
  });
  afterAll(async () => {
    await plain.close();
    await t.close();
  });

  const block = async (input: Partial<VegetationListInput>) =>
    (
      await t.call('vegetation.list', { startRow: 0, endRow: 100, ...input } as VegetationListInput, t.adminToken)
    ).rows.map((r) => r.id);
  const uncached = async (input: Partial<VegetationListInput>) => {
    const req = contract['vegetation.list'].input.parse({
      startRow: 0,
      endRow: 100,
      ...input,
    }) as ParsedInputOf<'vegetation.list'>;
    return (await gridPageOf(vegetationGrid(plain.db, req, localDate(new Date()), 30))).rows.map((r) => r.id);
  };

  const VIEWS: [string, Partial<VegetationListInput>][] = [
    ['default order (due date)', {}],
    ['planned date, newest first', { sortModel: [{ colId: 'plannedDate', sort: 'desc' }] }],
    ['line name (a joined column)', { sortModel: [{ colId: 'lineName', sort: 'asc' }] }],
    [
      'grade by severity, status filter',
      { sortModel: [{ colId: 'hazardGrade', sort: 'asc' }], statuses: ['scheduled', 'unscheduled'] },
    ],
    ['overdue', { preset: 'overdue' }],
  ];

  it.each(VIEWS)('%s: blocks at 1,000 and beyond match the plain query', async (_name, view) => {
    const { rowCount } = await t.call(
      'vegetation.list',
      { startRow: 0, endRow: 1, ...view } as VegetationListInput,
      t.adminToken,
    );
    for (const start of [1000, 1337, 2000, Math.max(1000, rowCount - 40)]) {
      if (start >= rowCount) continue;
      expect(await block({ ...view, startRow: start, endRow: start + 100 }), `${start}`).toEqual(
        await uncached({ ...view, startRow: start, endRow: start + 100 }),
      );
    }
  });

  it('a save moves a record within the cached order at once', async () => {
    const view = { sortModel: [{ colId: 'plannedDate', sort: 'asc' as const }] };
    const at = { ...view, startRow: 1500, endRow: 1600 };
    const before = await block(at);
    const moved = await t.call('vegetation.get', { id: before[0]! }, t.adminToken);
    await t.call(
      'vegetation.save',
      { ...moved, towerRange: moved.towerRange, plannedDate: '2099-12-31', lateReason: '等林业部门批复' } as never,
      t.adminToken,
    );
    const after = await block(at);
    expect(after).not.toContain(moved.id);
    expect(after).toEqual(await uncached(at));
  });

  // On PostgreSQL the server is the only writer; its jobs clear the cache when they end.
  it.skipIf(onPostgres)(
    'a record written by another connection to the SQLite file (an import’s worker) shows at once',
    async () => {
      const view = { sortModel: [{ colId: 'plannedDate', sort: 'asc' as const }], startRow: 1200, endRow: 1300 };
      await block(view); // the order is cached now
      const [row] = await t.sql<{ id: number }>(
        'select id from vegetation_records where deleted_at is null order by planned_date is null, planned_date, id limit 1 offset 1250',
      );
      const victim = row!.id;
      await t.sql("update vegetation_records set deleted_at = '2026-01-01T00:00:00.000Z' where id = ?", [victim]);
      const after = await block(view);
      expect(after).not.toContain(victim);
      expect(after).toEqual(await uncached(view));
    },
  );
});
