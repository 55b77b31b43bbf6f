import type { DashboardPanel, DrillLink, Reminder } from '../../contract';
import type { HandlerContext } from '../context';
import { loadSettings } from '../settings/settings.repository';
import { certificateRules, listCertificates, listStaff } from './staff.repository';

const certificates = (states: string[]): DrillLink => ({ page: 'certificates', method: 'certificates.list', filters: { states } });

async function certificateCount(ctx: HandlerContext, states: ('valid' | 'review_due' | 'expiring' | 'expired' | 'abolished')[]) {
  const rules = certificateRules(await loadSettings(ctx.db));
  return (await listCertificates(ctx.db, { startRow: 0, endRow: 1, sortModel: [], filterModel: {}, states }, { today: ctx.today, rules })).rowCount;
}

/** Certificates by state, and how many people may go on duty today. */
export async function staffPanels(ctx: HandlerContext): Promise<DashboardPanel[]> {
  const rules = certificateRules(await loadSettings(ctx.db));
  const eligible = (await listStaff(ctx.db, { startRow: 0, endRow: 1, sortModel: [], filterModel: {}, eligibleOnly: true }, { today: ctx.today, rules })).rowCount;
  return [
    {
      kind: 'stats',
      id: 'staff.certificates',
      title: 'dashboard.staff.certificates',
      items: [
        { label: 'dashboard.staff.expired', value: await certificateCount(ctx, ['expired']), tone: 'danger', link: certificates(['expired']), counts: true },
        { label: 'dashboard.staff.reviewDue', value: await certificateCount(ctx, ['review_due', 'expiring']), tone: 'warning', link: certificates(['review_due', 'expiring']), counts: true },
        { label: 'dashboard.staff.eligible', value: eligible, tone: 'success', link: { page: 'staff', method: 'staff.list', filters: { eligibleOnly: true } }, counts: true },
      ],
    },
  ];
}

/** Certificates whose review or expiry window is open (the lead time is staff.certificate.windowDays), and lapsed ones. */
export async function staffReminders(ctx: HandlerContext): Promise<Reminder[]> {
  const windowDays = (await loadSettings(ctx.db)).number('staff.certificate.windowDays');
  return [
    { module: 'staff', label: 'reminders.staff.expired', count: await certificateCount(ctx, ['expired']), tone: 'danger', leadDays: null, link: certificates(['expired']) },
    { module: 'staff', label: 'reminders.staff.due', count: await certificateCount(ctx, ['review_due', 'expiring']), tone: 'warning', leadDays: windowDays, link: certificates(['review_due', 'expiring']) },
  ];
}
