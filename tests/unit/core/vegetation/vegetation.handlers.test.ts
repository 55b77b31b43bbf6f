import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, type VegetationInput } from '../../../../electron/contract';
import { openTestCore, type TestCore } from '../../helpers/core';

let t: TestCore;
let lineId10: number;
let lineId110: number;

beforeEach(async () => {
  t = await openTestCore();
  lineId10 = (
    await t.call(
      'lines.save',
      { name: '10kV 城关一线', voltage: '10', conductor: 'bare', areaType: 'urban' },
      t.adminToken,
    )
  ).id;
  lineId110 = (
    await t.call(
      'lines.save',
      { name: '110kV 桃源线', voltage: '110', conductor: 'bare', areaType: 'rural' },
      t.adminToken,
    )
  ).id;
});
afterEach(() => t.close());

const base = (lineId: number, over: Partial<VegetationInput> = {}): VegetationInput => ({
  lineId,
  towerRange: '#12–#15',
  species: '杨树',
  treeCount: 3,
  verticalDistance: 1.2,
  action: 'trim',
  ...over,
});

async function rejection(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

const countRecords = (core: TestCore) =>
  core.core.dispatch('vegetation.list', { startRow: 0, endRow: 100 }, { token: core.adminToken }) as Promise<{
    rowCount: number;
  }>;

describe('vegetation records through dispatch', () => {
  it('grades on save and keeps the rule and threshold it used', async () => {
    const { record } = await t.call('vegetation.save', base(lineId10), t.adminToken);
    expect(record.hazardGrade).toBe('emergency');
    expect(record.hazardBasis.minimum).toBe(1.5);
    expect(record.towerRange).toBe('#12–#15');
    const major = await t.call('vegetation.save', base(lineId110, { verticalDistance: 5.0 }), t.adminToken);
    expect(major.record.hazardGrade).toBe('major');
    const general = await t.call('vegetation.save', base(lineId110, { verticalDistance: 8.0 }), t.adminToken);
    expect(general.record.hazardGrade).toBe('general');
  });

  it('refuses a negative distance and a malformed tower range at their fields, writing nothing', async () => {
    const e1 = await rejection(t.call('vegetation.save', base(lineId10, { verticalDistance: -1 }), t.adminToken));
    expect(e1.code).toBe('VALIDATION');
    expect(e1.issues).toContainEqual(
      expect.objectContaining({ path: ['verticalDistance'], message: 'validation.not_negative' }),
    );
    const e2 = await rejection(t.call('vegetation.save', base(lineId10, { towerRange: '#15–#12' }), t.adminToken));
    expect(e2.issues).toContainEqual(
      expect.objectContaining({ path: ['towerRange'], message: 'vegetation.towerRange.order' }),
    );
    const e3 = await rejection(t.call('vegetation.save', base(lineId10, { towerRange: '十二号' }), t.adminToken));
    expect(e3.issues?.[0]?.path).toEqual(['towerRange']);
    expect((await countRecords(t)).rowCount).toBe(0);
  });

  it('accepts full-width digits in a tower range', async () => {
    const { record } = await t.call('vegetation.save', base(lineId10, { towerRange: '＃７～＃９' }), t.adminToken);
    expect(record.towerRange).toBe('#7–#9');
  });

  it('gives a conflict with the other person’s version when saving over a newer one', async () => {
    const clerk = await t.signIn('clerk');
    const { record } = await t.call('vegetation.save', base(lineId10), clerk);
    await t.call(
      'vegetation.save',
      { ...base(lineId10), id: record.id, version: record.version, landowner: '王建国' },
      t.adminToken,
    );
    const e = await rejection(
      t.call(
        'vegetation.save',
        { ...base(lineId10), id: record.id, version: record.version, landowner: '李秀英' },
        clerk,
      ),
    );
    expect(e.code).toBe('CONFLICT');
    expect(e.current).toMatchObject({ landowner: '王建国', version: record.version + 1 });
    const now = await t.call('vegetation.get', { id: record.id }, clerk);
    expect(now.landowner).toBe('王建国');
  });

  it('delete → recycle bin → restore brings the record back unchanged', async () => {
    const { record } = await t.call(
      'vegetation.save',
      base(lineId10, { landowner: '张志强', notes: '靠近学校' }),
      t.adminToken,
    );
    await t.call('vegetation.delete', { ids: [record.id] }, t.adminToken);
    expect((await countRecords(t)).rowCount).toBe(0);
    const bin = await t.call('recycle.list', { startRow: 0, endRow: 50 }, t.adminToken);
    expect(bin.rows).toEqual([expect.objectContaining({ entity: 'vegetation', id: record.id, deletedBy: 'admin' })]);
    await t.call('recycle.restore', { entity: 'vegetation', id: record.id }, t.adminToken);
    const back = await t.call('vegetation.get', { id: record.id }, t.adminToken);
    expect(back).toEqual(record);
    expect((await t.call('recycle.list', { startRow: 0, endRow: 50 }, t.adminToken)).rowCount).toBe(0);
  });

  it('filters by preset: 紧急 open records, overdue, blocked', async () => {
    // Overdue by its deadline (found long ago, 紧急), whatever its plan; the other found today.
    await t.call('vegetation.save', base(lineId10, { foundDate: '2020-01-01' }), t.adminToken);
    await t.call('vegetation.save', base(lineId110, { verticalDistance: 9 }), t.adminToken);
    const list = (preset: 'overdue' | 'emergency' | 'blocked') =>
      t.call('vegetation.list', { startRow: 0, endRow: 100, preset }, t.adminToken);
    expect((await list('emergency')).rows.map((r) => r.lineName)).toEqual(['10kV 城关一线']);
    expect((await list('overdue')).rows).toHaveLength(1);
    expect((await list('overdue')).rows[0]!.overdue).toBe(true);
    expect((await list('blocked')).rowCount).toBe(0);
  });

  it('the search box finds a record by name fragment, phone, village, several words, its notes, and updates with a save', async () => {
    const townshipId = (await t.call('townships.save', { name: '青山镇' }, t.adminToken)).id;
    const villageId = (await t.call('villages.save', { name: '柳湾村', townshipId }, t.adminToken)).id;
    const { record: first } = await t.call(
      'vegetation.save',
      base(lineId10, {
        landowner: '欧阳建国',
        landownerPhone: '13907311234',
        townshipId,
        villageId,
        species: '毛竹',
        notes: '林权证在村委会，协商需提前三天',
      }),
      t.adminToken,
    );
    await t.call('vegetation.save', base(lineId110, { landowner: '李建华', species: '杨树' }), t.adminToken);
    const found = async (search: string) =>
      (await t.call('vegetation.list', { startRow: 0, endRow: 10, search }, t.adminToken)).rows
        .map((r) => r.landowner)
        .sort();
    expect(await found('建国')).toEqual(['欧阳建国']);
    expect(await found('建')).toEqual(['李建华', '欧阳建国']);
    expect(await found('0731')).toEqual(['欧阳建国']);
    expect(await found('柳湾')).toEqual(['欧阳建国']);
    expect(await found('青山镇 毛竹')).toEqual(['欧阳建国']);
    expect(await found('建 杨树')).toEqual(['李建华']);
    expect(await found('桃源')).toEqual(['李建华']); // the line's name
    expect(await found('林权证')).toEqual(['欧阳建国']);
    expect(await found('１１０ＫＶ')).toEqual(['李建华']); // full-width, another case
    expect(await found('无此人')).toEqual([]);
    // The count for the scrollbar agrees with the rows.
    expect((await t.call('vegetation.list', { startRow: 0, endRow: 10, search: '建' }, t.adminToken)).rowCount).toBe(2);
    // A save moves the record in the index at once; a deleted one is gone from it.
    await t.call(
      'vegetation.save',
      { ...base(lineId10, { landowner: '欧阳振华', townshipId, villageId }), id: first.id, version: first.version },
      t.adminToken,
    );
    expect(await found('建国')).toEqual([]);
    expect(await found('振华')).toEqual(['欧阳振华']);
    await t.call('vegetation.delete', { ids: [first.id] }, t.adminToken);
    expect(await found('振华')).toEqual([]);
  });

  it('sorts by a column and refuses columns the grid does not offer', async () => {
    await t.call('vegetation.save', base(lineId10, { plannedDate: '2026-03-01' }), t.adminToken);
    await t.call('vegetation.save', base(lineId10, { plannedDate: '2026-01-01' }), t.adminToken);
    const page = await t.call(
      'vegetation.list',
      { startRow: 0, endRow: 10, sortModel: [{ colId: 'plannedDate', sort: 'asc' }] },
      t.adminToken,
    );
    expect(page.rows.map((r) => r.plannedDate)).toEqual(['2026-01-01', '2026-03-01']);
    const e = await rejection(
      t.call(
        'vegetation.list',
        { startRow: 0, endRow: 10, sortModel: [{ colId: 'password_hash', sort: 'asc' }] },
        t.adminToken,
      ),
    );
    expect(e.code).toBe('VALIDATION');
  });

  it('re-grades records when an admin changes a threshold, naming the new one', async () => {
    const { record } = await t.call('vegetation.save', base(lineId10, { verticalDistance: 1.8 }), t.adminToken);
    expect(record.hazardGrade).toBe('major');
    const res = await t.call('settings.update', { key: 'clearance.10.bare.vertical', value: 2.0 }, t.adminToken);
    expect(res.regraded).toBe(1);
    const after = await t.call('vegetation.get', { id: record.id }, t.adminToken);
    expect(after).toMatchObject({ hazardGrade: 'emergency', hazardBasis: { minimum: 2.0 } });
  });
});

describe('disputes (受阻)', () => {
  it('blocks the record until the dispute is closed, then restores its status', async () => {
    const { record } = await t.call(
      'vegetation.save',
      base(lineId10, { status: 'scheduled', plannedDate: '2026-12-01', plantedInZone: true }),
      t.adminToken,
    );
    const opened = await t.call(
      'vegetation.dispute.open',
      {
        recordId: record.id,
        parties: ['landowner', 'village'],
        lawExplained: true,
        coordinationLevel: 'village',
        note: '户主不同意砍伐',
      },
      t.adminToken,
    );
    expect((await t.call('vegetation.get', { id: record.id }, t.adminToken)).status).toBe('blocked');
    const blockedSave = await rejection(
      t.call(
        'vegetation.save',
        { ...base(lineId10), id: record.id, version: record.version + 1, status: 'done', completedDate: '2026-12-02' },
        t.adminToken,
      ),
    );
    expect(blockedSave.issues?.[0]).toMatchObject({ path: ['status'], message: 'vegetation.status.disputeOpen' });

    const entry = await t.call(
      'vegetation.dispute.addEntry',
      { disputeId: opened.dispute.id, entryDate: '2026-11-20', party: 'township', content: '镇政府协调' },
      t.adminToken,
    );
    expect(entry.dispute.entries).toHaveLength(2);
    const paid = await t.call(
      'vegetation.dispute.update',
      {
        id: opened.dispute.id,
        version: opened.dispute.version,
        parties: ['landowner'],
        lawExplained: true,
        coordinationLevel: 'township',
        compensationAgreed: 800,
        compensationPaid: 800,
        paidDate: '2026-11-25',
      },
      t.adminToken,
    );
    expect(paid.warnings).toEqual(['vegetation.dispute.noCompensationInZone']);
    await t.call(
      'vegetation.dispute.close',
      { id: paid.dispute.id, version: paid.dispute.version, note: '已达成协议' },
      t.adminToken,
    );
    expect((await t.call('vegetation.get', { id: record.id }, t.adminToken)).status).toBe('scheduled');
    const after = await t.call('vegetation.dispute.get', { recordId: record.id }, t.adminToken);
    expect(after.dispute).toBeNull();
    expect(after.history[0]).toMatchObject({ status: 'closed', compensationPaid: 800 });
  });
});
