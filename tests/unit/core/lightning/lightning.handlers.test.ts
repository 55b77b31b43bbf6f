import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openTestCore, type TestCore } from '../../helpers/core';

const TODAY = new Date('2026-11-20T09:00:00+08:00');
let t: TestCore;
let clerk: string;
let lineId: number;

beforeEach(async () => {
  t = await openTestCore({ clock: () => TODAY });
  clerk = await t.signIn('clerk', 'clerk1');
  lineId = (
    await t.call(
      'lines.save',
      { name: '10kV 雷区线', voltage: '10', conductor: 'bare', areaType: 'rural', townshipIds: [] },
      t.adminToken,
    )
  ).id;
});
afterEach(() => t.close());

const tower = (code: string, soilResistivity: number) =>
  t.call(
    'lightningDevices.save',
    { kind: 'grounding', code, site: 'tower', lineId, tower: code, soilResistivity },
    clerk,
  );
const groundTest = (deviceId: number, groundingOhm: number, testedOn = '2026-04-10') =>
  t.call(
    'lightningTests.save',
    { deviceId, testedOn, tester: '张工', instrument: 'ETCR2000', weather: '晴', groundingOhm },
    clerk,
  );

describe('lightning tests judged by the standards', () => {
  test('acceptance 2: 16 Ω at ρ = 300 Ω·m is 不合格 "≤15 Ω (ρ 100–500 Ω·m)" and opens a rectification; at ρ = 600 it passes', async () => {
    const steep = await tower('#12', 300);
    const failed = await groundTest(steep.id, 16);
    expect(failed.verdict).toBe('fail');
    expect(failed.judgement.items[0]).toMatchObject({
      limit: '≤15 Ω（ρ 100–500 Ω·m）',
      pass: false,
      settingKey: 'lightning.tower.rhoUpTo500',
    });
    const rect = await t.call('rectifications.list', { startRow: 0, endRow: 10, deviceId: steep.id }, clerk);
    expect(rect.rows).toEqual([
      expect.objectContaining({
        testId: failed.id,
        status: 'open',
        grade: 'general',
        foundOn: '2026-04-10',
        dueOn: '2027-04-10',
      }),
    ]);
    expect(rect.rows[0]!.reason).toContain('16 Ω');
    expect(
      (await t.call('lightningDevices.list', { startRow: 0, endRow: 10, red: true }, clerk)).rows.map((d) => d.code),
    ).toEqual(['#12']);

    // A code is one device: a second #12 is refused on the code field.
    await expect(tower('#12', 80)).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ['code'], message: 'validation.duplicate' })],
    });
    const gentle = await tower('#13', 600);
    expect((await groundTest(gentle.id, 16)).verdict).toBe('pass');
    expect((await t.call('rectifications.list', { startRow: 0, endRow: 10, deviceId: gentle.id }, clerk)).rows).toEqual(
      [],
    );

    // The device stays red until a passing retest; the retest closes the rectification.
    const retest = await groundTest(steep.id, 12, '2026-05-02');
    expect(retest.verdict).toBe('pass');
    const closed = (await t.call('rectifications.list', { startRow: 0, endRow: 10, deviceId: steep.id }, clerk))
      .rows[0]!;
    expect(closed).toMatchObject({ status: 'done', retestId: retest.id, closedOn: '2026-05-02' });
    expect((await t.call('lightningDevices.list', { startRow: 0, endRow: 10, red: true }, clerk)).rows).toEqual([]);
  });

  test('a test with the readings that were taken is saved and judged on those, the rest 未测; one with none is refused; a complete one sets the due date', async () => {
    const moa = await t.call(
      'lightningDevices.save',
      { kind: 'arrester', code: 'MOA-1', site: 'switch', lineId, ratedKv: 17, u1maInitial: 25 },
      clerk,
    );
    await expect(
      t.call('lightningTests.save', { deviceId: moa.id, testedOn: '2026-03-20', tester: '李工' }, clerk),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'lightning.errors.noReadings',
      issues: [
        expect.objectContaining({ path: ['insulationMohm'] }),
        expect.objectContaining({ path: ['u1maKv'] }),
        expect.objectContaining({ path: ['leakageUa'] }),
        expect.objectContaining({ path: ['counterOk'] }),
      ],
    });
    // Only insulation was measured (the DC generator was away): judged on that, the rest 未测.
    const partial = await t.call(
      'lightningTests.save',
      { deviceId: moa.id, testedOn: '2026-03-20', tester: '李工', insulationMohm: 5000 },
      clerk,
    );
    expect(partial).toMatchObject({ verdict: null, judgement: { missing: ['u1maChange', 'leakage', 'counter'] } });
    expect((await t.call('lightningDevices.list', { startRow: 0, endRow: 10 }, clerk)).rows[0]).toMatchObject({
      lastTestedOn: '2026-03-20',
      dueReason: 'incomplete',
    }); // due now: three readings were never taken
    const ok = await t.call(
      'lightningTests.save',
      {
        deviceId: moa.id,
        testedOn: '2026-04-01',
        tester: '李工',
        insulationMohm: 5000,
        u1maKv: 25.1,
        leakageUa: 12,
        counterOk: true,
      },
      clerk,
    );
    expect(ok.verdict).toBe('pass');
    await expect(
      t.call(
        'lightningTests.save',
        {
          deviceId: moa.id,
          testedOn: '2026-12-01',
          tester: '李工',
          insulationMohm: 5000,
          u1maKv: 25,
          leakageUa: 12,
          counterOk: true,
        },
        clerk,
      ),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ['testedOn'] })] });
    // Next due: before next year's thunderstorm season.
    expect((await t.call('lightningDevices.list', { startRow: 0, endRow: 10 }, clerk)).rows[0]).toMatchObject({
      code: 'MOA-1',
      nextDueOn: '2027-04-30',
      dueReason: 'season',
      lastVerdict: 'pass',
    });
  });

  test('acceptance 4: a lightning trip on the line after the last test makes the device due; the line report says it was tested in time', async () => {
    const d = await tower('#20', 80);
    await groundTest(d.id, 6, '2026-03-15');
    expect((await t.call('lightningDevices.list', { startRow: 0, endRow: 10 }, clerk)).rows[0]).toMatchObject({
      nextDueOn: '2031-03-15',
      dueReason: 'cycle',
      overdue: false,
    });
    await t.call(
      'trips.save',
      {
        lineId,
        occurredAt: '2026-07-15T14:20',
        towers: '#19–#21',
        reclosed: true,
        damage: '#20 绝缘子闪络',
        deviceIds: [d.id],
      },
      clerk,
    );
    const after = (await t.call('lightningDevices.list', { startRow: 0, endRow: 10, overdue: true }, clerk)).rows;
    expect(after).toEqual([
      expect.objectContaining({ code: '#20', nextDueOn: '2026-07-15', dueReason: 'trip', overdue: true }),
    ]);
    const byLine = await t.call('trips.byLine', { year: 2026 }, clerk);
    expect(byLine.rows).toEqual([
      expect.objectContaining({
        lineName: '10kV 雷区线',
        trips: 1,
        reclosed: 1,
        devices: 1,
        untestedAtTrip: 0,
        testedInTime: true,
      }),
    ]);
    // A device whose last test was six years before the trip was not tested in time.
    const old = await tower('#21', 80);
    await groundTest(old.id, 6, '2020-03-01');
    expect((await t.call('trips.byLine', { year: 2026 }, clerk)).rows[0]).toMatchObject({
      devices: 2,
      untestedAtTrip: 1,
      testedInTime: false,
    });
  });
});

describe('pre-season campaign', () => {
  test('every device due by the deadline joins; readings typed row by row are judged; progress counts done, failed and left', async () => {
    const a = await tower('#1', 300);
    const b = await tower('#2', 300);
    const fresh = await tower('#3', 300);
    await groundTest(fresh.id, 8, '2026-04-01'); // next due 2031: not in the campaign
    const moa = await t.call(
      'lightningDevices.save',
      { kind: 'arrester', code: 'MOA-9', site: 'switch', lineId, ratedKv: 17, u1maInitial: 25 },
      clerk,
    );
    const campaign = await t.call('campaigns.create', { name: '2027 年雷雨季前试验', deadline: '2027-04-30' }, clerk);
    expect(campaign).toMatchObject({ devices: 3, done: 0, failed: 0, left: 3 });
    const { teams } = await t.call('reference.options', {}, clerk);
    await t.call(
      'campaigns.assign',
      { campaignId: campaign.id, deviceIds: [a.id, b.id], teamId: teams[0]?.id ?? null, plannedOn: '2026-11-18' },
      clerk,
    );

    await t.call('campaigns.enterResult', { campaignId: campaign.id, deviceId: a.id, groundingOhm: 9 }, clerk);
    const failing = await t.call(
      'campaigns.enterResult',
      { campaignId: campaign.id, deviceId: b.id, groundingOhm: 19 },
      clerk,
    );
    expect(failing).toMatchObject({ verdict: 'fail', plannedOn: '2026-11-18' });
    expect(failing.reasons[0]).toContain('≤15 Ω');
    // An arrester half entered is not done yet; its last reading completes it.
    expect(
      (
        await t.call(
          'campaigns.enterResult',
          { campaignId: campaign.id, deviceId: moa.id, insulationMohm: 3000, u1maKv: 25.2 },
          clerk,
        )
      ).verdict,
    ).toBeNull();
    const moaRow = await t.call(
      'campaigns.enterResult',
      { campaignId: campaign.id, deviceId: moa.id, leakageUa: 20, counterOk: true },
      clerk,
    );
    expect(moaRow).toMatchObject({ verdict: 'pass', insulationMohm: 3000, leakageUa: 20 });
    const got = await t.call('campaigns.get', { id: campaign.id }, clerk);
    expect(got).toMatchObject({ devices: 3, done: 3, failed: 1, left: 0 });
    expect(got.rows.find((r) => r.deviceId === a.id)).toMatchObject({
      teamName: teams[0]?.name ?? null,
      testId: expect.any(Number),
    });
    // Correcting a typo: the failing reading fixed to a passing one drops its rectification.
    await t.call('campaigns.enterResult', { campaignId: campaign.id, deviceId: b.id, groundingOhm: 9 }, clerk);
    expect((await t.call('rectifications.list', { startRow: 0, endRow: 10, status: 'open' }, clerk)).rows).toEqual([]);
    expect((await t.call('campaigns.get', { id: campaign.id }, clerk)).failed).toBe(0);
  });

  test('a campaign with nothing due is refused with the deadline', async () => {
    const d = await tower('#5', 50);
    await groundTest(d.id, 5, '2026-04-01');
    await expect(t.call('campaigns.create', { name: '空', deadline: '2027-04-30' }, clerk)).rejects.toMatchObject({
      message: 'lightning.errors.nothingDue',
    });
    expect((await t.call('campaigns.list', {}, clerk)).rows).toEqual([]);
  });
});

describe('the device register in and out of Excel', () => {
  test('a register sheet comes in by code with words for type and site and 是/否; importing again changes nothing; export has words and the due date', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const { importSheet } = await import('../../helpers/office');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('防雷设施');
    ws.addRow([
      '设备编号',
      '类型',
      '安装位置',
      '线路',
      '杆塔号',
      '土壤电阻率 ρ（Ω·m）',
      '杆塔有避雷线（架空地线）',
      '额定电压（kV）',
      '配变容量（kVA）',
    ]);
    ws.addRow(['JD-101', '接地装置', '线路杆塔', '10kV 雷区线', '#12', 300, '是', null, null]);
    ws.addRow(['MOA-102', '氧化锌避雷器', '柱上开关/电缆终端', '10kV 雷区线', '#30', null, null, 17, null]);
    ws.addRow(['PB-103', '接地装置', '配变', null, null, null, null, null, 315]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const first = await importSheet(t, 'lightningDevices', bytes);
    expect(first.analysed.preview.problems).toEqual([]);
    expect(first.committed.result).toMatchObject({ outcome: { created: 3 } });
    const rows = (await t.call('lightningDevices.list', { startRow: 0, endRow: 10 }, clerk)).rows;
    expect(rows.find((r) => r.code === 'JD-101')).toMatchObject({
      kind: 'grounding',
      site: 'tower',
      lineName: '10kV 雷区线',
      soilResistivity: 300,
      hasGroundWire: true,
      dueReason: 'never',
    });
    expect(rows.find((r) => r.code === 'MOA-102')).toMatchObject({ kind: 'arrester', ratedKv: 17 });
    const again = await importSheet(t, 'lightningDevices', bytes);
    expect(again.analysed.preview).toMatchObject({ newCount: 0, unchangedCount: 3 });

    // A transformer without its capacity is refused by row and column, and nothing is written.
    const bad = new ExcelJS.Workbook();
    const bs = bad.addWorksheet('防雷设施');
    bs.addRow(['设备编号', '类型', '安装位置']);
    bs.addRow(['PB-104', '接地装置', '配变']);
    const refused = await importSheet(t, 'lightningDevices', Buffer.from(await bad.xlsx.writeBuffer()));
    expect(refused.analysed.preview.problems).toEqual([expect.objectContaining({ row: 2, field: 'transformerKva' })]);

    const { waitForJob, downloadFile } = await import('../../helpers/files');
    const { jobId } = await t.call(
      'excel.export',
      {
        sheet: 'lightningDevices',
        list: { sortModel: [{ colId: 'code', sort: 'asc' }] },
        columns: [
          { colId: 'code', header: '设备编号' },
          { colId: 'kind', header: '类型' },
          { colId: 'nextDueOn', header: '下次试验' },
        ],
      },
      clerk,
    );
    const state = await waitForJob(t, jobId, clerk);
    const file = await downloadFile(t, state.result?.kind === 'excel.export' ? state.result.outcome.fileId : '', clerk);
    const out = new ExcelJS.Workbook();
    await out.xlsx.load(file.bytes as never);
    const sheetRows: unknown[][] = [];
    out.worksheets[0]!.eachRow((r) => sheetRows.push((r.values as unknown[]).slice(1)));
    const header = sheetRows.findIndex((r) => r[0] === '设备编号');
    expect(sheetRows[header]).toEqual(['设备编号', '类型', '下次试验']);
    expect(sheetRows.slice(header + 1).map((r) => r.slice(0, 2))).toEqual([
      ['JD-101', '接地装置'],
      ['MOA-102', '氧化锌避雷器'],
      ['PB-103', '接地装置'],
    ]);
  });
});
