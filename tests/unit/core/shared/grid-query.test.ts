import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../../electron/contract';
import { openTestCore, type TestCore } from '../../helpers/core';

let t: TestCore;
let lineId: number;
const statements: string[] = [];
beforeAll(async () => {
  t = await openTestCore({ verbose: (sql) => statements.push(sql) });
  lineId = (
    await t.call(
      'lines.save',
      { name: '10kV 网格线', voltage: '10', conductor: 'bare', areaType: 'rural' },
      t.adminToken,
    )
  ).id;
  const rows = [
    { species: '杨树', treeCount: 3, verticalDistance: 1.0, plannedDate: '2026-03-01', landowner: '王_百分%' },
    { species: '桉树', treeCount: 10, verticalDistance: 2.5, plannedDate: '2026-05-01', landowner: '李四' },
    { species: '毛竹', treeCount: 30, verticalDistance: 9.0, plannedDate: null, landowner: null },
  ];
  for (const r of rows)
    await t.call('vegetation.save', { lineId, towerRange: '1', action: 'trim', ...r }, t.adminToken);
});
afterAll(() => t.close());

const list = (input: Record<string, unknown>) =>
  t.call('vegetation.list', { startRow: 0, endRow: 100, ...input } as never, t.adminToken);

describe('grid filters run in SQL', () => {
  it('text contains / equals / blank', async () => {
    expect(
      (await list({ filterModel: { species: { filterType: 'text', type: 'contains', filter: '树' } } })).rowCount,
    ).toBe(2);
    expect(
      (await list({ filterModel: { species: { filterType: 'text', type: 'equals', filter: '毛竹' } } })).rowCount,
    ).toBe(1);
    expect((await list({ filterModel: { landowner: { filterType: 'text', type: 'blank' } } })).rowCount).toBe(1);
  });

  it('treats % and _ typed by a user as plain characters', async () => {
    const r = await list({ filterModel: { landowner: { filterType: 'text', type: 'contains', filter: '_百分%' } } });
    expect(r.rows.map((x) => x.landowner)).toEqual(['王_百分%']);
    expect((await list({ search: '%' })).rowCount).toBe(1);
  });

  it('number ranges and comparisons', async () => {
    expect(
      (await list({ filterModel: { treeCount: { filterType: 'number', type: 'inRange', filter: 3, filterTo: 10 } } }))
        .rowCount,
    ).toBe(2);
    expect(
      (await list({ filterModel: { verticalDistance: { filterType: 'number', type: 'lessThan', filter: 2 } } }))
        .rowCount,
    ).toBe(1);
  });

  it('date filters as the grid sends them, and combined conditions', async () => {
    const april = { filterType: 'date', type: 'lessThan', dateFrom: '2026-04-01 00:00:00' };
    expect((await list({ filterModel: { plannedDate: april } })).rowCount).toBe(1);
    const either = {
      filterType: 'text',
      operator: 'OR',
      conditions: [
        { filterType: 'text', type: 'equals', filter: '杨树' },
        { filterType: 'text', type: 'equals', filter: '毛竹' },
      ],
    };
    expect((await list({ filterModel: { species: either } })).rowCount).toBe(2);
  });

  it('refuses a malformed date and a filter of the wrong type', async () => {
    await expect(
      list({ filterModel: { plannedDate: { filterType: 'date', type: 'equals', dateFrom: '2026-02-30' } } }),
    ).rejects.toBeInstanceOf(ApiError);
    await expect(
      list({ filterModel: { species: { filterType: 'number', type: 'equals', filter: 1 } } }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('a sort or filter on an inherited property name (constructor, toString) is a validation error naming it', async () => {
    for (const colId of ['constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      const sorted = await list({ sortModel: [{ colId, sort: 'asc' }] }).catch((e: unknown) => e);
      expect(sorted).toMatchObject({
        code: 'VALIDATION',
        message: 'validation.unknown_column',
        params: { column: colId },
      });
      const filtered = await list({
        filterModel: { [colId]: { filterType: 'text', type: 'contains', filter: 'x' } },
      }).catch((e: unknown) => e);
      expect(filtered).toMatchObject({ code: 'VALIDATION', issues: [{ path: ['filterModel', colId] }] });
    }
  });

  it('pages do not overlap and empty dates sort last', async () => {
    const a = await list({ startRow: 0, endRow: 2, sortModel: [{ colId: 'plannedDate', sort: 'asc' }] });
    const b = await list({ startRow: 2, endRow: 4, sortModel: [{ colId: 'plannedDate', sort: 'asc' }] });
    expect([...a.rows, ...b.rows].map((r) => r.plannedDate)).toEqual(['2026-03-01', '2026-05-01', null]);
    expect(a.rowCount).toBe(3);
  });

  it('sorts grades by severity, not alphabetically', async () => {
    const r = await list({ sortModel: [{ colId: 'hazardGrade', sort: 'asc' }] });
    expect(r.rows.map((x) => x.hazardGrade)).toEqual(['emergency', 'major', 'general']);
  });
});

describe('row counts for the scrollbar', () => {
  it('are made once while the user scrolls, and renewed by a save or by another connection', async () => {
    const counted = () => statements.filter((s) => /count\(\*\)/i.test(s)).length;
    const first = await list({ startRow: 0, endRow: 2 });
    statements.length = 0;
    expect((await list({ startRow: 2, endRow: 4 })).rowCount).toBe(first.rowCount);
    expect(counted()).toBe(0);
    // A row committed by another connection to the SQLite file (an import's worker) is counted at once
    // (on PostgreSQL the server is the only writer, and its jobs clear the counts when they end)…
    let outside = 0;
    if (!t.postgres) {
      await t.sql(
        "insert into vegetation_records (line_id, tower_from, tower_to, species, tree_count, tree_class, action, status, hazard_grade, hazard_basis_json, created_at, updated_at) select line_id, 9, 9, '柳树', 1, tree_class, action, status, hazard_grade, hazard_basis_json, created_at, updated_at from vegetation_records limit 1",
      );
      outside = 1;
      expect((await list({ startRow: 2, endRow: 4 })).rowCount).toBe(first.rowCount + 1);
    }
    // …and so is every save through the core.
    await t.call(
      'vegetation.save',
      { lineId, towerRange: '2', action: 'trim', species: '柏树', treeCount: 1, verticalDistance: 4 },
      t.adminToken,
    );
    expect((await list({ startRow: 0, endRow: 2 })).rowCount).toBe(first.rowCount + outside + 1);
  });
});

describe('paging from either end', () => {
  it('blocks read from the end (far half) match the same rows read from the start', async () => {
    for (let i = 0; i < 60; i++) {
      await t.call(
        'vegetation.save',
        {
          lineId,
          towerRange: `${i + 1}`,
          action: 'trim',
          species: i % 3 ? '杨树' : '桉树',
          treeCount: 1 + (i % 5),
          verticalDistance: (i % 7) / 2,
          plannedDate: i % 4 ? `2026-0${1 + (i % 9)}-1${i % 10}` : null,
        },
        t.adminToken,
      );
    }
    for (const sortModel of [
      [],
      [{ colId: 'plannedDate', sort: 'asc' }],
      [{ colId: 'plannedDate', sort: 'desc' }],
      [{ colId: 'treeCount', sort: 'desc' }],
    ]) {
      const all = await list({ startRow: 0, endRow: 1000, sortModel });
      const blocks: number[] = [];
      for (let start = 0; start < all.rowCount; start += 7)
        blocks.push(...(await list({ startRow: start, endRow: start + 7, sortModel })).rows.map((r) => r.id));
      expect(blocks, JSON.stringify(sortModel)).toEqual(all.rows.map((r) => r.id));
    }
  });
});
