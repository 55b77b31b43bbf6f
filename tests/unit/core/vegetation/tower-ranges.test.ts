import { describe, expect, it } from 'vitest';
import { formatTowerRange, parseTowerRange, towerRangeProblem } from '../../../../electron/contract';
import { openTestCore } from '../../helpers/core';

// How county ledgers write a span of towers. Each form is stored as one span (from, to).
const ACCEPTED: [string, number, number][] = [
  ['#12–#15', 12, 15],
  ['12号-15号', 12, 15],
  ['12#-15#', 12, 15],
  ['#12~#15', 12, 15],
  ['N12-N15', 12, 15],
  ['n12-n15', 12, 15],
  ['12号杆-15号杆', 12, 15],
  ['12号塔-15号塔', 12, 15],
  ['012-015', 12, 15],
  ['12—15', 12, 15],
  ['12——15', 12, 15],
  ['12-15号', 12, 15],
  ['12至15号', 12, 15],
  ['12 - 15', 12, 15],
  ['１２号－１５号', 12, 15],
  ['＃７～＃９', 7, 9],
  ['12号', 12, 12],
  ['#7', 7, 7],
  ['N7', 7, 7],
  ['12号杆', 12, 12],
  ['7', 7, 7],
];

const REFUSED: [string, string][] = [
  ['12、14、15', 'vegetation.towerRange.list'],
  ['12,14', 'vegetation.towerRange.list'],
  ['#12；#14', 'vegetation.towerRange.list'],
  ['15-12', 'vegetation.towerRange.order'],
  ['15号-12号', 'vegetation.towerRange.order'],
  ['0', 'vegetation.towerRange.format'],
  ['十二号', 'vegetation.towerRange.format'],
  ['abc', 'vegetation.towerRange.format'],
  ['12-15-18', 'vegetation.towerRange.format'],
  ['', 'vegetation.towerRange.format'],
];

describe('tower ranges as offices write them', () => {
  it.each(ACCEPTED)('%s is towers %i–%i', (written, from, to) => {
    expect(parseTowerRange(written)).toEqual({ from, to });
    expect(towerRangeProblem(written)).toBeNull();
  });

  it.each(REFUSED)('%s is refused with %s', (written, message) => {
    expect(parseTowerRange(written)).toBeNull();
    expect(towerRangeProblem(written)).toBe(message);
  });

  it('a record saved as 12号-15号 reads back in the one stored form; the grid search finds records by towers written any way', async () => {
    const t = await openTestCore();
    try {
      const lineId = (
        await t.call(
          'lines.save',
          { name: '10kV 杆号线', voltage: '10', conductor: 'bare', areaType: 'rural' },
          t.adminToken,
        )
      ).id;
      const base = { lineId, species: '杨树', treeCount: 2, verticalDistance: 3, action: 'trim' } as const;
      const { record } = await t.call('vegetation.save', { ...base, towerRange: '12号-15号' }, t.adminToken);
      expect(record.towerRange).toBe(formatTowerRange(12, 15));
      const other = (await t.call('vegetation.save', { ...base, towerRange: 'N20-N22' }, t.adminToken)).record;
      const found = async (search: string) =>
        (await t.call('vegetation.list', { startRow: 0, endRow: 10, search }, t.adminToken)).rows.map((r) => r.id);
      expect(await found('13号')).toEqual([record.id]); // a tower inside the span
      expect(await found('#15~#21')).toEqual([record.id, other.id].sort((a, b) => a - b));
      expect(await found('杨树 N21')).toEqual([other.id]); // towers and text together
      expect(await found('杆号线 30号')).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
