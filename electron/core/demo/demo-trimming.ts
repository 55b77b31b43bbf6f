import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { addDays } from '../shared/time';

/**
 * The demo county's trimming board: each team's crew, hours and townships, a few days a team is
 * away, the year's 法定节假日 and 调休 workdays (2026 as published; 2027's first ones as an example
 * to check against the State Council's notice), and outage windows on the 35 kV and higher lines.
 */
const CAPACITY: Record<string, { crew: number; hours: number; townships: string[] }> = {
  配电运检一班: { crew: 6, hours: 8, townships: ['城关镇', '石桥镇', '龙泉乡', '桃源镇', '青山乡', '白沙镇'] },
  配电运检二班: { crew: 6, hours: 8, townships: ['双河乡', '梅岭镇', '柳溪乡', '金竹乡', '太平镇', '高坪乡'] },
  电缆运检班: { crew: 4, hours: 8, townships: ['城关镇'] },
  // Transmission lines cross the whole county.
  输电运检班: { crew: 8, hours: 8, townships: [] },
  城关供电所: { crew: 5, hours: 8, townships: ['城关镇', '太平镇', '高坪乡'] },
  石桥供电所: { crew: 5, hours: 8, townships: ['石桥镇', '桃源镇', '青山乡', '白沙镇'] },
  龙泉供电所: { crew: 5, hours: 8, townships: ['龙泉乡', '双河乡', '梅岭镇', '柳溪乡', '金竹乡'] },
};

const HOLIDAYS: [string, string, string][] = [
  ['2026-01-01', '2026-01-03', '元旦'],
  ['2026-02-15', '2026-02-23', '春节'],
  ['2026-04-04', '2026-04-06', '清明节'],
  ['2026-05-01', '2026-05-05', '劳动节'],
  ['2026-06-19', '2026-06-21', '端午节'],
  ['2026-09-25', '2026-09-27', '中秋节'],
  ['2026-10-01', '2026-10-07', '国庆节'],
  ['2027-01-01', '2027-01-03', '元旦'],
  ['2027-02-06', '2027-02-12', '春节'],
];
const WORKDAYS: [string, string][] = [
  ['2026-01-04', '元旦调休'],
  ['2026-02-14', '春节调休'],
  ['2026-02-28', '春节调休'],
  ['2026-05-09', '劳动节调休'],
  ['2026-09-20', '国庆节调休'],
  ['2026-10-10', '国庆节调休'],
  ['2027-02-13', '春节调休'],
];

export async function addDemoTrimming(db: Kysely<DB>, today: string, now: string): Promise<void> {
  const teams = await db.selectFrom('teams').select(['id', 'name']).where('deleted_at', 'is', null).execute();
  const townships = new Map(
    (await db.selectFrom('townships').select(['id', 'name']).execute()).map((t) => [t.name, t.id]),
  );
  for (const team of teams) {
    const c = CAPACITY[team.name];
    if (!c) continue;
    await db
      .updateTable('teams')
      .set({ crew_size: c.crew, hours_per_day: c.hours })
      .where('id', '=', team.id)
      .execute();
    const ids = c.townships.map((n) => townships.get(n)).filter((x): x is number => x !== undefined);
    if (ids.length)
      await db
        .insertInto('team_townships')
        .values(ids.map((township_id) => ({ team_id: team.id, township_id })))
        .execute();
  }
  const cable = teams.find((t) => t.name === '电缆运检班');
  if (cable)
    await db
      .insertInto('team_unavailability')
      .values({
        team_id: cable.id,
        from_date: addDays(today, 8),
        to_date: addDays(today, 10),
        reason: '安规培训',
        created_at: now,
        created_by: 'demo',
      })
      .execute();

  const calendar = [
    ...HOLIDAYS.flatMap(([from, to, name]) => {
      const days = [];
      for (let d = from; d <= to; d = addDays(d, 1)) days.push({ date: d, kind: 'holiday', name });
      return days;
    }),
    ...WORKDAYS.map(([date, name]) => ({ date, kind: 'workday', name })),
  ];
  await db
    .insertInto('office_calendar')
    .values(calendar.map((d) => ({ ...d, updated_at: now, updated_by: 'demo' })))
    .execute();

  // Windows on the higher-voltage lines: approved ones a week or more out, customers told; one still asked for.
  const lines = await db
    .selectFrom('lines')
    .select(['id', 'voltage'])
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
  const high = lines.filter((l) => Number(l.voltage) >= 35);
  const workingFrom = (d: string) => {
    let x = d;
    while ([0, 6].includes(new Date(`${x}T00:00:00Z`).getUTCDay())) x = addDays(x, 1);
    return x;
  };
  const windows = high.flatMap((l, i) => [
    { line_id: l.id, date: workingFrom(addDays(today, 8 + (i % 5))), status: 'approved' },
    { line_id: l.id, date: workingFrom(addDays(today, 15 + (i % 7))), status: 'approved' },
    ...(i % 3 === 0 ? [{ line_id: l.id, date: workingFrom(addDays(today, 24 + (i % 4))), status: 'requested' }] : []),
  ]);
  await db
    .insertInto('outage_windows')
    .values(
      windows.map((w) => ({
        ...w,
        start_time: '07:30',
        end_time: '17:30',
        tower_from: null,
        tower_to: null,
        reason: '线路通道树障清理',
        customers_affected: 600 + ((w.line_id * 137) % 1400),
        requested_by: '计划员',
        approved_by: w.status === 'approved' ? '主管' : null,
        approved_at: w.status === 'approved' ? now : null,
        customers_notified_on: w.status === 'approved' ? today : null,
        cancel_reason: null,
        notes: null,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
}
