import type { DashboardPanel, DrillLink, Reminder } from '../../contract';
import type { HandlerContext } from '../context';
import { addDays, addMonths } from '../shared/time';
import { loadTeams, packagesBetween, loadTrimmingContext, toPlacement, worldFor } from './trimming.repository';
import { windowsNotTold } from './outages.repository';
import { isWorkingDay, loadsOf } from './trimming.rules';
import { packagesList } from './trimming.handlers';

const board = (filters: Record<string, unknown>): DrillLink => ({
  page: 'trimming',
  method: 'trimming.board',
  filters,
});
const list = (filters: Record<string, unknown>): DrillLink => ({
  page: 'trimming',
  method: 'trimming.packages',
  filters,
});
const NOT_DONE = ['planned', 'notified', 'working'];

/** Monday of the week a day falls in. */
const monday = (day: string) => addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));

/** 首页: this month's planned, done and late work by team, and the capacity used per team-week. */
export async function trimmingPanels(ctx: HandlerContext): Promise<DashboardPanel[]> {
  const s = await loadTrimmingContext(ctx.db);
  const from = `${ctx.today.slice(0, 7)}-01`;
  const to = addDays(addMonths(from, 1), -1);
  const [packages, teams] = await Promise.all([packagesBetween(ctx.db, from, to, s), loadTeams(ctx.db)]);
  if (packages.length === 0) return [];
  const done = packages.filter((p) => p.status === 'awaiting_acceptance' || p.status === 'accepted').length;
  const late = packages.filter((p) => NOT_DONE.includes(p.status) && p.lastDate < ctx.today).length;
  const world = await worldFor(ctx.db, packages.map(toPlacement), s, ctx.today);
  const loads = loadsOf(packages.map(toPlacement), world);
  const weeks: string[] = [];
  for (let w = monday(from); w <= to; w = addDays(w, 7)) weeks.push(w);
  const used = (teamId: number, capacity: number, week: string) => {
    let load = 0;
    let cap = 0;
    for (let i = 0; i < 7; i++) {
      const d = addDays(week, i);
      if (d < from || d > to || !isWorkingDay(d, world.calendar)) continue;
      load += loads.get(`${teamId}|${d}`) ?? 0;
      cap += capacity;
    }
    return cap ? Math.round((load / cap) * 100) : 0;
  };
  const active = teams.filter((t) => packages.some((p) => p.teamId === t.id));
  return [
    {
      kind: 'stats',
      id: 'trimming.month',
      title: 'dashboard.trimming.month',
      items: [
        {
          label: 'dashboard.trimming.planned',
          value: packages.length,
          tone: 'normal',
          link: board({ from }),
          counts: false,
        },
        { label: 'dashboard.trimming.done', value: done, tone: 'success', link: board({ from }), counts: false },
        {
          label: 'dashboard.trimming.late',
          value: late,
          tone: late ? 'danger' : 'normal',
          link: board({ from: monday(ctx.today) }),
          counts: false,
        },
      ],
    },
    {
      kind: 'bar',
      id: 'trimming.capacity',
      title: 'dashboard.trimming.capacity',
      unit: ctx.today.slice(0, 7),
      categories: active.map((t) => ({ name: t.name, filters: {} })),
      series: weeks.map((w, i) => ({
        label: 'dashboard.trimming.week',
        color: ['#0b5cad', '#1d6fb8', '#4a90d9', '#7fb2e5', '#a8cbef', '#cfe2f7'][i % 6]!,
        data: active.map((t) => used(t.id, t.capacity, w)),
        filters: { from: w },
      })),
      link: board({}),
      counts: false,
    },
  ];
}

/** Notices due, outage windows within 7 days whose customers were not told, packages past their day and not done. */
export async function trimmingReminders(ctx: HandlerContext): Promise<Reminder[]> {
  const s = await loadTrimmingContext(ctx.db);
  // Counted through the lists they open, so the bell and the list can never disagree.
  const count = async (filters: Record<string, unknown>) =>
    (await packagesList(ctx, { startRow: 0, endRow: 1, sortModel: [], filterModel: {}, ...filters })).rowCount;
  const outages = {
    from: ctx.today,
    to: addDays(ctx.today, s.outageNoticeDays),
    statuses: ['approved'],
    customersNotTold: true,
  };
  const windows = await windowsNotTold(ctx.db, outages.from, outages.to);
  return [
    {
      module: 'trimming',
      label: 'reminders.trimming.noticesDue',
      count: await count({ noticesDue: true }),
      tone: 'warning',
      leadDays: s.noticeLeadDays,
      link: list({ noticesDue: true }),
    },
    {
      module: 'trimming',
      label: 'reminders.trimming.outagesNotTold',
      count: Number(windows),
      tone: 'danger',
      leadDays: s.outageNoticeDays,
      link: { page: 'outages', method: 'outages.list', filters: outages },
    },
    {
      module: 'trimming',
      label: 'reminders.trimming.packagesLate',
      count: await count({ late: true }),
      tone: 'danger',
      leadDays: null,
      link: list({ late: true }),
    },
  ];
}
