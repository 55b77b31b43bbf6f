import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { openTestCore, type TestCore } from '../../helpers/core';
import { downloadFile, waitForJob } from '../../helpers/files';

// The planner's board through dispatch, as the window calls it. 2026-12-07 is a Monday.
const TODAY = '2026-12-07';
let t: TestCore;
let planner: string;
let clerk: string;
let manager: string;
let lineId: number;
let teamId: number;
let townshipId: number;

beforeEach(async () => {
  t = await openTestCore({ clock: () => new Date(`${TODAY}T09:00:00+08:00`) });
  planner = await t.signIn('planner', 'jihua');
  clerk = await t.signIn('clerk', 'banshi');
  manager = await t.signIn('manager', 'zhuguan');
  townshipId = (await t.call('townships.save', { name: '城关镇' }, t.adminToken)).id;
  lineId = (
    await t.call(
      'lines.save',
      { name: '10kV 城关一线', voltage: '10', conductor: 'bare', areaType: 'rural' },
      t.adminToken,
    )
  ).id;
  teamId = (await t.call('teams.save', { name: '配电运检一班', kind: 'distribution' }, t.adminToken)).id;
  const team = (await t.call('trimming.teams', {}, planner)).teams.find((x) => x.id === teamId)!;
  // Two people for four hours: 480 person-minutes a day; trimming takes 30 per tree.
  await t.call(
    'trimming.saveTeam',
    { teamId, version: team.version, hoursPerDay: 4, crewSize: 2, townshipIds: [townshipId] },
    planner,
  );
});
afterEach(() => t.close());

/** 10 kV bare: 3.0 m vertical is 重大 (deadline found + 30 days). */
const hazard = async (towerRange: string, treeCount: number, extra: Record<string, unknown> = {}) =>
  (
    await t.call(
      'vegetation.save',
      {
        lineId,
        towerRange,
        species: '杨树',
        treeCount,
        verticalDistance: 3,
        action: 'trim',
        townshipId,
        landowner: '王建国',
        ...extra,
      },
      t.adminToken,
    )
  ).record;

describe('work packages on the board', () => {
  it('a package within the rules is saved and its records follow it (已排期, date, team)', async () => {
    const a = await hazard('#12', 4);
    const b = await hazard('#13–#14', 4);
    const check = await t.call('trimming.check', { teamId, date: '2026-12-10', recordIds: [a.id, b.id] }, planner);
    expect(check).toEqual({ violations: [], minutes: 240 });
    const { package: p } = await t.call(
      'trimming.savePackage',
      { teamId, date: '2026-12-10', recordIds: [a.id, b.id] },
      planner,
    );
    expect(p).toMatchObject({ status: 'planned', lineName: '10kV 城关一线', minutes: 240, trees: 8, violations: [] });
    expect(await t.call('vegetation.get', { id: a.id }, planner)).toMatchObject({
      status: 'scheduled',
      plannedDate: '2026-12-10',
      teamId,
    });
    // Gone from the backlog.
    expect((await t.call('trimming.backlog', {}, planner)).records).toEqual([]);
  });

  it('a package onto a full day shows the rule, is refused without a reason, and saved as an override whose reason is in the audit log', async () => {
    const full = await hazard('#20', 16);
    const more = await hazard('#40', 1);
    await t.call('trimming.savePackage', { teamId, date: '2026-12-10', recordIds: [full.id] }, planner);
    const check = await t.call('trimming.check', { teamId, date: '2026-12-10', recordIds: [more.id] }, planner);
    expect(check.violations).toEqual([
      { rule: 'capacity', date: '2026-12-10', recordId: null, params: { load: 510, capacity: 480 } },
    ]);
    const refused = await t
      .call('trimming.savePackage', { teamId, date: '2026-12-10', recordIds: [more.id] }, planner)
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({
      code: 'RULE',
      message: 'trimming.package.needsOverride',
      params: { rules: 'capacity' },
    });
    const { package: p } = await t.call(
      'trimming.savePackage',
      { teamId, date: '2026-12-10', recordIds: [more.id], overrideReason: '班组加班半小时' },
      planner,
    );
    expect(p.overrideReason).toBe('班组加班半小时');
    expect(p.violations.map((v) => v.rule)).toEqual(['capacity']);
    const log = await t.call(
      'audit.list',
      { startRow: 0, endRow: 20, entity: 'packages', entityId: String(p.id) },
      t.adminToken,
    );
    expect(log.rows.find((r) => r.summary === 'plan rule overridden')).toMatchObject({
      username: 'jihua',
      after: { reason: '班组加班半小时', violations: [expect.objectContaining({ rule: 'capacity' })] },
    });
  });

  it('only planners plan: a clerk cannot save a package, a manager cannot either', async () => {
    const a = await hazard('#12', 2);
    for (const token of [clerk, manager]) {
      await expect(
        t.call('trimming.savePackage', { teamId, date: '2026-12-10', recordIds: [a.id] }, token),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it('notices, the work order (numbered, 补打 on reprint), work done with one record still too close, and acceptance', async () => {
    const ok = await hazard('#12', 2);
    const close = await hazard('#13', 2, { landowner: '李秀英', plantedInZone: true });
    const { package: p } = await t.call(
      'trimming.savePackage',
      { teamId, date: '2026-12-14', recordIds: [ok.id, close.id] },
      planner,
    );

    const { letters } = await t.call('trimming.notices', { packageIds: [p.id] }, clerk);
    expect(letters.map((l) => [l.landowner, l.towers, l.items[0]!.plantedInZone])).toEqual([
      ['李秀英', '#13', true],
      ['王建国', '#12', false],
    ]);
    expect(await t.call('trimming.markNotified', { packageIds: [p.id], date: TODAY }, clerk)).toEqual({
      records: 2,
      packages: 1,
    });
    expect(await t.call('vegetation.get', { id: ok.id }, clerk)).toMatchObject({ status: 'notified' });

    const first = await t.call('trimming.issueOrder', { id: p.id }, planner);
    expect(first).toMatchObject({
      reprint: false,
      package: { orderNo: '2026-12-0001', status: 'working', ordersPrinted: 1 },
    });
    expect(await t.call('trimming.issueOrder', { id: p.id }, planner)).toMatchObject({
      reprint: true,
      package: { orderNo: '2026-12-0001', ordersPrinted: 2 },
    });
    expect(await t.call('vegetation.get', { id: close.id }, clerk)).toMatchObject({ status: 'in_progress' });

    // 5.0 m after the work is beyond 1.5 + 3 m: done. 2.5 m is still inside: back to the backlog as 重大.
    const working = await t.call('trimming.package', { id: p.id }, clerk);
    const done = await t.call(
      'trimming.recordDone',
      {
        id: p.id,
        version: working.version,
        doneDate: '2026-12-14',
        results: [
          { recordId: ok.id, distanceAfter: 5 },
          { recordId: close.id, distanceAfter: 2.5 },
        ],
      },
      clerk,
    );
    expect(done.backToBacklog).toEqual([{ recordId: close.id, grade: 'major' }]);
    expect(done.package).toMatchObject({ status: 'awaiting_acceptance', doneDate: '2026-12-14' });
    expect(done.package.records.map((r) => r.id)).toEqual([ok.id]);
    expect(await t.call('vegetation.get', { id: ok.id }, clerk)).toMatchObject({
      status: 'done',
      completedDate: '2026-12-14',
      distanceAfter: 5,
      nextDueDate: '2027-12-14',
    });
    expect(await t.call('vegetation.get', { id: close.id }, clerk)).toMatchObject({
      status: 'unscheduled',
      hazardGrade: 'major',
      verticalDistance: 2.5,
      plannedDate: null,
    });
    expect((await t.call('trimming.backlog', {}, planner)).records.map((r) => r.id)).toEqual([close.id]);

    await expect(t.call('trimming.accept', { id: p.id, version: done.package.version }, clerk)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const accepted = await t.call('trimming.accept', { id: p.id, version: done.package.version }, manager);
    expect(accepted.package).toMatchObject({ status: 'accepted', acceptedBy: 'zhuguan' });
  });

  it('a cancelled package gives its records back to the backlog', async () => {
    const a = await hazard('#12', 2);
    const { package: p } = await t.call(
      'trimming.savePackage',
      { teamId, date: '2026-12-10', recordIds: [a.id] },
      planner,
    );
    await t.call('trimming.cancelPackage', { id: p.id, version: p.version, reason: '改期' }, planner);
    expect(await t.call('vegetation.get', { id: a.id }, planner)).toMatchObject({
      status: 'unscheduled',
      plannedDate: null,
      teamId: null,
    });
    expect((await t.call('trimming.backlog', {}, planner)).records.map((r) => r.id)).toEqual([a.id]);
  });
});

describe('outage windows', () => {
  it('the planner requests one, a manager approves it; less than 7 days’ notice is flagged; a package needing it then passes', async () => {
    const req = {
      lineId,
      date: '2026-12-11',
      startTime: '08:00',
      endTime: '12:00',
      reason: '树障清理',
      customersAffected: 320,
    };
    await expect(t.call('outages.save', req, clerk)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const asked = await t.call('outages.save', req, planner);
    expect(asked).toMatchObject({ status: 'requested', shortNotice: true, requestedBy: 'jihua' });
    await expect(t.call('outages.approve', { id: asked.id, version: asked.version }, planner)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const approved = await t.call('outages.approve', { id: asked.id, version: asked.version }, manager);
    expect(approved).toMatchObject({ status: 'approved', approvedBy: 'zhuguan', shortNotice: true });
    const later = await t.call('outages.save', { ...req, date: '2026-12-21' }, planner);
    expect(later.shortNotice).toBe(false);

    const a = await hazard('#12', 2);
    expect(
      (await t.call('trimming.check', { teamId, date: '2026-12-11', method: 'outage', recordIds: [a.id] }, planner))
        .violations,
    ).toEqual([]);
    expect(
      (
        await t.call('trimming.check', { teamId, date: '2026-12-21', method: 'outage', recordIds: [a.id] }, planner)
      ).violations.map((v) => v.rule),
    ).toEqual(['outage']);
    const refused = await t
      .call('outages.save', { ...req, startTime: '12:00', endTime: '08:00' }, planner)
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: ['endTime'], message: 'trimming.outage.endBeforeStart' }],
    });
  });
});

describe('the automatic plan and the month', () => {
  it('drafts as a job, writes nothing until accepted, then the manager approves the month and later changes are listed', async () => {
    const records = [await hazard('#10', 3), await hazard('#12', 3), await hazard('#60', 2)];
    const { jobId } = await t.call('trimming.autoPlan', { from: TODAY, to: '2026-12-31' }, planner);
    const job = await waitForJob(t, jobId, planner);
    expect(job.result?.kind).toBe('trimming.autoPlan');
    const outcome = job.result?.kind === 'trimming.autoPlan' ? job.result.outcome : null;
    // #10 and #12 are neighbours: one package; #60 is a trip of its own. Landowners get 3 days' notice first.
    expect(outcome!.packages.map((p) => [p.date, p.recordIds])).toEqual([
      ['2026-12-10', [records[0]!.id, records[1]!.id]],
      ['2026-12-10', [records[2]!.id]],
    ]);
    expect((await t.call('trimming.board', { from: TODAY, to: '2026-12-13' }, planner)).packages).toEqual([]);
    expect(await t.call('trimming.acceptDraft', { jobId }, planner)).toEqual({ created: 2 });
    const board = await t.call('trimming.board', { from: TODAY, to: '2026-12-13' }, planner);
    expect(board.packages).toHaveLength(2);
    expect(board.loads.find((l) => l.teamId === teamId && l.date === '2026-12-10')).toEqual({
      teamId,
      date: '2026-12-10',
      minutes: 240,
      capacity: 480,
    });

    await expect(t.call('trimming.approveMonth', { month: '2026-12' }, manager)).rejects.toMatchObject({
      message: 'trimming.month.notSubmitted',
    });
    await t.call('trimming.submitMonth', { month: '2026-12' }, planner);
    await expect(t.call('trimming.approveMonth', { month: '2026-12' }, planner)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const approved = await t.call('trimming.approveMonth', { month: '2026-12' }, manager);
    expect(approved).toMatchObject({
      status: 'approved',
      approvedVersion: 1,
      approvedBy: 'zhuguan',
      packages: 2,
      changes: [],
    });
    const moved = board.packages[1]!;
    await t.call(
      'trimming.savePackage',
      { id: moved.id, version: moved.version, teamId, date: '2026-12-17', recordIds: moved.records.map((r) => r.id) },
      planner,
    );
    expect((await t.call('trimming.month', { month: '2026-12' }, planner)).changes).toEqual([
      { kind: 'moved', packageId: moved.id, summary: '2026-12-10 → 2026-12-17' },
    ]);
  });

  it('the week plan lists the week’s packages and goes to Excel', async () => {
    const a = await hazard('#12', 3);
    await t.call('trimming.savePackage', { teamId, date: '2026-12-10', recordIds: [a.id] }, planner);
    const week = await t.call('trimming.weekPlan', { weekOf: '2026-12-12' }, clerk);
    expect(week).toMatchObject({
      from: '2026-12-07',
      to: '2026-12-13',
      rows: [
        {
          date: '2026-12-10',
          teamName: '配电运检一班',
          towers: '#12',
          trees: 3,
          notified: 'none',
          method: 'no_outage',
        },
      ],
    });
    const file = await t.call('trimming.weekPlanExport', { weekOf: '2026-12-12' }, clerk);
    const { bytes } = await downloadFile(t, file.fileId, clerk);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(2).values).toEqual([
      undefined,
      '日期',
      '班组',
      '线路',
      '杆号',
      '株数',
      '处理方式',
      '作业方式',
      '停电窗口',
      '树主通知',
      '派工单号',
    ]);
    expect((ws.getRow(3).values as unknown[]).slice(1, 9)).toEqual([
      '2026-12-10',
      '配电运检一班',
      '10kV 城关一线',
      '#12',
      3,
      '修剪',
      '不停电',
      '',
    ]);
  });
});

describe('首页 and reminders', () => {
  it('this month’s packages, done and late, the capacity used per team-week, and the bell counting what its links list', async () => {
    const a = await hazard('#12', 8);
    const b = await hazard('#40', 2);
    await t.call('trimming.savePackage', { teamId, date: '2026-12-10', recordIds: [a.id] }, planner);
    await t.call('trimming.savePackage', { teamId, date: '2026-12-11', recordIds: [b.id] }, planner);
    const { panels } = await t.call('dashboard.panels', {}, planner);
    const month = panels.find((p) => p.id === 'trimming.month');
    expect(month?.kind === 'stats' && month.items.map((i) => [i.label, i.value])).toEqual([
      ['dashboard.trimming.planned', 2],
      ['dashboard.trimming.done', 0],
      ['dashboard.trimming.late', 0],
    ]);
    const capacity = panels.find((p) => p.id === 'trimming.capacity');
    // Week of 7 December: 240 + 60 person-minutes of 5 × 480.
    expect(capacity?.kind === 'bar' && capacity.series[1]!.data).toEqual([13]);
    const { items } = await t.call('reminders.list', {}, planner);
    const byLabel = new Map(items.map((i) => [i.label, i]));
    // Both packages are within the notice lead with the landowner not told yet.
    expect(byLabel.get('reminders.trimming.noticesDue')?.count).toBe(2);
    expect((await t.call('trimming.packages', { startRow: 0, endRow: 10, noticesDue: true }, planner)).rowCount).toBe(
      2,
    );
    expect(byLabel.get('reminders.trimming.packagesLate')?.count).toBe(0);
  });
});
