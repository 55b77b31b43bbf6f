import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../../helpers/core';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
});
afterEach(() => t.close());

describe('reference data', () => {
  it('refuses a duplicate name at the name field', async () => {
    await t.call('townships.save', { name: '城关镇' }, t.adminToken);
    await expect(t.call('townships.save', { name: '城关镇' }, t.adminToken)).rejects.toMatchObject({
      code: 'VALIDATION',
      issues: [expect.objectContaining({ path: ['name'], message: 'validation.duplicate' })],
    });
  });

  it('keeps the townships a line serves', async () => {
    const a = await t.call('townships.save', { name: '石桥镇' }, t.adminToken);
    const b = await t.call('townships.save', { name: '龙泉乡' }, t.adminToken);
    const line = await t.call(
      'lines.save',
      { name: '35kV 石龙线', voltage: '35', conductor: 'bare', areaType: 'rural', townshipIds: [a.id, b.id] },
      t.adminToken,
    );
    expect(line.townshipIds.sort()).toEqual([a.id, b.id].sort());
    expect(line.townshipNames).toContain('石桥镇');
  });

  it('will not delete a line that records still use, and says how many', async () => {
    const line = await t.call(
      'lines.save',
      { name: '10kV 在用线', voltage: '10', conductor: 'bare', areaType: 'urban' },
      t.adminToken,
    );
    await t.call(
      'vegetation.save',
      { lineId: line.id, towerRange: '#1', species: '杨树', treeCount: 1, verticalDistance: 3, action: 'trim' },
      t.adminToken,
    );
    await expect(t.call('lines.delete', { ids: [line.id] }, t.adminToken)).rejects.toMatchObject({
      code: 'RULE',
      message: 'reference.inUse',
      params: { count: 1 },
    });
  });

  it('a clerk may read reference data but not change it', async () => {
    const clerk = await t.signIn('clerk');
    await expect(t.call('lines.list', { startRow: 0, endRow: 10 }, clerk)).resolves.toMatchObject({ rowCount: 0 });
    await expect(
      t.call('lines.save', { name: 'x', voltage: '10', conductor: 'bare', areaType: 'urban' }, clerk),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a village must name a live township', async () => {
    const tw = await t.call('townships.save', { name: '青山乡' }, t.adminToken);
    await t.call('townships.delete', { ids: [tw.id] }, t.adminToken);
    await expect(t.call('villages.save', { townshipId: tw.id, name: '王家村' }, t.adminToken)).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ['townshipId'], message: 'validation.reference_missing' })],
    });
  });
});

describe('recycle bin', () => {
  it('will not restore a name that was reused meanwhile', async () => {
    const old = await t.call('teams.save', { name: '配电运检一班', kind: 'distribution' }, t.adminToken);
    await t.call('teams.delete', { ids: [old.id] }, t.adminToken);
    await t.call('teams.save', { name: '配电运检一班', kind: 'distribution' }, t.adminToken);
    await expect(t.call('recycle.restore', { entity: 'teams', id: old.id }, t.adminToken)).rejects.toMatchObject({
      code: 'RULE',
      message: 'recycle.nameTaken',
    });
  });

  it('restoring needs the role that may delete that kind of record', async () => {
    const tw = await t.call('townships.save', { name: '白沙镇' }, t.adminToken);
    await t.call('townships.delete', { ids: [tw.id] }, t.adminToken);
    const clerk = await t.signIn('clerk');
    await expect(t.call('recycle.restore', { entity: 'townships', id: tw.id }, clerk)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const planner = await t.signIn('planner');
    await expect(t.call('recycle.restore', { entity: 'townships', id: tw.id }, planner)).resolves.toEqual({ ok: true });
  });
});
