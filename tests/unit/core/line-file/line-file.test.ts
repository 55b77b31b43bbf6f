import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openTestCore, type TestCore } from '../../helpers/core';

// 线路档案 (一线一档): one line's records tower by tower, as it stands now and at an earlier year's end.
let now = new Date('2026-12-01T09:00:00+08:00');
let t: TestCore;
let lineId: number;

beforeEach(async () => {
  now = new Date('2025-03-10T09:00:00+08:00');
  t = await openTestCore({ clock: () => now });
  const line = { voltage: '10', conductor: 'bare', areaType: 'rural', townshipIds: [] as number[] } as const;
  lineId = (await t.call('lines.save', { ...line, name: '10kV 城关线', towerCount: 180 }, t.adminToken)).id;
  const other = (await t.call('lines.save', { ...line, name: '10kV 河口线' }, t.adminToken)).id;
  const hazard = (towerRange: string, verticalDistance: number, on = lineId) =>
    t.call(
      'vegetation.save',
      { lineId: on, towerRange, species: '杨树', treeCount: 2, verticalDistance, action: 'trim' },
      t.adminToken,
    );
  // 2025: an emergency hazard at #40, a device tested and failed there, a trip over #38–#41.
  const near = (await hazard('#40', 0.5)).record;
  await hazard('#5', 3, other); // another line's: not in this file
  const ground = await t.call(
    'lightningDevices.save',
    { kind: 'grounding', code: 'JD-40', site: 'tower', lineId, tower: '#40', soilResistivity: 300 },
    t.adminToken,
  );
  await t.call(
    'lightningDevices.save',
    { kind: 'arrester', code: 'BL-60', site: 'tower', lineId, tower: '60号', ratedKv: 17 },
    t.adminToken,
  );
  await t.call(
    'lightningTests.save',
    { deviceId: ground.id, testedOn: '2025-03-10', tester: '张工', groundingOhm: 16 },
    t.adminToken,
  );
  await t.call(
    'trips.save',
    { lineId, occurredAt: '2025-03-09T14:20', towers: '#38–#41', reclosed: false, deviceIds: [] },
    t.adminToken,
  );
  // 2026: the #40 hazard cleared, the ground retested and passed, a new hazard #12–#15, a trip,
  // a transformer at #77 with a serious defect and a request for it waiting for approval.
  now = new Date('2026-06-01T09:00:00+08:00');
  await t.reauthAdmin();
  await t.call(
    'vegetation.save',
    {
      id: near.id,
      version: near.version,
      lineId,
      towerRange: '#40',
      species: '杨树',
      treeCount: 2,
      verticalDistance: 0.5,
      action: 'trim',
      status: 'done',
      completedDate: '2026-01-20',
      distanceAfter: 4,
    },
    t.adminToken,
  );
  await hazard('#12–#15', 2.5);
  await t.call(
    'lightningTests.save',
    { deviceId: ground.id, testedOn: '2026-05-20', tester: '张工', groundingOhm: 8 },
    t.adminToken,
  );
  await t.call(
    'trips.save',
    { lineId, occurredAt: '2026-05-10T16:00', towers: '#100', reclosed: true, deviceIds: [] },
    t.adminToken,
  );
  const tx = await t.call(
    'equipment.save',
    {
      kind: 'transformer',
      code: 'T-77',
      name: '城关 77 号配变',
      lineId,
      location: '#77 杆',
      condition: 2,
      defectGrade: 'serious',
      defectFoundOn: '2026-04-02',
    },
    t.adminToken,
  );
  const req = await t.call(
    'upgrades.save',
    {
      equipmentId: tx.id,
      problem: '渗漏油',
      proposedWork: '更换配变',
      projectType: 'renovation',
      estimatedCost: 12,
      customersAffected: 80,
    },
    t.adminToken,
  );
  await t.call('upgrades.transition', { ids: [req.id], action: 'submit' }, t.adminToken);
});
afterEach(() => t.close());

describe('the line file', () => {
  test('now: the open hazard over its span, the devices by state, trips by tower, the defect and its request', async () => {
    const file = await t.call('lineFile.get', { lineId }, t.adminToken);
    expect(file.line).toMatchObject({ name: '10kV 城关线', towerCount: 180 });
    expect(file.lastTower).toBe(180);
    expect(file.asOf).toBe('2026-06-01');
    expect(file.hazards.map((h) => [h.from, h.to, h.grade])).toEqual([[12, 15, 'major']]);
    expect(file.devices.map((d) => [d.code, d.tower, d.state])).toEqual([
      ['BL-60', 60, 'due'],
      ['JD-40', 40, 'passed'],
    ]);
    expect(file.trips.map((t) => t.towers)).toEqual([[38, 41], [100]]);
    expect(file.defects).toEqual([expect.objectContaining({ code: 'T-77', tower: 77, grade: 'serious' })]);
    expect(file.upgrades).toEqual([expect.objectContaining({ equipmentCode: 'T-77', tower: 77, status: 'submitted' })]);
    expect(file.figures).toMatchObject({
      openHazards: { emergency: 0, major: 1, general: 0 },
      devicesDue: 1,
      devicesFailed: 0,
      tripsThisYear: 1,
      tripsLastYear: 1,
      openDefects: 1,
      requestsWaiting: 1,
    });
  });

  test('as at the end of 2025: the #40 hazard still open, the ground failed (red), no 2026 records', async () => {
    const file = await t.call('lineFile.get', { lineId, year: 2025 }, t.adminToken);
    expect(file.asOf).toBe('2025-12-31');
    expect(file.hazards.map((h) => [h.from, h.to, h.grade])).toEqual([[40, 40, 'emergency']]);
    expect(file.devices.find((d) => d.code === 'JD-40')).toMatchObject({
      state: 'failed',
      lastTestedOn: '2025-03-10',
    });
    expect(file.trips.map((t) => t.occurredAt)).toEqual(['2025-03-09T14:20']);
    expect(file.defects).toEqual([]);
    expect(file.upgrades).toEqual([]);
    expect(file.figures).toMatchObject({
      openHazards: { emergency: 1, major: 0, general: 0 },
      devicesFailed: 1,
      tripsThisYear: 1,
      tripsLastYear: 0,
    });
  });

  test('a line without a count runs to the highest tower anything names; an unknown line is not found', async () => {
    const { rows } = await t.call('lines.list', { startRow: 0, endRow: 10 }, t.adminToken);
    const other = rows.find((r) => r.name === '10kV 河口线')!;
    expect((await t.call('lineFile.get', { lineId: other.id }, t.adminToken)).lastTower).toBe(5);
    await expect(t.call('lineFile.get', { lineId: 9999 }, t.adminToken)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
