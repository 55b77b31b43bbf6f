import { ApiError, type MonthPlanRow } from '../../contract';
import type { HandlerContext, Handlers } from '../context';
import { currentUser } from '../context';
import { addDays, addMonths } from '../shared/time';

/**
 * The month's plan (月度树障清理计划): the planner submits it, a manager approves it, which locks a
 * version (a snapshot of its packages); later changes are listed against that version.
 */
interface Snapshot {
  id: number;
  teamId: number;
  date: string;
  recordIds: number[];
}

const monthRange = (month: string) => ({ from: `${month}-01`, to: addDays(addMonths(`${month}-01`, 1), -1) });

async function packagesOfMonth(ctx: HandlerContext, month: string): Promise<Snapshot[]> {
  const { from, to } = monthRange(month);
  const rows = await ctx.db
    .selectFrom('work_packages as p')
    .leftJoin('work_package_records as pr', 'pr.package_id', 'p.id')
    .select(['p.id', 'p.team_id', 'p.date', 'pr.record_id'])
    .where('p.date', '>=', from)
    .where('p.date', '<=', to)
    .where('p.status', '!=', 'cancelled')
    .orderBy('p.id')
    .orderBy('pr.record_id')
    .execute();
  const byId = new Map<number, Snapshot>();
  for (const r of rows) {
    const p = byId.get(r.id) ?? { id: r.id, teamId: r.team_id, date: r.date, recordIds: [] };
    if (r.record_id !== null) p.recordIds.push(r.record_id);
    byId.set(r.id, p);
  }
  return [...byId.values()];
}

export async function monthRow(ctx: HandlerContext, month: string): Promise<MonthPlanRow> {
  const row = await ctx.db.selectFrom('trimming_months').selectAll().where('month', '=', month).executeTakeFirst();
  const now = await packagesOfMonth(ctx, month);
  const approved: Snapshot[] = row?.snapshot_json ? (JSON.parse(row.snapshot_json) as Snapshot[]) : [];
  const changes: MonthPlanRow['changes'] = [];
  if (row && row.approved_version > 0) {
    const before = new Map(approved.map((p) => [p.id, p]));
    for (const p of now) {
      const was = before.get(p.id);
      if (!was) changes.push({ kind: 'added', packageId: p.id, summary: `${p.date}` });
      else if (was.date !== p.date || was.teamId !== p.teamId || was.recordIds.join(',') !== p.recordIds.join(',')) changes.push({ kind: 'moved', packageId: p.id, summary: `${was.date} → ${p.date}` });
    }
    const current = new Set(now.map((p) => p.id));
    for (const p of approved) if (!current.has(p.id)) changes.push({ kind: 'removed', packageId: p.id, summary: p.date });
  }
  return {
    month,
    status: (row?.status ?? 'draft') as MonthPlanRow['status'],
    approvedVersion: row?.approved_version ?? 0,
    submittedBy: row?.submitted_by ?? null,
    submittedAt: row?.submitted_at ?? null,
    approvedBy: row?.approved_by ?? null,
    approvedAt: row?.approved_at ?? null,
    packages: now.length,
    changes,
  };
}

export const monthHandlers: Handlers<'trimming.month' | 'trimming.submitMonth' | 'trimming.approveMonth'> = {
  'trimming.month': async (input, ctx) => monthRow(ctx, input.month),

  'trimming.submitMonth': async (input, ctx) => {
    const user = currentUser(ctx);
    const before = await monthRow(ctx, input.month);
    if (before.packages === 0) throw new ApiError({ code: 'RULE', message: 'trimming.month.empty' });
    if (before.status === 'submitted') throw new ApiError({ code: 'RULE', message: 'trimming.month.alreadySubmitted' });
    const values = { status: 'submitted', submitted_by: user.displayName, submitted_at: ctx.now.toISOString() };
    await ctx.db.insertInto('trimming_months').values({ month: input.month, ...values, approved_by: null, approved_at: null, snapshot_json: null }).onConflict((oc) => oc.column('month').doUpdateSet(values)).execute();
    ctx.audit({ entity: 'trimmingMonths', entityId: input.month, summary: 'month plan submitted', after: { packages: before.packages } });
    return monthRow(ctx, input.month);
  },

  'trimming.approveMonth': async (input, ctx) => {
    const user = currentUser(ctx);
    const before = await monthRow(ctx, input.month);
    if (before.status !== 'submitted') throw new ApiError({ code: 'RULE', message: 'trimming.month.notSubmitted' });
    const snapshot = await packagesOfMonth(ctx, input.month);
    await ctx.db
      .updateTable('trimming_months')
      .set({ status: 'approved', approved_version: before.approvedVersion + 1, approved_by: user.displayName, approved_at: ctx.now.toISOString(), snapshot_json: JSON.stringify(snapshot) })
      .where('month', '=', input.month)
      .execute();
    ctx.audit({ entity: 'trimmingMonths', entityId: input.month, summary: 'month plan approved', after: { version: before.approvedVersion + 1, packages: snapshot.length } });
    return monthRow(ctx, input.month);
  },
};
