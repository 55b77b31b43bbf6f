import { describe, expect, it } from 'vitest';
import {
  checkPlacement,
  checkPlan,
  type Placement,
  type PlanWorld,
  type RuleRecord,
  type RuleWindow,
} from '../../../../electron/core/trimming/trimming.rules';

// Every rule of the board's checker at its boundary. 2026-12-07 is a Monday.
const MON = '2026-12-07';

function world(over: Partial<PlanWorld> = {}, records: Partial<RuleRecord>[] = [{}]): PlanWorld {
  return {
    records: new Map(
      records.map((r, i) => [
        i + 1,
        {
          id: i + 1,
          lineId: 1,
          towerFrom: 10,
          towerTo: 12,
          townshipId: 1,
          treeCount: 4,
          action: 'trim',
          grade: 'major',
          deadline: '2026-12-31',
          status: 'scheduled',
          hasLandowner: false,
          notifiedOn: null,
          ...r,
        } as RuleRecord,
      ]),
    ),
    // Two people, 4 hours: 480 person-minutes a day.
    teams: new Map([
      [7, { id: 7, name: '配电运检一班', capacity: 480, crewSize: 2, townshipIds: [1], unavailable: [] }],
    ]),
    windows: [],
    calendar: { holidays: new Map(), workdays: new Set() },
    minutesPerTree: { trim: 30, fell: 60, transplant: 120 },
    noticeLeadDays: 3,
    today: '2026-12-01',
    ...over,
  };
}
const at = (date: string, recordIds = [1], extra: Partial<Placement> = {}): Placement => ({
  key: 'p',
  teamId: 7,
  date,
  days: 1,
  method: 'no_outage',
  recordIds,
  ...extra,
});
const rules = (p: Placement, w: PlanWorld, others: Placement[] = []) => checkPlacement(p, others, w).map((v) => v.rule);

describe('the trimming board’s rules', () => {
  it('capacity: a day exactly full passes, one tree over is refused with the load and the capacity', () => {
    // 16 trees × 30 = 480 = capacity.
    expect(rules(at(MON), world({}, [{ treeCount: 16 }]))).toEqual([]);
    const over = checkPlacement(at(MON), [], world({}, [{ treeCount: 17 }]));
    expect(over).toEqual([{ rule: 'capacity', date: MON, recordId: null, params: { load: 510, capacity: 480 } }]);
    // Another package the same day counts: 8 + 8 trees fill it, a ninth tree tips it over.
    const w = world({}, [{ treeCount: 8 }, { treeCount: 8 }, { treeCount: 1 }]);
    expect(rules(at(MON, [1]), w, [{ ...at(MON, [2]), key: 'q' }])).toEqual([]);
    expect(rules(at(MON, [1, 3]), w, [{ ...at(MON, [2]), key: 'q' }])).toEqual(['capacity']);
    // A run of days spreads the work: 32 trees over two days fit.
    expect(rules(at(MON, [1], { days: 2 }), world({}, [{ treeCount: 32 }]))).toEqual([]);
  });

  it('the deadline day itself passes; the day after is late, naming the deadline', () => {
    expect(rules(at('2026-12-31'), world())).toEqual([]);
    const late = checkPlacement(at('2027-01-01'), [], world());
    expect(late.map((v) => [v.rule, v.recordId, v.params.deadline])).toEqual([['deadline', 1, '2026-12-31']]);
    // The last day of a run counts.
    expect(
      rules(
        at('2026-12-31', [1], { days: 2 }),
        world({ calendar: { holidays: new Map(), workdays: new Set(['2027-01-01']) } }),
      ),
    ).toEqual(['deadline']);
  });

  it('the landowner’s notice: exactly the lead time passes, a day less does not; counted from the day it was delivered', () => {
    const owner = [{ hasLandowner: true }];
    expect(rules(at('2026-12-04'), world({ today: '2026-12-01' }, owner))).toEqual([]);
    expect(checkPlacement(at('2026-12-03'), [], world({ today: '2026-12-01' }, owner))).toEqual([
      { rule: 'notice', date: '2026-12-03', recordId: 1, params: { lead: 3, notified: '' } },
    ]);
    expect(rules(at(MON), world({ today: '2026-12-01' }, [{ hasLandowner: true, notifiedOn: '2026-12-04' }]))).toEqual(
      [],
    );
    expect(rules(at(MON), world({ today: '2026-12-01' }, [{ hasLandowner: true, notifiedOn: '2026-12-05' }]))).toEqual([
      'notice',
    ]);
    // 紧急: cut first, the owner told at once.
    expect(
      rules(at('2026-12-02'), world({ today: '2026-12-01' }, [{ hasLandowner: true, grade: 'emergency' }])),
    ).toEqual([]);
    // Nobody to tell: no notice needed.
    expect(rules(at('2026-12-02'), world({ today: '2026-12-01' }))).toEqual([]);
  });

  describe('an outage package needs an approved window covering its day, its hours and its towers', () => {
    // 8 trees × 30 = 240 person-minutes over a crew of 2: 120 minutes of the line switched off.
    const win: RuleWindow = {
      lineId: 1,
      date: MON,
      startTime: '08:00',
      endTime: '10:00',
      towerFrom: 10,
      towerTo: 12,
      status: 'approved',
    };
    const outage = (w: Partial<typeof win>, record: Partial<RuleRecord> = {}) =>
      rules(at(MON, [1], { method: 'outage' }), world({ windows: [{ ...win, ...w }] }, [{ treeCount: 8, ...record }]));

    it('date', () => {
      expect(outage({})).toEqual([]);
      expect(outage({ date: '2026-12-08' })).toEqual(['outage']);
    });
    it('time: exactly long enough passes, a minute short does not', () => {
      expect(outage({ endTime: '10:00' })).toEqual([]);
      expect(outage({ endTime: '09:59' })).toEqual(['outage']);
      expect(outage({}, { treeCount: 9 })).toEqual(['outage']);
    });
    it('towers: the window must cover the record’s span; a whole-line window covers all', () => {
      expect(outage({ towerFrom: 10, towerTo: 12 })).toEqual([]);
      expect(outage({ towerFrom: 11, towerTo: 12 })).toEqual(['outage']);
      expect(outage({ towerFrom: 10, towerTo: 11 })).toEqual(['outage']);
      expect(outage({ towerFrom: null, towerTo: null })).toEqual([]);
    });
    it('only an approved window of that line counts', () => {
      expect(outage({ status: 'requested' })).toEqual(['outage']);
      expect(outage({ lineId: 2 })).toEqual(['outage']);
      // Work without an outage needs no window at all.
      expect(rules(at(MON), world({}, [{ treeCount: 8 }]))).toEqual([]);
    });
  });

  it('working days: a Saturday is not one unless it is a 调休 workday; a weekday holiday is not', () => {
    expect(rules(at('2026-12-05'), world())).toEqual(['nonWorkingDay']);
    expect(
      rules(at('2026-12-05'), world({ calendar: { holidays: new Map(), workdays: new Set(['2026-12-05']) } })),
    ).toEqual([]);
    expect(
      checkPlacement(
        at(MON),
        [],
        world({ calendar: { holidays: new Map([[MON, '示例假日']]), workdays: new Set() } }),
      )[0],
    ).toMatchObject({ rule: 'nonWorkingDay', params: { holiday: '示例假日' } });
  });

  it('a team away: its first and last day count', () => {
    const away = (from: string, to: string) =>
      world({
        teams: new Map([
          [
            7,
            {
              id: 7,
              name: '配电运检一班',
              capacity: 480,
              crewSize: 2,
              townshipIds: [1],
              unavailable: [{ fromDate: from, toDate: to, reason: '安规培训' }],
            },
          ],
        ]),
      });
    expect(rules(at(MON), away(MON, '2026-12-09'))).toEqual(['teamUnavailable']);
    expect(rules(at('2026-12-09'), away(MON, '2026-12-09'))).toEqual(['teamUnavailable']);
    expect(rules(at('2026-12-10'), away(MON, '2026-12-09'))).toEqual([]);
  });

  it('a team works only in its townships (none listed: anywhere); a record with no township goes anywhere', () => {
    expect(rules(at(MON), world({}, [{ townshipId: 2 }]))).toEqual(['township']);
    expect(rules(at(MON), world({}, [{ townshipId: null }]))).toEqual([]);
    expect(
      rules(
        at(MON),
        world(
          {
            teams: new Map([
              [7, { id: 7, name: '输电运检班', capacity: 480, crewSize: 2, townshipIds: [], unavailable: [] }],
            ]),
          },
          [{ townshipId: 2 }],
        ),
      ),
    ).toEqual([]);
  });

  it('a 受阻 record cannot be planned; nor one already in another package', () => {
    expect(rules(at(MON), world({}, [{ status: 'blocked' }]))).toEqual(['blocked']);
    expect(rules(at(MON), world(), [{ ...at('2026-12-08'), key: 'other' }])).toEqual(['taken']);
    expect(checkPlan([at(MON), { ...at('2026-12-08'), key: 'other' }], world()).map((v) => v.rule)).toEqual(['taken']);
  });
});
