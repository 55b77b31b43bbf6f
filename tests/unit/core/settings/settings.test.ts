import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SETTING_DEFS } from '../../../../electron/core/settings/settings.defaults';
import { openTestCore, type TestCore } from '../../helpers/core';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
});
afterEach(() => t.close());

describe('rule thresholds', () => {
  it('the settings table holds every threshold with the standard’s value', async () => {
    const stored = await t.sql<{ key: string; value_json: string }>('select key, value_json from settings');
    expect(stored.map((s) => s.key).sort()).toEqual(SETTING_DEFS.map((d) => d.key).sort());
    expect(stored.find((s) => s.key === 'clearance.10.bare.vertical')?.value_json).toBe('1.5');
  });

  it('refuses values out of range or of the wrong type at the value field', async () => {
    await expect(
      t.call('settings.update', { key: 'clearance.10.bare.vertical', value: -1 }, t.adminToken),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ['value'] })] });
    await expect(
      t.call('settings.update', { key: 'clearance.10.bare.vertical', value: 'abc' }, t.adminToken),
    ).rejects.toMatchObject({ message: 'settings.wrongType' });
    await expect(
      t.call('settings.update', { key: 'vegetation.cycleMonthsBySpecies', value: '桉树=半年' }, t.adminToken),
    ).rejects.toMatchObject({ message: 'settings.speciesCycles' });
    await expect(t.call('settings.update', { key: 'no.such', value: 1 }, t.adminToken)).rejects.toMatchObject({
      message: 'settings.unknown',
    });
  });

  it('only an admin changes thresholds; reset brings the default back', async () => {
    const planner = await t.signIn('planner');
    await expect(t.call('settings.update', { key: 'clearance.majorMargin', value: 2 }, planner)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await t.call('settings.update', { key: 'clearance.majorMargin', value: 2 }, t.adminToken);
    const { setting } = await t.call('settings.reset', { key: 'clearance.majorMargin' }, t.adminToken);
    expect(setting.value).toBe(3);
  });

  it('a per-species cycle moves the next trimming date of done records', async () => {
    const line = await t.call(
      'lines.save',
      { name: '10kV 周期线', voltage: '10', conductor: 'bare', areaType: 'rural' },
      t.adminToken,
    );
    const { record } = await t.call(
      'vegetation.save',
      {
        lineId: line.id,
        towerRange: '#2',
        species: '桉树',
        treeCount: 5,
        verticalDistance: 3,
        action: 'trim',
        status: 'done',
        completedDate: '2026-06-10',
      },
      t.adminToken,
    );
    expect(record.nextDueDate).toBe('2027-06-10');
    await t.call('settings.update', { key: 'vegetation.cycleMonthsBySpecies', value: '桉树=6' }, t.adminToken);
    expect((await t.call('vegetation.get', { id: record.id }, t.adminToken)).nextDueDate).toBe('2026-12-10');
  });
});
