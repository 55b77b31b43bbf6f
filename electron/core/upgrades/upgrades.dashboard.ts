import { PROJECT_TYPES, type DashboardPanel, type DrillLink, type Reminder, type UpgradeStatus } from '../../contract';
import type { HandlerContext } from '../context';
import { daysBetween, localDate } from '../shared/time';
import { budgetEnvelope, listEquipment, listUpgrades, loadUpgradeContext } from './upgrades.repository';

const OPEN: UpgradeStatus[] = [
  'submitted',
  'approved',
  'funded',
  'in_progress',
  'awaiting_acceptance',
  'acceptance_failed',
];
const link = (filters: Record<string, unknown>): DrillLink => ({ page: 'upgrades', method: 'upgrades.list', filters });

/** The backlog by status and project type, the year's budget used, and how long the oldest request has waited. */
export async function upgradesPanels(ctx: HandlerContext): Promise<DashboardPanel[]> {
  const uctx = await loadUpgradeContext(ctx.db, ctx.today);
  const open = (
    await listUpgrades(ctx.db, { startRow: 0, endRow: 10_000, sortModel: [], filterModel: {}, statuses: OPEN }, uctx)
  ).rows;
  if (open.length === 0) return [];
  const waiting = open.filter((r) => r.status === 'submitted');
  const oldest = waiting.reduce<string | null>(
    (min, r) => (min === null || r.createdAt < min ? r.createdAt : min),
    null,
  );
  // Calendar days, so the figure holds for the whole day (the first screen is computed once a day per change).
  const days = oldest ? daysBetween(localDate(new Date(oldest)), ctx.today) : 0;
  const budget = await budgetEnvelope(ctx.db, Number(ctx.today.slice(0, 4)));
  return [
    {
      kind: 'stats',
      id: 'upgrades.summary',
      title: 'dashboard.upgrades.summary',
      items: [
        {
          label: 'dashboard.upgrades.waiting',
          value: waiting.length,
          tone: waiting.length ? 'warning' : 'success',
          link: link({ statuses: ['submitted'] }),
          counts: true,
        },
        {
          label: 'dashboard.upgrades.oldestDays',
          value: days,
          tone: days > 30 ? 'danger' : 'normal',
          link: link({ statuses: ['submitted'] }),
          counts: false,
        },
        {
          label: 'dashboard.upgrades.budgetUsed',
          value: budget.approved,
          unit: String(budget.budget),
          tone: budget.remaining < 0 ? 'danger' : 'normal',
          link: link({ statuses: ['approved', 'funded'] }),
          counts: false,
        },
      ],
    },
    {
      kind: 'bar',
      id: 'upgrades.backlog',
      title: 'dashboard.upgrades.backlog',
      categories: OPEN.map((s) => ({ name: `upgrades.statuses.${s}`, filters: { statuses: [s] } })),
      series: PROJECT_TYPES.map((type, i) => ({
        label: `upgrades.projectTypes.${type}`,
        color: ['#1677ff', '#fa8c16'][i]!,
        data: OPEN.map((s) => open.filter((r) => r.status === s && r.projectType === type).length),
        filters: { projectType: type },
      })),
      link: link({}),
    },
  ];
}

/** Defects past their handling deadline (settings upgrades.defectDays.*), and requests waiting for a decision. */
export async function upgradesReminders(ctx: HandlerContext): Promise<Reminder[]> {
  const uctx = await loadUpgradeContext(ctx.db, ctx.today);
  const overdue = (
    await listEquipment(ctx.db, { startRow: 0, endRow: 1, sortModel: [], filterModel: {}, defectOverdue: true }, uctx)
  ).rowCount;
  const waiting = (
    await listUpgrades(
      ctx.db,
      {
        startRow: 0,
        endRow: 1,
        sortModel: [{ colId: 'createdAt', sort: 'asc' }],
        filterModel: {},
        statuses: ['submitted'],
      },
      uctx,
    )
  ).rowCount;
  return [
    {
      module: 'upgrades',
      label: 'reminders.upgrades.defectsOverdue',
      count: overdue,
      tone: 'danger',
      leadDays: null,
      link: { page: 'equipment', method: 'equipment.list', filters: { defectOverdue: true } },
    },
    {
      module: 'upgrades',
      label: 'reminders.upgrades.waiting',
      count: waiting,
      tone: 'warning',
      leadDays: null,
      link: link({ statuses: ['submitted'] }),
    },
  ];
}
