import type { DashboardPanel, DrillLink, Reminder } from '../../contract';
import type { HandlerContext } from '../context';
import { listDevices, listRectifications, loadLightningContext } from './lightning.repository';

const devices = (filters: Record<string, unknown>): DrillLink => ({
  page: 'lightningDevices',
  method: 'lightningDevices.list',
  filters,
});
const rectifications: DrillLink = {
  page: 'rectifications',
  method: 'rectifications.list',
  filters: { status: 'open' },
};
const grid = { startRow: 0, endRow: 1, sortModel: [], filterModel: {} };

/** The latest campaign's progress, failures and overdue devices, and this year's lightning trips per line. */
export async function lightningPanels(ctx: HandlerContext): Promise<DashboardPanel[]> {
  const lctx = await loadLightningContext(ctx.db, ctx.today);
  const total = (await listDevices(ctx.db, grid, lctx)).rowCount;
  if (total === 0) return [];
  const overdue = (await listDevices(ctx.db, { ...grid, overdue: true }, lctx)).rowCount;
  const red = (await listDevices(ctx.db, { ...grid, red: true }, lctx)).rowCount;
  const open = (await listRectifications(ctx.db, { ...grid, status: 'open' }, ctx.today)).rowCount;
  const campaign = await ctx.db
    .selectFrom('lightning_campaigns as c')
    .select(['c.id', 'c.name'])
    .select((eb) => [
      eb
        .selectFrom('lightning_campaign_devices as cd')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('cd.campaign_id', '=', 'c.id')
        .as('devices'),
      eb
        .selectFrom('lightning_tests as t')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('t.campaign_id', '=', 'c.id')
        .where('t.deleted_at', 'is', null)
        .where('t.verdict', 'is not', null)
        .as('done'),
    ])
    .orderBy('c.deadline', 'desc')
    .limit(1)
    .executeTakeFirst();
  const year = ctx.today.slice(0, 4);
  const trips = await ctx.db
    .selectFrom('lightning_trips as t')
    .innerJoin('lines as l', 'l.id', 't.line_id')
    .select(['t.line_id', 'l.name'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('t.deleted_at', 'is', null)
    .where('t.occurred_at', '>=', `${year}-01-01`)
    .where('t.occurred_at', '<', `${Number(year) + 1}-01-01`)
    .groupBy(['t.line_id', 'l.name'])
    // Lines with as many trips in the order of their names: the same fifteen on every database.
    .orderBy('n', 'desc')
    .orderBy('l.name')
    .orderBy('t.line_id')
    .limit(15)
    .execute();
  const campaignPage: DrillLink = { page: 'campaign', method: 'campaigns.list', filters: {} };
  const panels: DashboardPanel[] = [
    {
      kind: 'stats',
      id: 'lightning.summary',
      title: 'dashboard.lightning.summary',
      items: [
        ...(campaign
          ? [
              {
                label: 'dashboard.lightning.campaignDone',
                value: Number(campaign.done ?? 0),
                unit: String(campaign.devices ?? 0),
                tone: 'normal' as const,
                link: campaignPage,
                counts: false,
              },
            ]
          : []),
        {
          label: 'dashboard.lightning.overdue',
          value: overdue,
          tone: overdue ? ('danger' as const) : ('success' as const),
          link: devices({ overdue: true }),
          counts: true,
        },
        {
          label: 'dashboard.lightning.failed',
          value: red,
          tone: red ? ('danger' as const) : ('success' as const),
          link: devices({ red: true }),
          counts: true,
        },
        {
          label: 'dashboard.lightning.rectifying',
          value: open,
          tone: open ? ('warning' as const) : ('success' as const),
          link: rectifications,
          counts: true,
        },
      ],
    },
  ];
  if (trips.length) {
    panels.push({
      kind: 'bar',
      id: 'lightning.trips',
      title: 'dashboard.lightning.trips',
      unit: year,
      categories: trips.map((r) => ({ name: r.name, filters: { lineId: r.line_id } })),
      series: [
        {
          label: 'dashboard.lightning.tripSeries',
          color: '#722ed1',
          data: trips.map((r) => Number(r.n)),
          filters: { year: Number(year) },
        },
      ],
      link: { page: 'trips', method: 'trips.list', filters: {} },
    });
  }
  return panels;
}

/** Devices past their test date, and rectifications still open. */
export async function lightningReminders(ctx: HandlerContext): Promise<Reminder[]> {
  const lctx = await loadLightningContext(ctx.db, ctx.today);
  const overdue = (await listDevices(ctx.db, { ...grid, overdue: true }, lctx)).rowCount;
  const open = (await listRectifications(ctx.db, { ...grid, status: 'open' }, ctx.today)).rowCount;
  return [
    {
      module: 'lightning',
      label: 'reminders.lightning.overdue',
      count: overdue,
      tone: 'danger',
      leadDays: null,
      link: devices({ overdue: true }),
    },
    {
      module: 'lightning',
      label: 'reminders.lightning.rectifying',
      count: open,
      tone: 'warning',
      leadDays: null,
      link: rectifications,
    },
  ];
}
