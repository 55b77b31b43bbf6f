import { sql } from 'kysely';
import { HAZARD_GRADES, VEGETATION_STATUSES, type DashboardPanel, type DrillLink, type Reminder } from '../../contract';
import type { HandlerContext } from '../context';
import { loadSettings } from '../settings/settings.repository';
import { listVegetation } from './vegetation.repository';

const OPEN_STATUSES = VEGETATION_STATUSES.filter((s) => s !== 'done');
const GRADE_COLORS = { emergency: '#cf1322', major: '#fa8c16', general: '#52c41a' } as const;
const link = (filters: Record<string, unknown>): DrillLink => ({
  page: 'vegetation',
  method: 'vegetation.list',
  filters,
});

/** Counts through the grid's own list query, so the first screen and the grid can never disagree. */
async function countOf(ctx: HandlerContext, filters: Record<string, unknown>, dueSoonDays: number): Promise<number> {
  return (
    await listVegetation(
      ctx.db,
      { startRow: 0, endRow: 1, sortModel: [], filterModel: {}, ...filters },
      ctx.today,
      dueSoonDays,
      ctx.runtime.grids,
    )
  ).rowCount;
}

export async function vegetationPanels(ctx: HandlerContext): Promise<DashboardPanel[]> {
  const dueSoonDays = (await loadSettings(ctx.db)).number('vegetation.dueSoonDays');
  const count = (f: Record<string, unknown>) => countOf(ctx, f, dueSoonDays);

  // Open hazards by line and grade: the fifteen lines with most open hazards.
  const byLine = await ctx.db
    .selectFrom('vegetation_records as v')
    .innerJoin('lines as l', 'l.id', 'v.line_id')
    .select([
      'l.id as lineId',
      'l.name as lineName',
      'v.hazard_grade as grade',
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .where('v.deleted_at', 'is', null)
    .where('v.status', '!=', 'done')
    .groupBy(['l.id', 'v.hazard_grade'])
    .execute();
  const totals = new Map<number, { name: string; n: number }>();
  for (const r of byLine) totals.set(r.lineId, { name: r.lineName, n: (totals.get(r.lineId)?.n ?? 0) + Number(r.n) });
  const top = [...totals.entries()].sort((a, b) => b[1].n - a[1].n || a[1].name.localeCompare(b[1].name)).slice(0, 15);
  const cell = (lineId: number, grade: string) =>
    Number(byLine.find((r) => r.lineId === lineId && r.grade === grade)?.n ?? 0);

  const year = ctx.today.slice(0, 4);
  const money = await ctx.db
    .selectFrom('vegetation_disputes')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('compensation_paid'), sql<number>`0`).as('paid'))
    .where('paid_date', '>=', `${year}-01-01`)
    .where('paid_date', '<=', `${year}-12-31`)
    .executeTakeFirstOrThrow();

  return [
    {
      kind: 'stats',
      id: 'vegetation.due',
      title: 'dashboard.vegetation.due',
      items: [
        {
          label: 'dashboard.vegetation.overdue',
          value: await count({ preset: 'overdue' }),
          tone: 'danger',
          link: link({ preset: 'overdue' }),
          counts: true,
        },
        {
          label: 'dashboard.vegetation.dueSoon',
          value: await count({ preset: 'due30' }),
          unit: String(dueSoonDays),
          tone: 'warning',
          link: link({ preset: 'due30' }),
          counts: true,
        },
        {
          label: 'dashboard.vegetation.emergency',
          value: await count({ preset: 'emergency' }),
          tone: 'danger',
          link: link({ preset: 'emergency' }),
          counts: true,
        },
      ],
    },
    {
      kind: 'stats',
      id: 'vegetation.disputes',
      title: 'dashboard.vegetation.disputes',
      items: [
        {
          label: 'dashboard.vegetation.blocked',
          value: await count({ preset: 'blocked' }),
          tone: 'warning',
          link: link({ preset: 'blocked' }),
          counts: true,
        },
        {
          label: 'dashboard.vegetation.paidThisYear',
          value: Number(money.paid),
          unit: year,
          tone: 'normal',
          link: link({ preset: 'blocked' }),
          counts: false,
        },
      ],
    },
    {
      kind: 'bar',
      id: 'vegetation.byLine',
      title: 'dashboard.vegetation.byLine',
      categories: top.map(([id, { name }]) => ({ name, filters: { lineId: id } })),
      series: HAZARD_GRADES.map((g) => ({
        label: `vegetation.grades.${g}`,
        color: GRADE_COLORS[g],
        data: top.map(([id]) => cell(id, g)),
        filters: { grades: [g] },
      })),
      link: link({ statuses: OPEN_STATUSES }),
    },
  ];
}

export async function vegetationReminders(ctx: HandlerContext): Promise<Reminder[]> {
  const dueSoonDays = (await loadSettings(ctx.db)).number('vegetation.dueSoonDays');
  return [
    {
      module: 'vegetation',
      label: 'reminders.vegetation.overdue',
      count: await countOf(ctx, { preset: 'overdue' }, dueSoonDays),
      tone: 'danger',
      leadDays: null,
      link: link({ preset: 'overdue' }),
    },
    {
      module: 'vegetation',
      label: 'reminders.vegetation.dueSoon',
      count: await countOf(ctx, { preset: 'due30' }, dueSoonDays),
      tone: 'warning',
      leadDays: dueSoonDays,
      link: link({ preset: 'due30' }),
    },
  ];
}
