import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openTestCore, type TestCore } from '../../helpers/core';
import { waitForJob } from '../../helpers/files';

const TODAY = new Date('2026-06-20T09:00:00+08:00');
let t: TestCore;
let people: { id: number; name: string }[];
let town: number;
let village: number;
let seasonId: number;

/** A small office: four cable people, six with equipment and overhead line; all with papers and this year's 安规. */
beforeEach(async () => {
  t = await openTestCore({ clock: () => TODAY });
  people = [];
  for (let i = 1; i <= 10; i++) {
    const skills =
      i <= 4
        ? [{ skill: '电缆', level: 2 }]
        : [
            { skill: '配电设备', level: 2 },
            { skill: '架空线路', level: 2 },
          ];
    const p = await t.call(
      'staff.save',
      { employeeNo: `E${String(i).padStart(2, '0')}`, name: `员工${i}`, phone: `1380000000${i % 10}`, skills },
      t.adminToken,
    );
    await t.call(
      'certificates.save',
      { staffId: p.id, kind: 'hv_electrician', number: `H${i}`, issueDate: '2025-01-10' },
      t.adminToken,
    );
    people.push(p);
  }
  await t.call(
    'training.save',
    {
      course: '2026 年安规考试',
      category: 'safety_rules',
      date: '2026-03-20',
      hours: 4,
      attendees: people.map((p) => ({ staffId: p.id, score: 90, passed: true })),
    },
    t.adminToken,
  );
  town = (
    await t.call(
      'repairAreas.save',
      { name: '城区', kind: 'urban', arrivalMinutes: 30, restoreMinutes: 240 },
      t.adminToken,
    )
  ).id;
  village = (
    await t.call(
      'repairAreas.save',
      { name: '农村', kind: 'rural', arrivalMinutes: 60, restoreMinutes: 360, crewsPerShift: 0 },
      t.adminToken,
    )
  ).id;
  seasonId = (
    await t.call(
      'seasons.save',
      { name: '2026 迎峰度夏（试）', startDate: '2026-07-01', endDate: '2026-07-07' },
      t.adminToken,
    )
  ).id;
});
afterEach(() => t.close());

async function generate() {
  const { jobId } = await t.call('roster.generate', { seasonId }, t.adminToken);
  const state = await waitForJob(t, jobId, t.adminToken);
  if (state.result?.kind !== 'roster.generate') throw new Error(JSON.stringify(state.error));
  return state.result.outcome;
}

describe('the roster', () => {
  test('the core is settled only once the generation job has written its roster', async () => {
    const { jobId } = await t.call('roster.generate', { seasonId }, t.adminToken);
    await t.core.settled();
    expect((await t.call('jobs.get', { jobId }, t.adminToken)).status).toBe('done');
    expect((await t.call('roster.get', { seasonId }, t.adminToken)).assignments).toHaveLength(28);
  });

  test('generation fills the week in a job; the roster as stored breaks no hard rule', async () => {
    const outcome = await generate();
    expect(outcome).toMatchObject({ saved: true, assigned: 28, shortages: [] });
    const view = await t.call('roster.get', { seasonId }, t.adminToken);
    expect(view.assignments).toHaveLength(28);
    expect(view.violations).toEqual([]);
    expect(view.rules).toEqual({
      requiredSkills: ['配电设备', '电缆', '架空线路'],
      minCrewSize: 2,
      minRestHours: 12,
      maxConsecutiveDays: 6,
    });
    expect(view.fairness.maxShifts - view.fairness.minShifts).toBeLessThanOrEqual(2);

    // The same roster in Excel: one row per crew with names and phones, and people × days.
    const ExcelJS = (await import('exceljs')).default;
    const { downloadFile } = await import('../../helpers/files');
    const { fileId, name } = await t.call('roster.export', { seasonId }, t.adminToken);
    expect(name).toBe('2026 迎峰度夏（试）值班表.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await downloadFile(t, fileId, t.adminToken)).bytes as never);
    const crews = wb.getWorksheet('值班表')!;
    expect(crews.rowCount).toBe(1 + 14);
    const first = view.assignments.filter((a) => a.date === '2026-07-01' && a.shift === 'day');
    expect(crews.getRow(2).getCell(6).value).toBe(first.map((a) => a.staffName).join('、'));
    expect(crews.getRow(2).getCell(7).value).toBe(first.map((a) => a.phone).join('、'));
    expect(wb.getWorksheet('人员排班')!.getRow(1).getCell(3).value).toBe('07-01');
  });

  test('with two cable people gone, generation reports the uncovered shifts and writes nothing', async () => {
    for (const p of people.slice(0, 2))
      await t.call(
        'absences.save',
        { staffId: p.id, kind: 'leave', fromDate: '2026-06-25', toDate: '2026-07-10' },
        t.adminToken,
      );
    // Two cable people, six days in a row at most: the week's 14 shifts need cable, they can bring 12.
    const outcome = await generate();
    expect(outcome.saved).toBe(false);
    expect(outcome.shortages.length).toBe(2);
    expect(outcome.shortages[0]).toMatchObject({ areaId: town, missingSkills: ['电缆'], missingPeople: 1 });
    expect((await t.call('roster.get', { seasonId }, t.adminToken)).assignments).toEqual([]);
  });

  test('a person put on a second crew the same night shows the conflict; saving it needs an override reason, which is audited', async () => {
    await t.call(
      'repairAreas.save',
      {
        id: village,
        version: 1,
        name: '农村',
        kind: 'rural',
        arrivalMinutes: 60,
        restoreMinutes: 360,
        crewsPerShift: 1,
      },
      t.adminToken,
    );
    await t.call(
      'seasons.save',
      { id: seasonId, version: 1, name: '2026 迎峰度夏（试）', startDate: '2026-07-01', endDate: '2026-07-02' },
      t.adminToken,
    );
    await generate();
    const before = await t.call('roster.get', { seasonId }, t.adminToken);
    const townNight = before.assignments.find(
      (a) => a.areaId === town && a.date === '2026-07-01' && a.shift === 'night',
    )!;
    const change = {
      seasonId,
      date: '2026-07-01',
      shift: 'night',
      areaId: village,
      crew: 1,
      staffId: townNight.staffId,
    };
    const { violations } = await t.call('roster.check', change, t.adminToken);
    expect(violations.map((v) => v.rule)).toEqual(['doubleBooked']);
    expect(violations[0]).toMatchObject({ staffId: townNight.staffId, params: { name: townNight.staffName } });
    await expect(t.call('roster.assign', change, t.adminToken)).rejects.toMatchObject({
      code: 'RULE',
      message: 'roster.errors.needsOverride',
    });
    await t.call('roster.assign', { ...change, overrideReason: '城区队伍到农村支援' }, t.adminToken);
    const view = await t.call('roster.get', { seasonId }, t.adminToken);
    expect(view.assignments.find((a) => a.overrideReason)).toMatchObject({
      areaId: village,
      staffId: townNight.staffId,
      overrideReason: '城区队伍到农村支援',
    });
    expect(view.violations.map((v) => [v.rule, v.staffId])).toEqual([['doubleBooked', townNight.staffId]]);
    const audit = await t.call(
      'audit.list',
      { startRow: 0, endRow: 5, sortModel: [{ colId: 'at', sort: 'desc' }] },
      t.adminToken,
    );
    expect(audit.rows.some((r) => r.method === 'roster.assign' && r.summary === 'override: 城区队伍到农村支援')).toBe(
      true,
    );
  });

  test('a published roster keeps its version; later changes are listed against it', async () => {
    await generate();
    const published = await t.call('roster.publish', { seasonId }, t.adminToken);
    expect(published.publishedVersion).toBe(1);
    const view = await t.call('roster.get', { seasonId }, t.adminToken);
    expect(view.changes).toEqual([]);
    const one = view.assignments[0]!;
    const { violations } = await t.call(
      'roster.check',
      {
        seasonId,
        date: one.date,
        shift: one.shift,
        areaId: one.areaId,
        crew: one.crew,
        staffId: people.find((p) => !view.assignments.some((a) => a.date === one.date && a.staffId === p.id))!.id,
        moveFrom: one.id,
      },
      t.adminToken,
    );
    // Swapping someone out may break the crew's skills; either way the change is tracked.
    await t.call('roster.unassign', { id: one.id, overrideReason: '生病' }, t.adminToken);
    const after = await t.call('roster.get', { seasonId }, t.adminToken);
    expect(after.changes).toEqual([
      expect.objectContaining({ change: 'removed', date: one.date, staffName: one.staffName }),
    ]);
    expect(violations).toBeDefined();
    await expect(t.call('roster.generate', { seasonId }, t.adminToken)).rejects.toMatchObject({
      message: 'roster.errors.publishedNoGenerate',
    });
  });
});

describe('the repair log', () => {
  test('a 城区 call with arrival after 35 minutes breaks the 30-minute promise, and the monthly report counts it', async () => {
    await generate();
    const view = await t.call('roster.get', { seasonId }, t.adminToken);
    const crew = view.assignments.filter((a) => a.date === '2026-07-02' && a.shift === 'day');
    const late = await t.call(
      'repairs.save',
      {
        receivedAt: '2026-07-02T10:00',
        areaId: town,
        fault: '10kV 城关线 #12 杆跌落式熔断器熔断',
        seasonId,
        dutyDate: '2026-07-02',
        shift: 'day',
        crew: 1,
        arrivedAt: '2026-07-02T10:35',
        restoredAt: '2026-07-02T12:00',
        delayCause: '交通拥堵',
      },
      t.adminToken,
    );
    expect(late).toMatchObject({
      arrivalMinutes: 35,
      arrivalPromise: 30,
      arrivalBreach: true,
      restoreBreach: false,
      crewNames: crew.map((a) => a.staffName).join('、'),
    });
    const onTime = await t.call(
      'repairs.save',
      {
        receivedAt: '2026-07-03T21:00',
        areaId: town,
        fault: '低压线路断线',
        arrivedAt: '2026-07-03T21:30',
        restoredAt: '2026-07-04T02:00',
      },
      t.adminToken,
    );
    expect(onTime).toMatchObject({
      arrivalMinutes: 30,
      arrivalBreach: false,
      restoreMinutes: 300,
      restoreBreach: true,
    });
    await expect(
      t.call(
        'repairs.save',
        { receivedAt: '2026-07-03T21:00', areaId: town, fault: 'x', arrivedAt: '2026-07-03T20:00' },
        t.adminToken,
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION', issues: [expect.objectContaining({ path: ['arrivedAt'] })] });

    const report = await t.call('repairs.monthly', { month: '2026-07' }, t.adminToken);
    expect(report.areas.find((a) => a.areaId === town)).toMatchObject({
      calls: 2,
      arrivalBreaches: 1,
      restoreBreaches: 1,
      avgArrival: 32.5,
      avgArrivalPromise: 45,
      avgRepair: 177.5,
      avgRepairPromise: 180,
    });
    expect(report.breaches.map((b) => [b.fault, b.delayCause])).toEqual([
      ['10kV 城关线 #12 杆跌落式熔断器熔断', '交通拥堵'],
      ['低压线路断线', null],
    ]);
    expect(report.crews.find((c) => c.crewLabel.startsWith('城区：'))).toMatchObject({ calls: 1, arrivalBreaches: 1 });
    expect(
      (await t.call('repairs.list', { startRow: 0, endRow: 10, month: '2026-07', breachesOnly: true }, t.adminToken))
        .rowCount,
    ).toBe(2);
    const empty = await t.call('repairs.monthly', { month: '2026-08' }, t.adminToken);
    expect(empty.areas[0]).toMatchObject({ calls: 0, avgArrival: null });
    expect(empty.latestMonthWithCalls).toBe('2026-07'); // the empty month can point to the last month with calls
  });

  test('a promise preset sets every area by its kind', async () => {
    const { rows } = await t.call('repairAreas.applyPreset', { preset: 'gbt28583' }, t.adminToken);
    expect(rows.map((r) => [r.name, r.arrivalMinutes, r.restoreMinutes])).toEqual([
      ['城区', 60, null],
      ['农村', 120, null],
    ]);
  });
});

describe('repair areas from a preset on an office that has none', () => {
  test('creates 城区, 农村 and 偏远山区 with the preset’s promises; applying it again changes them, adds nothing', async () => {
    const empty = await openTestCore({ clock: () => TODAY });
    try {
      expect((await empty.call('repairAreas.list', {}, empty.adminToken)).rows).toEqual([]);
      const { rows } = await empty.call('repairAreas.applyPreset', { preset: 'office' }, empty.adminToken);
      expect(rows.map((r) => [r.name, r.kind, r.arrivalMinutes, r.restoreMinutes, r.crewsPerShift])).toEqual([
        ['城区', 'urban', 30, 240, 1],
        ['农村', 'rural', 60, 360, 1],
        ['偏远山区', 'remote', 90, 360, 1],
      ]);
      const again = await empty.call('repairAreas.applyPreset', { preset: 'sgcc_average' }, empty.adminToken);
      expect(again.rows.map((r) => [r.name, r.arrivalMinutes])).toEqual([
        ['城区', 45],
        ['农村', 90],
        ['偏远山区', 120],
      ]);
      const audit = await empty.sql<{ summary: string }>(
        "select summary from audit_log where entity = 'repairAreas' order by id",
      );
      expect(audit.map((a) => a.summary).slice(0, 3)).toEqual(Array(3).fill('created from promise preset office'));
    } finally {
      await empty.close();
    }
  });
});
