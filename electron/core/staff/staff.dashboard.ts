import type { DashboardPanel, DrillLink, Reminder } from '../../contract';
import type { HandlerContext } from '../context';
import { loadSettings } from '../settings/settings.repository';
import { listCertificates, listStaff, loadStaffContext } from './staff.repository';

const certificates = (states: string[]): DrillLink => ({
  page: 'certificates',
  method: 'certificates.list',
  filters: { states },
});

async function certificateCount(
  ctx: HandlerContext,
  states: ('valid' | 'review_due' | 'expiring' | 'expired' | 'abolished')[],
) {
  return (
    await listCertificates(
      ctx.db,
      { startRow: 0, endRow: 1, sortModel: [], filterModel: {}, states },
      await loadStaffContext(ctx.db, ctx.today),
    )
  ).rowCount;
}

const staffCount = async (ctx: HandlerContext, filters: { eligibleOnly?: boolean; shortOfHours?: boolean }) =>
  (
    await listStaff(
      ctx.db,
      { startRow: 0, endRow: 1, sortModel: [], filterModel: {}, ...filters },
      await loadStaffContext(ctx.db, ctx.today),
    )
  ).rowCount;
const staffLink = (filters: Record<string, unknown>): DrillLink => ({ page: 'staff', method: 'staff.list', filters });

/** Certificates by state, how many people may go on duty today, and training hours by team. */
export async function staffPanels(ctx: HandlerContext): Promise<DashboardPanel[]> {
  const sctx = await loadStaffContext(ctx.db, ctx.today);
  const onDuty = (
    await listStaff(
      ctx.db,
      {
        startRow: 0,
        endRow: 1000,
        sortModel: [{ colId: 'teamName', sort: 'asc' }],
        filterModel: {},
        status: 'on_duty',
      },
      sctx,
    )
  ).rows;
  const teams = [
    ...new Map(onDuty.filter((r) => r.teamId !== null).map((r) => [r.teamId!, r.teamName ?? ''])).entries(),
  ];
  const inTeam = (id: number, short: boolean) =>
    onDuty.filter((r) => r.teamId === id && r.shortOfHours === short).length;
  return [
    {
      kind: 'stats',
      id: 'staff.certificates',
      title: 'dashboard.staff.certificates',
      items: [
        {
          label: 'dashboard.staff.expired',
          value: await certificateCount(ctx, ['expired']),
          tone: 'danger',
          link: certificates(['expired']),
          counts: true,
        },
        {
          label: 'dashboard.staff.reviewDue',
          value: await certificateCount(ctx, ['review_due', 'expiring']),
          tone: 'warning',
          link: certificates(['review_due', 'expiring']),
          counts: true,
        },
        {
          label: 'dashboard.staff.eligible',
          value: await staffCount(ctx, { eligibleOnly: true }),
          tone: 'success',
          link: staffLink({ eligibleOnly: true }),
          counts: true,
        },
        {
          label: 'dashboard.staff.shortOfHours',
          value: await staffCount(ctx, { shortOfHours: true }),
          tone: 'warning',
          link: staffLink({ shortOfHours: true }),
          counts: true,
        },
      ],
    },
    {
      kind: 'bar',
      id: 'staff.hoursByTeam',
      title: 'dashboard.staff.hoursByTeam',
      categories: teams.map(([id, name]) => ({ name, filters: { teamId: id } })),
      series: [
        {
          label: 'dashboard.staff.hoursMet',
          color: '#52c41a',
          data: teams.map(([id]) => inTeam(id, false)),
          filters: { shortOfHours: false },
        },
        {
          label: 'dashboard.staff.hoursShort',
          color: '#fa8c16',
          data: teams.map(([id]) => inTeam(id, true)),
          filters: { shortOfHours: true },
        },
      ],
      link: staffLink({ status: 'on_duty' }),
    },
  ];
}

/** Certificates whose review or expiry window is open (the lead time is staff.certificate.windowDays), and lapsed ones. */
export async function staffReminders(ctx: HandlerContext): Promise<Reminder[]> {
  const windowDays = (await loadSettings(ctx.db)).number('staff.certificate.windowDays');
  return [
    {
      module: 'staff',
      label: 'reminders.staff.expired',
      count: await certificateCount(ctx, ['expired']),
      tone: 'danger',
      leadDays: null,
      link: certificates(['expired']),
    },
    {
      module: 'staff',
      label: 'reminders.staff.due',
      count: await certificateCount(ctx, ['review_due', 'expiring']),
      tone: 'warning',
      leadDays: windowDays,
      link: certificates(['review_due', 'expiring']),
    },
    {
      module: 'staff',
      label: 'reminders.staff.shortOfHours',
      count: await staffCount(ctx, { shortOfHours: true }),
      tone: 'warning',
      leadDays: null,
      link: staffLink({ shortOfHours: true }),
    },
  ];
}
