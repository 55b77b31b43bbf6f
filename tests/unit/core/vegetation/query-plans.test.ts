import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VegetationListInput } from '../../../../electron/contract';
import { openTestCore, type TestCore } from '../../helpers/core';

// The planner's everyday filters must be answered from an index, not by reading every record.
let t: TestCore;
const statements: string[] = [];
beforeAll(async () => {
  t = await openTestCore({ demoRecords: 2000, verbose: (sql) => statements.push(sql) });
  const db = new Database(t.core.file);
  db.exec('analyze');
  db.close();
});
afterAll(() => t.close());

const FILTERS: [string, Partial<VegetationListInput>][] = [
  ['default view (by due date)', {}],
  ['逾期', { preset: 'overdue' }],
  ['30天内到期', { preset: 'due30' }],
  ['仅紧急', { preset: 'emergency' }],
  ['受阻', { preset: 'blocked' }],
  ['by grade', { grades: ['emergency', 'major'] }],
  ['by status', { statuses: ['scheduled'] }],
  ['by line', { lineId: 3 }],
  ['by township', { townshipId: 2 }],
  ['sorted by planned date', { sortModel: [{ colId: 'plannedDate', sort: 'asc' }] }],
  ['the search box (through the text index)', { search: '王建' }],
  ['the search box with a line', { search: '王', lineId: 3 }],
];

function plansFor(input: Partial<VegetationListInput>) {
  return (async () => {
    statements.length = 0;
    // A block near the top (ids by OFFSET) and one deep down (the whole order of ids, then cached).
    await t.call('vegetation.list', { startRow: 100, endRow: 200, ...input } as VegetationListInput, t.adminToken);
    await t.call('vegetation.list', { startRow: 1500, endRow: 1600, ...input } as VegetationListInput, t.adminToken);
    const queries = statements.filter((s) => /from "vegetation_records"/i.test(s));
    const db = new Database(t.core.file, { readonly: true });
    try {
      return queries.map((sql) => {
        const params = new Array<null>((sql.match(/\?/g) ?? []).length).fill(null);
        const plan = db.prepare(`explain query plan ${sql}`).all(...params) as { detail: string }[];
        return { sql, plan: plan.map((p) => p.detail) };
      });
    } finally {
      db.close();
    }
  })();
}

describe('query plans of the vegetation grid', () => {
  it.each(FILTERS)('%s reads vegetation_records through an index', async (_name, input) => {
    const plans = await plansFor(input);
    expect(plans.length).toBeGreaterThanOrEqual(1);
    for (const { sql, plan } of plans) {
      const fullScan = plan.filter((d) => /^SCAN v\b/.test(d) && !/USING (COVERING )?INDEX/.test(d));
      expect(fullScan, `${sql}\n${plan.join('\n')}`).toEqual([]);
    }
  });
});
