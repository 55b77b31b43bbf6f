import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../../helpers/core';

// Issue 19 item 0: a hazard's deadline comes from the day it was found and its grade (or the cycle),
// never from the plan date.
let now: Date;
let t: TestCore;
let lineId: number;
let teamId: number;
beforeEach(async () => {
  now = new Date('2026-03-01T09:00:00+08:00');
  t = await openTestCore({ clock: () => now });
  lineId = (
    await t.call(
      'lines.save',
      { name: '10kV 城关一线', voltage: '10', conductor: 'bare', areaType: 'rural' },
      t.adminToken,
    )
  ).id;
  teamId = (await t.call('teams.save', { name: '城关运维班', kind: 'line' }, t.adminToken)).id;
});
afterEach(() => t.close());

/** 10 kV bare conductor: minimum 1.5 m vertical, so 1.2 m is 紧急, 3.0 m 重大, 6.0 m 一般. */
const hazard = (vertical: number, extra: Record<string, unknown> = {}) =>
  t.call(
    'vegetation.save',
    {
      lineId,
      towerRange: '#12–#15',
      species: '杨树',
      treeCount: 4,
      verticalDistance: vertical,
      action: 'trim',
      ...extra,
    },
    t.adminToken,
  );
const overdueIds = async () =>
  (await t.call('vegetation.list', { startRow: 0, endRow: 50, preset: 'overdue' }, t.adminToken)).rows.map((r) => r.id);

describe('deadlines that cannot slide', () => {
  it('come from the found date and grade: 紧急 1 day, 重大 30 days, 一般 the trimming cycle', async () => {
    const emergency = (await hazard(1.2, { foundDate: '2026-02-27' })).record;
    const major = (await hazard(3.0, { foundDate: '2026-02-27' })).record;
    const general = (await hazard(6.0, { foundDate: '2026-02-27' })).record;
    expect([emergency.hazardGrade, emergency.deadline]).toEqual(['emergency', '2026-02-28']);
    expect([major.hazardGrade, major.deadline]).toEqual(['major', '2026-03-29']);
    expect([general.hazardGrade, general.deadline]).toEqual(['general', '2027-02-27']);
    // Found today unless the clerk says otherwise.
    expect((await hazard(1.2)).record).toMatchObject({ foundDate: '2026-03-01', deadline: '2026-03-02' });
  });

  it('an overdue 紧急 record given a later plan date stays overdue, and its deadline is unchanged', async () => {
    const { record } = await hazard(1.2, { foundDate: '2025-11-01' });
    expect(record.deadline).toBe('2025-11-02');
    expect(await overdueIds()).toEqual([record.id]);
    const { record: replanned } = await t.call(
      'vegetation.save',
      {
        ...record,
        plannedDate: '2026-03-20',
        teamId,
        lateReason: '待停电窗口',
        version: record.version,
        lineId,
        towerRange: record.towerRange,
      },
      t.adminToken,
    );
    expect(replanned).toMatchObject({
      deadline: '2025-11-02',
      dueDate: '2025-11-02',
      overdue: true,
      plannedLate: true,
      lateReason: '待停电窗口',
    });
    expect(await overdueIds()).toEqual([record.id]);
  });

  it('a 紧急 record with no plan date falls overdue after its deadline, and the bell counts it', async () => {
    const { record } = await hazard(1.2);
    expect(record.plannedDate).toBeNull();
    expect(await overdueIds()).toEqual([]);
    now = new Date('2026-03-03T09:00:00+08:00');
    const token = await t.reauthAdmin();
    expect(
      (await t.call('vegetation.list', { startRow: 0, endRow: 50, preset: 'overdue' }, token)).rows.map((r) => r.id),
    ).toEqual([record.id]);
    const { items } = await t.call('reminders.list', {}, token);
    expect(items.find((i) => i.label === 'reminders.vegetation.overdue')).toMatchObject({ count: 1 });
  });

  it('a slip past the deadline without a reason is refused on the reason field; with one it is saved and audited', async () => {
    const { record } = await hazard(3.0, { foundDate: '2026-03-01' });
    const slip = {
      ...record,
      lineId,
      towerRange: record.towerRange,
      version: record.version,
      plannedDate: '2026-04-15',
      teamId,
    };
    const refused = await t.call('vegetation.save', slip, t.adminToken).catch((e: unknown) => e);
    expect(refused).toMatchObject({
      code: 'VALIDATION',
      issues: [
        { path: ['lateReason'], message: 'vegetation.plannedDate.pastDeadline', params: { deadline: '2026-03-31' } },
      ],
    });
    expect((await t.call('vegetation.get', { id: record.id }, t.adminToken)).version).toBe(record.version);
    const { record: saved } = await t.call(
      'vegetation.save',
      { ...slip, lateReason: '树主外出，约定 4 月中旬处理' },
      t.adminToken,
    );
    expect(saved).toMatchObject({ plannedDate: '2026-04-15', deadline: '2026-03-31', plannedLate: true });
    const log = await t.call(
      'audit.list',
      { startRow: 0, endRow: 10, entity: 'vegetation', entityId: String(record.id) },
      t.adminToken,
    );
    expect(log.rows.find((r) => r.summary === 'planned past deadline')).toMatchObject({
      after: { plannedDate: '2026-04-15', deadline: '2026-03-31', reason: '树主外出，约定 4 月中旬处理' },
    });
    // Planned back within the deadline: no longer late, the reason goes.
    const { record: back } = await t.call(
      'vegetation.save',
      { ...saved, lineId, towerRange: saved.towerRange, plannedDate: '2026-03-20' },
      t.adminToken,
    );
    expect(back).toMatchObject({ plannedLate: false, lateReason: null });
  });

  it('a date and a team move a record from 待排期 to 已排期', async () => {
    const { record } = await hazard(6.0);
    expect(record.status).toBe('unscheduled');
    const { record: dated } = await t.call(
      'vegetation.save',
      { ...record, lineId, towerRange: record.towerRange, plannedDate: '2026-04-01' },
      t.adminToken,
    );
    expect(dated.status).toBe('unscheduled');
    const { record: planned } = await t.call(
      'vegetation.save',
      { ...dated, lineId, towerRange: dated.towerRange, teamId },
      t.adminToken,
    );
    expect(planned.status).toBe('scheduled');
  });

  it('a changed deadline setting re-judges every deadline', async () => {
    const { record } = await hazard(3.0, { foundDate: '2026-03-01' });
    const { regraded } = await t.call(
      'settings.update',
      { key: 'vegetation.deadline.majorDays', value: 7 },
      t.adminToken,
    );
    expect(regraded).toBeGreaterThanOrEqual(1);
    expect((await t.call('vegetation.get', { id: record.id }, t.adminToken)).deadline).toBe('2026-03-08');
  });
});

describe('quick filters', () => {
  it('ticked together, a record must meet every one: 逾期 and 仅紧急 is the overdue emergencies', async () => {
    const overdueEmergency = (await hazard(1.2, { foundDate: '2026-02-20' })).record;
    const overdueMajor = (await hazard(3.0, { foundDate: '2026-01-10' })).record;
    const freshEmergency = (await hazard(1.2, { foundDate: '2026-03-01' })).record;
    const ids = async (input: object) =>
      (await t.call('vegetation.list', { startRow: 0, endRow: 50, ...input }, t.adminToken)).rows
        .map((r) => r.id)
        .sort();
    expect(await ids({ presets: ['overdue'] })).toEqual([overdueEmergency.id, overdueMajor.id].sort());
    expect(await ids({ presets: ['emergency'] })).toEqual([overdueEmergency.id, freshEmergency.id].sort());
    expect(await ids({ presets: ['overdue', 'emergency'] })).toEqual([overdueEmergency.id]);
    // A link's single preset combines with the ticked ones, and with the dropdowns.
    expect(await ids({ preset: 'overdue', presets: ['emergency'] })).toEqual([overdueEmergency.id]);
    expect(await ids({ presets: ['overdue'], grades: ['major'] })).toEqual([overdueMajor.id]);
  });
});
