import { ApiError, type MonthPlanRow } from '../../contract';
import type { HandlerContext, Handlers } from '../context';
import { currentUser } from '../context';
import { approveMonth, findMonth, packagesOfMonth, submitMonth, type MonthSnapshot } from './calendar.repository';

/**
 * The month's plan (月度树障清理计划): the planner submits it, a manager approves it, which locks a
 * version (a snapshot of its packages); later changes are listed against that version.
 */
export async function monthRow(ctx: HandlerContext, month: string): Promise<MonthPlanRow> {
  const row = await findMonth(ctx.db, month);
  const now = await packagesOfMonth(ctx.db, month);
  const approved: MonthSnapshot[] = row?.snapshot_json ? (JSON.parse(row.snapshot_json) as MonthSnapshot[]) : [];
  const changes: MonthPlanRow['changes'] = [];
  if (row && row.approved_version > 0) {
    const before = new Map(approved.map((p) => [p.id, p]));
    for (const p of now) {
      const was = before.get(p.id);
      if (!was) changes.push({ kind: 'added', packageId: p.id, summary: `${p.date}` });
      else if (was.date !== p.date || was.teamId !== p.teamId || was.recordIds.join(',') !== p.recordIds.join(','))
        changes.push({ kind: 'moved', packageId: p.id, summary: `${was.date} → ${p.date}` });
    }
    const current = new Set(now.map((p) => p.id));
    for (const p of approved)
      if (!current.has(p.id)) changes.push({ kind: 'removed', packageId: p.id, summary: p.date });
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
    await submitMonth(ctx.db, input.month, user.displayName, ctx.now.toISOString());
    ctx.audit({
      entity: 'trimmingMonths',
      entityId: input.month,
      summary: 'month plan submitted',
      after: { packages: before.packages },
    });
    return monthRow(ctx, input.month);
  },

  'trimming.approveMonth': async (input, ctx) => {
    const user = currentUser(ctx);
    const before = await monthRow(ctx, input.month);
    if (before.status !== 'submitted') throw new ApiError({ code: 'RULE', message: 'trimming.month.notSubmitted' });
    const snapshot = await packagesOfMonth(ctx.db, input.month);
    await approveMonth(
      ctx.db,
      input.month,
      before.approvedVersion + 1,
      snapshot,
      user.displayName,
      ctx.now.toISOString(),
    );
    ctx.audit({
      entity: 'trimmingMonths',
      entityId: input.month,
      summary: 'month plan approved',
      after: { version: before.approvedVersion + 1, packages: snapshot.length },
    });
    return monthRow(ctx, input.month);
  },
};
