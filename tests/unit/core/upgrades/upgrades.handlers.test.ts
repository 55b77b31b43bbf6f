import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openTestCore, type TestCore } from '../../helpers/core';

const TODAY = new Date('2026-06-20T09:00:00+08:00');
let t: TestCore;
let clerk: string;
let managerA: string;
let managerB: string;

beforeEach(async () => {
  t = await openTestCore({ clock: () => TODAY });
  clerk = await t.signIn('clerk', 'clerk1', '李文');
  managerA = await t.signIn('manager', 'managerA', '王主任');
  managerB = await t.signIn('manager', 'managerB');
  await t.call('budgets.save', { year: 2026, budget: 100 }, managerA);
});
afterEach(() => t.close());

async function request(
  code: string,
  cost: number,
  opts: { condition?: number; defectGrade?: 'critical' | 'serious' | 'general'; customers?: number } = {},
) {
  const e = await t.call(
    'equipment.save',
    {
      kind: 'transformer',
      code,
      name: `${code} 配变`,
      installYear: 1998,
      condition: opts.condition ?? 4,
      defectGrade: opts.defectGrade ?? null,
      defectFoundOn: opts.defectGrade ? '2026-06-01' : null,
    },
    clerk,
  );
  const r = await t.call(
    'upgrades.save',
    {
      equipmentId: e.id,
      problem: '渗漏油、绝缘老化',
      proposedWork: '更换为 S13 型配变',
      projectType: 'renovation',
      estimatedCost: cost,
      customersAffected: opts.customers ?? 200,
    },
    clerk,
  );
  await t.call('upgrades.transition', { ids: [r.id], action: 'submit' }, clerk);
  return r.id;
}

describe('upgrade requests and approval', () => {
  test('a request is numbered JG-2026-0001 on its first submission, in its own series per kind and year, and keeps its number when revised', async () => {
    const e = await t.call(
      'equipment.save',
      { kind: 'transformer', code: 'T-N', name: '编号配变', installYear: 2000, condition: 3 },
      clerk,
    );
    const draft = await t.call(
      'upgrades.save',
      {
        equipmentId: e.id,
        problem: '老化',
        proposedWork: '更换',
        projectType: 'overhaul',
        estimatedCost: 5,
        customersAffected: 10,
      },
      clerk,
    );
    expect(draft.requestNo).toBeNull();
    const first = await request('T-A', 10);
    const second = await request('T-B', 10);
    await t.call('upgrades.transition', { ids: [draft.id], action: 'submit' }, clerk);
    expect((await t.call('upgrades.get', { id: first }, clerk)).requestNo).toBe('JG-2026-0001');
    expect((await t.call('upgrades.get', { id: second }, clerk)).requestNo).toBe('JG-2026-0002');
    expect((await t.call('upgrades.get', { id: draft.id }, clerk)).requestNo).toBe('DX-2026-0001');
    // Rejected, revised, submitted again: the same number.
    await t.call('upgrades.transition', { ids: [first], action: 'reject', comment: '方案不全' }, managerA);
    await t.call('upgrades.transition', { ids: [first], action: 'revise' }, clerk);
    await t.call('upgrades.transition', { ids: [first], action: 'submit' }, clerk);
    expect((await t.call('upgrades.get', { id: first }, clerk)).requestNo).toBe('JG-2026-0001');
    const found = await t.call('upgrades.list', { startRow: 0, endRow: 10, search: 'JG-2026-0002' }, managerA);
    expect(found.rows.map((r) => r.id)).toEqual([second]);
  });

  test('the request names people as they are known: the requester and everyone in its history', async () => {
    const id = await request('T-P', 10);
    await t.call('upgrades.transition', { ids: [id], action: 'reject', comment: '请补充照片' }, managerA);
    const r = await t.call('upgrades.get', { id }, managerA);
    expect(r).toMatchObject({ requestedBy: 'clerk1', requestedByName: '李文' });
    expect(r.history.map((h) => h.name)).toEqual(['李文', '王主任']);
  });

  test('a clerk raises and submits a request; the API refuses the clerk approving it', async () => {
    const id = await request('T-001', 20);
    await expect(t.call('upgrades.transition', { ids: [id], action: 'approve' }, clerk)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await t.call('upgrades.get', { id }, clerk)).status).toBe('submitted');
  });

  test('the queue is in priority order with the breakdown; two approved in one action move the budget by their amounts; rejecting needs a reason', async () => {
    const low = await request('T-LOW', 30, { condition: 2, customers: 10 });
    const high = await request('T-HIGH', 25, { condition: 5, defectGrade: 'critical', customers: 3000 });
    const mid = await request('T-MID', 40, { condition: 4, defectGrade: 'serious', customers: 500 });
    const queue = await t.call('upgrades.list', { startRow: 0, endRow: 10, statuses: ['submitted'] }, managerA);
    expect(queue.rows.map((r) => r.id)).toEqual([high, mid, low]);
    expect(queue.rows[0]!.priorityParts.map((p) => p.factor)).toEqual(['condition', 'age', 'defect', 'consequence']);

    const { rows, budget } = await t.call(
      'upgrades.transition',
      { ids: [high, mid], action: 'approve', comment: '列入年度技改计划' },
      managerA,
    );
    expect(rows.map((r) => r.status)).toEqual(['approved', 'approved']);
    expect(budget).toEqual({ year: 2026, budget: 100, approved: 65, carriedOver: 0, remaining: 35 });
    await expect(t.call('upgrades.transition', { ids: [low], action: 'reject' }, managerA)).rejects.toMatchObject({
      message: 'upgrades.errors.reasonRequired',
    });
    await t.call('upgrades.transition', { ids: [low], action: 'reject', comment: '设备状况尚可，暂缓' }, managerA);
    expect((await t.call('upgrades.get', { id: low }, clerk)).status).toBe('rejected');
  });

  test('approving past the budget is refused until confirmed', async () => {
    const a = await request('T-A', 45);
    const b = await request('T-B', 45);
    const c = await request('T-C', 45);
    await t.call('upgrades.transition', { ids: [a, b], action: 'approve' }, managerA);
    await expect(t.call('upgrades.transition', { ids: [c], action: 'approve' }, managerA)).rejects.toMatchObject({
      code: 'RULE',
      message: 'upgrades.errors.overBudget',
      params: { remaining: 10, adding: 45 },
    });
    const { budget } = await t.call(
      'upgrades.transition',
      { ids: [c], action: 'approve', overBudgetConfirmed: true },
      managerA,
    );
    expect(budget.remaining).toBe(-35);
  });

  test('a request over the two-approval amount stays pending after one approval and passes after a second manager', async () => {
    await t.call('budgets.save', { year: 2026, budget: 500 }, managerA);
    const id = await request('T-BIG', 80);
    const first = await t.call('upgrades.transition', { ids: [id], action: 'approve' }, managerA);
    expect(first.rows[0]).toMatchObject({ status: 'submitted', approvals: ['managerA'], approvalsNeeded: 2 });
    await expect(t.call('upgrades.transition', { ids: [id], action: 'approve' }, managerA)).rejects.toMatchObject({
      message: 'upgrades.errors.alreadyApproved',
    });
    const second = await t.call('upgrades.transition', { ids: [id], action: 'approve' }, managerB);
    expect(second.rows[0]).toMatchObject({ status: 'approved', approvals: ['managerA', 'managerB'] });
  });

  test('the whole lifecycle to 已关闭 is in the history with users and times', async () => {
    const id = await request('T-LIFE', 30);
    await t.call('upgrades.transition', { ids: [id], action: 'approve' }, managerA);
    await expect(t.call('upgrades.transition', { ids: [id], action: 'fund' }, managerA)).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await t.call(
      'upgrades.transition',
      {
        ids: [id],
        action: 'fund',
        projectNo: 'JG-2026-017',
        fundingYear: 2026,
        fundingSource: '县公司技改资金',
        approvedAmount: 28,
      },
      managerA,
    );
    await t.call('upgrades.transition', { ids: [id], action: 'start' }, clerk);
    await t.call('upgrades.transition', { ids: [id], action: 'finish' }, clerk);
    await expect(
      t.call('upgrades.transition', { ids: [id], action: 'failAcceptance', comment: '接地电阻不合格' }, managerB),
    ).rejects.toMatchObject({ message: 'upgrades.errors.acceptanceRequired' });
    await t.call(
      'upgrades.transition',
      {
        ids: [id],
        action: 'failAcceptance',
        comment: '接地电阻不合格',
        acceptance: { date: '2026-06-20', inspectors: '张工、李工', punchItems: ['接地电阻 12 Ω，超过 4 Ω'] },
      },
      managerB,
    );
    await t.call('upgrades.transition', { ids: [id], action: 'start' }, clerk);
    await t.call('upgrades.transition', { ids: [id], action: 'finish' }, clerk);
    await t.call(
      'upgrades.transition',
      {
        ids: [id],
        action: 'accept',
        comment: '验收合格',
        acceptance: { date: '2026-06-20', inspectors: '张工、李工', punchItems: ['警示牌未挂'] },
      },
      managerB,
    );
    // Closing waits for the punch list: each problem is closed on its own.
    await expect(t.call('upgrades.transition', { ids: [id], action: 'close' }, managerA)).rejects.toMatchObject({
      message: 'upgrades.errors.punchItemsOpen',
    });
    const accepted = await t.call('upgrades.get', { id }, clerk);
    expect(accepted).toMatchObject({ acceptedOn: '2026-06-20', inspectors: '张工、李工' });
    expect(accepted.punchItems.map((p) => p.text)).toEqual(['接地电阻 12 Ω，超过 4 Ω', '警示牌未挂']);
    for (const p of accepted.punchItems) await t.call('upgrades.closePunchItem', { id: p.id }, clerk);
    await t.call('upgrades.transition', { ids: [id], action: 'close' }, managerA);
    const done = await t.call('upgrades.get', { id }, clerk);
    expect(done).toMatchObject({ status: 'closed', projectNo: 'JG-2026-017', approvedAmount: 28 });
    expect(done.history.map((h) => [h.username, h.action, h.to])).toEqual([
      ['clerk1', 'submit', 'submitted'],
      ['managerA', 'approve', 'approved'],
      ['managerA', 'fund', 'funded'],
      ['clerk1', 'start', 'in_progress'],
      ['clerk1', 'finish', 'awaiting_acceptance'],
      ['managerB', 'failAcceptance', 'acceptance_failed'],
      ['clerk1', 'start', 'in_progress'],
      ['clerk1', 'finish', 'awaiting_acceptance'],
      ['managerB', 'accept', 'accepted'],
      ['managerA', 'close', 'closed'],
    ]);
    expect(done.history.every((h) => h.at === TODAY.toISOString())).toBe(true);
    expect(done.history[5]!.comment).toBe('接地电阻不合格');
  });

  test('a batch with one request in the wrong state changes none of them', async () => {
    const a = await request('T-1', 10);
    const b = await request('T-2', 10);
    await t.call('upgrades.transition', { ids: [b], action: 'reject', comment: '重复申报' }, managerA);
    await expect(t.call('upgrades.transition', { ids: [a, b], action: 'approve' }, managerA)).rejects.toMatchObject({
      message: 'upgrades.errors.wrongStatus',
      params: { request: 'T-2 配变' },
    });
    expect((await t.call('upgrades.get', { id: a }, clerk)).status).toBe('submitted');
  });
});

describe('defect deadlines', () => {
  test('a 危急 defect found three days ago is past its one-day deadline: listed as overdue and counted in the reminders', async () => {
    await t.call(
      'equipment.save',
      {
        kind: 'pole_switch',
        code: 'SW-9',
        name: '城关线 #9 柱上开关',
        condition: 5,
        defectGrade: 'critical',
        defectFoundOn: '2026-06-17',
      },
      clerk,
    );
    await t.call(
      'equipment.save',
      {
        kind: 'pole_switch',
        code: 'SW-10',
        name: '城关线 #10 柱上开关',
        condition: 4,
        defectGrade: 'serious',
        defectFoundOn: '2026-06-17',
      },
      clerk,
    );
    await expect(
      t.call(
        'equipment.save',
        { kind: 'tower', code: 'GT-1', name: '杆塔', condition: 3, defectGrade: 'general' },
        clerk,
      ),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ['defectFoundOn'] })] });
    const overdue = await t.call('equipment.list', { startRow: 0, endRow: 10, defectOverdue: true }, clerk);
    expect(overdue.rows.map((r) => [r.code, r.defectDueOn])).toEqual([['SW-9', '2026-06-18']]);
    const { items } = await t.call('reminders.list', {}, clerk);
    expect(items.find((r) => r.label === 'reminders.upgrades.defectsOverdue')).toMatchObject({
      count: 1,
      link: { page: 'equipment', filters: { defectOverdue: true } },
    });
  });
});

describe('the equipment register in and out of Excel', () => {
  test('a register sheet comes in by code with words for type, condition and defect; importing again changes nothing; export has words back', async () => {
    await t.call(
      'lines.save',
      { name: '10kV 城关线', voltage: '10', conductor: 'bare', areaType: 'urban' },
      t.adminToken,
    );
    const ExcelJS = (await import('exceljs')).default;
    const { importSheet } = await import('../../helpers/office');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('设备');
    ws.addRow(['设备编号', '设备名称', '设备类型', '所属线路', '投运年份', '设备状况', '缺陷等级', '发现日期']);
    ws.addRow(['TR-101', '城关线 1 号配变', '配变', '10kV 城关线', 1996, '5 很差', '严重', '2026-06-01']);
    ws.addRow(['SW-102', '城关线 #8 柱上开关', '柱上开关', null, 2012, 3, null, null]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const first = await importSheet(t, 'equipment', bytes);
    expect(first.analysed.preview.problems).toEqual([]);
    expect(first.committed.result).toMatchObject({ outcome: { created: 2 } });
    const tr = (await t.call('equipment.list', { startRow: 0, endRow: 5, search: 'TR-101' }, clerk)).rows[0]!;
    expect(tr).toMatchObject({
      kind: 'transformer',
      lineName: '10kV 城关线',
      condition: 5,
      defectGrade: 'serious',
      defectDueOn: '2026-07-01',
      age: 30,
    });
    const again = await importSheet(t, 'equipment', bytes);
    expect(again.analysed.preview).toMatchObject({ newCount: 0, unchangedCount: 2 });

    const { waitForJob, downloadFile } = await import('../../helpers/files');
    const { jobId } = await t.call(
      'excel.export',
      {
        sheet: 'equipment',
        list: { sortModel: [{ colId: 'code', sort: 'asc' }] },
        columns: [
          { colId: 'code', header: '设备编号' },
          { colId: 'kind', header: '设备类型' },
          { colId: 'defectGrade', header: '缺陷等级' },
        ],
      },
      clerk,
    );
    const state = await waitForJob(t, jobId, clerk);
    const file = await downloadFile(t, state.result?.kind === 'excel.export' ? state.result.outcome.fileId : '', clerk);
    const out = new ExcelJS.Workbook();
    await out.xlsx.load(file.bytes as never);
    expect(out.worksheets[0]!.getRow(3).values).toEqual([undefined, 'TR-101', '配变', '严重']);
  });

  test("an approved request not funded by the year end carries over: marked in next year's queue and counted in its budget", async () => {
    let now = TODAY;
    const core = await openTestCore({ clock: () => now });
    try {
      const clerk2 = await core.signIn('clerk', 'clerk1');
      const manager = await core.signIn('manager', 'managerA');
      await core.call('budgets.save', { year: 2026, budget: 100 }, manager);
      const e = await core.call(
        'equipment.save',
        { kind: 'transformer', code: 'T-CARRY', name: '结转配变', installYear: 1995, condition: 4 },
        clerk2,
      );
      const r = await core.call(
        'upgrades.save',
        {
          equipmentId: e.id,
          problem: '绝缘老化',
          proposedWork: '更换',
          projectType: 'overhaul',
          estimatedCost: 30,
          customersAffected: 80,
        },
        clerk2,
      );
      await core.call('upgrades.transition', { ids: [r.id], action: 'submit' }, clerk2);
      await core.call('upgrades.transition', { ids: [r.id], action: 'approve' }, manager);
      expect((await core.call('upgrades.get', { id: r.id }, manager)).carriedOverFrom).toBeNull();

      now = new Date('2027-01-05T09:00:00+08:00');
      await core.reauthAdmin();
      const manager2027 = await core.signIn('manager', 'managerB');
      const queue = await core.call(
        'upgrades.list',
        { startRow: 0, endRow: 10, statuses: ['submitted', 'approved'] },
        manager2027,
      );
      expect(queue.rows.find((x) => x.id === r.id)).toMatchObject({
        status: 'approved',
        budgetYear: 2026,
        carriedOverFrom: 2026,
      });
      await core.call('budgets.save', { year: 2027, budget: 200 }, manager2027);
      expect(await core.call('budgets.get', { year: 2027 }, manager2027)).toEqual({
        year: 2027,
        budget: 200,
        approved: 30,
        carriedOver: 30,
        remaining: 170,
      });
      // Funded in 2027 it counts against 2027 and is no longer a carry-over.
      await core.call(
        'upgrades.transition',
        { ids: [r.id], action: 'fund', projectNo: 'JG-2027-01', fundingYear: 2027 },
        manager2027,
      );
      expect((await core.call('upgrades.get', { id: r.id }, manager2027)).carriedOverFrom).toBeNull();
      expect(await core.call('budgets.get', { year: 2027 }, manager2027)).toMatchObject({
        approved: 30,
        carriedOver: 0,
      });
    } finally {
      await core.close();
    }
  });
});
