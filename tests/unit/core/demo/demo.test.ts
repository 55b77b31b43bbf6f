import { afterEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../../helpers/core';

let t: TestCore | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('demo county', () => {
  it('fills an empty database with Chinese lines, townships and graded records, and only once', async () => {
    t = await openTestCore();
    const res = await t.call('demo.load', { vegetationRecords: 500 }, t.adminToken);
    expect(res).toMatchObject({ vegetationRecords: 500, townships: 12 });
    const page = await t.call('vegetation.list', { startRow: 0, endRow: 500 }, t.adminToken);
    expect(page.rowCount).toBe(500);
    expect(new Set(page.rows.map((r) => r.hazardGrade))).toEqual(new Set(['emergency', 'major', 'general']));
    expect(page.rows.every((r) => /kV/.test(r.lineName))).toBe(true);
    const blocked = await t.call('vegetation.list', { startRow: 0, endRow: 50, preset: 'blocked' }, t.adminToken);
    expect(blocked.rowCount).toBeGreaterThan(0);
    const { dispute } = await t.call('vegetation.dispute.get', { recordId: blocked.rows[0]!.id }, t.adminToken);
    expect(dispute?.entries.length).toBeGreaterThan(0);
    await expect(t.call('demo.load', { vegetationRecords: 10 }, t.adminToken)).rejects.toMatchObject({
      message: 'demo.notEmpty',
    });
  });

  it('only an admin may load it', async () => {
    t = await openTestCore();
    const planner = await t.signIn('planner');
    await expect(t.call('demo.load', { vegetationRecords: 10 }, planner)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
