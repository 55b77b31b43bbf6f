import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openTestCore, type TestCore } from '../../helpers/core';

const TODAY = new Date('2026-06-15T09:00:00+08:00');
let t: TestCore;
let teamId: number;
beforeEach(async () => {
  t = await openTestCore({ clock: () => TODAY });
  teamId = (await t.call('teams.save', { name: '城关供电所抢修班', kind: 'station' }, t.adminToken)).id;
});
afterEach(() => t.close());

async function person(no: string, name: string) {
  return t.call(
    'staff.save',
    {
      employeeNo: no,
      name,
      teamId,
      skills: [
        { skill: '电缆', level: 2 },
        { skill: '配电设备', level: 3 },
      ],
    },
    t.adminToken,
  );
}

describe('staff, certificates, training', () => {
  test('a person whose certificate expired yesterday shows 已过期 and is not eligible, with the reason', async () => {
    const p = await person('E001', '王建国');
    const cert = await t.call(
      'certificates.save',
      { staffId: p.id, kind: 'lv_electrician', number: 'T3101', issueDate: '2020-06-14', lastReviewDate: '2023-06-01' },
      t.adminToken,
    );
    expect(cert).toMatchObject({
      expiryDate: '2026-06-14',
      state: 'expired',
      stateReason: 'staff.certificate.reason.expired',
    });
    const row = await t.call('staff.get', { id: p.id }, t.adminToken);
    expect(row.certificateState).toBe('expired');
    expect(row.eligibility.eligible).toBe(false);
    expect(row.eligibility.reasons[0]).toEqual({
      key: 'staff.eligibility.certificateExpired',
      params: { number: 'T3101', date: '2026-06-14' },
    });
  });

  test('a training session with twelve attendees adds its hours to each, and its 安规 pass makes them eligible', async () => {
    const people = [];
    for (let i = 1; i <= 12; i++) people.push(await person(`E1${String(i).padStart(2, '0')}`, `员工${i}`));
    for (const p of people)
      await t.call(
        'certificates.save',
        { staffId: p.id, kind: 'hv_electrician', number: `H${p.id}`, issueDate: '2025-01-10' },
        t.adminToken,
      );
    const session = await t.call(
      'training.save',
      {
        course: '2026 年安规考试',
        category: 'safety_rules',
        date: '2026-03-20',
        hours: 4,
        attendees: people.map((p, i) => ({ staffId: p.id, score: 70 + i * 2, passed: 70 + i * 2 >= 80 })),
      },
      t.adminToken,
    );
    expect(session.attendees).toHaveLength(12);
    const list = await t.call('staff.list', { startRow: 0, endRow: 50, teamId }, t.adminToken);
    expect(list.rows.every((r) => r.trainingHoursThisYear === 4)).toBe(true);
    // 4 of the 20 hours a year (staff.training.hoursPerYear): everyone is short; a 16-hour course fixes it for one.
    expect(list.rows.every((r) => r.trainingHoursRequired === 20 && r.shortOfHours)).toBe(true);
    await t.call(
      'training.save',
      {
        course: '电缆故障处理',
        category: 'skills',
        date: '2026-05-10',
        hours: 16,
        attendees: [{ staffId: people[0]!.id, passed: true }],
      },
      t.adminToken,
    );
    expect(
      (await t.call('staff.list', { startRow: 0, endRow: 50, teamId, shortOfHours: true }, t.adminToken)).rowCount,
    ).toBe(11);
    const eligible = await t.call('staff.list', { startRow: 0, endRow: 50, eligibleOnly: true }, t.adminToken);
    // Scores 70, 72, … 92: the five below 80 failed the exam.
    expect(eligible.rowCount).toBe(7);
    const failed = list.rows.find((r) => r.employeeNo === 'E101')!;
    expect(failed.eligibility.reasons).toEqual([{ key: 'staff.eligibility.noSafetyExam', params: { year: '2026' } }]);
  });

  test('employee numbers are unique; skills are listed once; certificates belong to a live person', async () => {
    await person('E001', '王建国');
    await expect(person('E001', '李四')).rejects.toMatchObject({
      code: 'VALIDATION',
      issues: [expect.objectContaining({ path: ['employeeNo'] })],
    });
    await expect(
      t.call(
        'staff.save',
        {
          employeeNo: 'E009',
          name: '赵六',
          skills: [
            { skill: '电缆', level: 1 },
            { skill: '电缆', level: 2 },
          ],
        },
        t.adminToken,
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(
      t.call('certificates.save', { staffId: 999, kind: 'cable', number: 'C1', issueDate: '2025-01-01' }, t.adminToken),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(
      t.call(
        'certificates.save',
        { staffId: 1, kind: 'cable', number: 'C1', issueDate: '2025-01-01', expiryDate: '2024-01-01' },
        t.adminToken,
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  test('certificates filter by state; deleted people go to the recycle bin and come back', async () => {
    const p = await person('E001', '王建国');
    await t.call(
      'certificates.save',
      { staffId: p.id, kind: 'lv_electrician', number: 'OK1', issueDate: '2025-01-01' },
      t.adminToken,
    );
    await t.call(
      'certificates.save',
      { staffId: p.id, kind: 'cable', number: 'DUE1', issueDate: '2023-07-01' },
      t.adminToken,
    ); // review 2026-07-01: window open
    await t.call(
      'certificates.save',
      { staffId: p.id, kind: 'grid_permit', number: 'OLD1', issueDate: '2012-01-01', expiryDate: '2015-01-01' },
      t.adminToken,
    );
    const due = await t.call('certificates.list', { startRow: 0, endRow: 10, states: ['review_due'] }, t.adminToken);
    expect(due.rows.map((r) => r.number)).toEqual(['DUE1']);
    const all = await t.call('certificates.list', { startRow: 0, endRow: 10, staffId: p.id }, t.adminToken);
    expect(new Map(all.rows.map((r) => [r.number, r.state]))).toEqual(
      new Map([
        ['OLD1', 'abolished'],
        ['OK1', 'valid'],
        ['DUE1', 'review_due'],
      ]),
    );
    await t.call('staff.delete', { ids: [p.id] }, t.adminToken);
    expect((await t.call('staff.list', { startRow: 0, endRow: 10 }, t.adminToken)).rowCount).toBe(0);
    await t.call('recycle.restore', { entity: 'staff', id: p.id }, t.adminToken);
    expect((await t.call('staff.list', { startRow: 0, endRow: 10 }, t.adminToken)).rowCount).toBe(1);
  });
});

describe('skill matrix', () => {
  test('people × skills with levels; a skill only one person in a team has is called out', async () => {
    await person('E001', '王建国'); // 电缆 2, 配电设备 3
    await t.call(
      'staff.save',
      {
        employeeNo: 'E002',
        name: '李秀英',
        teamId,
        skills: [
          { skill: '配电设备', level: 1 },
          { skill: '驾驶', level: 2 },
        ],
      },
      t.adminToken,
    );
    await t.call(
      'staff.save',
      { employeeNo: 'E003', name: '休假者', teamId, status: 'leave', skills: [{ skill: '电缆', level: 3 }] },
      t.adminToken,
    );
    const m = await t.call('staff.skillMatrix', { teamId }, t.adminToken);
    expect(m.rows.map((r) => r.name)).toEqual(['王建国', '李秀英']); // people on leave cannot be sent out
    expect(m.rows[0]!.levels).toEqual({ 电缆: 2, 配电设备: 3 });
    expect(m.singles.map((s) => `${s.skill}:${s.staffName}`).sort()).toEqual(['电缆:王建国', '驾驶:李秀英']);
  });
});

describe('staff in and out of Excel', () => {
  test('a register sheet with skill columns comes in; the same employee number updates; export has the reasons in words', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const { importSheet } = await import('../../helpers/office');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('人员');
    ws.addRow(['工号', '姓名', '班组', '状态', '电缆', '配电设备', '驾驶']);
    ws.addRow(['E001', '王建国', '城关供电所抢修班', '在岗', '高级', '中级', null]);
    ws.addRow(['E002', '李秀英', '城关供电所抢修班', '休假', null, '初级', '2']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const first = await importSheet(t, 'staff', bytes);
    expect(first.analysed.preview.problems).toEqual([]);
    expect(first.committed.result).toMatchObject({ outcome: { created: 2 } });
    const row = (await t.call('staff.list', { startRow: 0, endRow: 5, search: '王建国' }, t.adminToken)).rows[0]!;
    expect(row.skills).toEqual([
      { skill: '电缆', level: 3 },
      { skill: '配电设备', level: 2 },
    ]);
    expect(row.teamId).toBe(teamId);
    const again = await importSheet(t, 'staff', bytes);
    expect(again.analysed.preview).toMatchObject({ newCount: 0, unchangedCount: 2 });

    const { waitForJob, downloadFile } = await import('../../helpers/files');
    const { jobId } = await t.call(
      'excel.export',
      {
        sheet: 'staff',
        list: { sortModel: [{ colId: 'employeeNo', sort: 'asc' }] },
        columns: [
          { colId: 'name', header: '姓名' },
          { colId: 'reasons', header: '原因' },
        ],
      },
      t.adminToken,
    );
    const state = await waitForJob(t, jobId, t.adminToken);
    const file = await downloadFile(
      t,
      state.result?.kind === 'excel.export' ? state.result.outcome.fileId : '',
      t.adminToken,
    );
    const out = new ExcelJS.Workbook();
    await out.xlsx.load(file.bytes as never);
    expect(out.worksheets[0]!.getCell('B3').value).toContain('不在岗');
    expect(out.worksheets[0]!.getCell('B2').value).toContain('没有有效的电工作业证');
  });
});

describe("the office's skill list (setting staff.skills)", () => {
  test('a skill added to the list can be recorded, gets its own column in the template and the import, and shows in the matrix', async () => {
    await expect(
      t.call('staff.save', { employeeNo: 'E001', name: '王建国', skills: [{ skill: '焊接', level: 2 }] }, t.adminToken),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: ['skills'], message: 'staff.skillErrors.unlisted', params: { skill: '焊接' } }],
    });
    await expect(
      t.call('settings.update', { key: 'staff.skills', value: '配电设备、电缆、电缆' }, t.adminToken),
    ).rejects.toMatchObject({ message: 'settings.skillList' });
    await t.call('settings.update', { key: 'staff.skills', value: '配电设备、电缆、架空线路、焊接' }, t.adminToken);
    const saved = await t.call(
      'staff.save',
      { employeeNo: 'E001', name: '王建国', teamId, skills: [{ skill: '焊接', level: 2 }] },
      t.adminToken,
    );
    expect(saved.skills).toEqual([{ skill: '焊接', level: 2 }]);

    const ExcelJS = (await import('exceljs')).default;
    const { downloadFile } = await import('../../helpers/files');
    const template = await t.call('excel.template', { sheet: 'staff' }, t.adminToken);
    const tbook = new ExcelJS.Workbook();
    await tbook.xlsx.load((await downloadFile(t, template.fileId, t.adminToken)).bytes as never);
    const headers = (tbook.worksheets[0]!.getRow(1).values as unknown[]).filter(Boolean);
    expect(headers).toContain('焊接');
    expect(headers).not.toContain('驾驶');

    const { importSheet } = await import('../../helpers/office');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('人员');
    ws.addRow(['工号', '姓名', '焊接', '电缆']);
    ws.addRow(['E002', '李秀英', '高级', '初级']);
    const imported = await importSheet(t, 'staff', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(imported.analysed.preview.problems).toEqual([]);
    const li = (await t.call('staff.list', { startRow: 0, endRow: 5, search: '李秀英' }, t.adminToken)).rows[0]!;
    expect(li.skills).toEqual(
      [
        { skill: '焊接', level: 3 },
        { skill: '电缆', level: 1 },
      ].sort((a, b) => (a.skill < b.skill ? -1 : 1)),
    );

    // Taken off the list again: those who have it keep it, and may still be saved with it.
    await t.call('settings.update', { key: 'staff.skills', value: '配电设备、电缆、架空线路' }, t.adminToken);
    const kept = await t.call(
      'staff.save',
      {
        id: saved.id,
        version: saved.version,
        employeeNo: 'E001',
        name: '王建国',
        teamId,
        skills: [{ skill: '焊接', level: 3 }],
      },
      t.adminToken,
    );
    expect(kept.skills).toEqual([{ skill: '焊接', level: 3 }]);
    const matrix = await t.call('staff.skillMatrix', {}, t.adminToken);
    expect(matrix.skills).toEqual(['配电设备', '电缆', '架空线路', '焊接']);
  });
});
