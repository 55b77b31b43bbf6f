import { ApiError, notFound, type OutageRow } from '../../contract';
import type { HandlerContext, Handlers } from '../context';
import { currentUser } from '../context';
import { gridPageOf } from '../shared/grid-query';
import { requireLive } from '../shared/references';
import { updateVersioned } from '../shared/versioned';
import { loadTrimmingContext } from './trimming.repository';
import { findOutage, insertOutage, outagesGrid, toOutageRow, type OutageJoined } from './outages.repository';
import { requireTowersOnLine } from '../reference/tower-bounds';

/**
 * 停电计划: an outage window per line, requested by the planner and approved by a manager. Customers
 * must be told at least outageNoticeDays ahead (十项承诺: 7 days); a window with less notice is flagged.
 */
async function rowOf(ctx: HandlerContext, id: number): Promise<OutageRow> {
  const r = await findOutage(ctx.db, id);
  if (!r) throw notFound('outages', id);
  return toOutageRow(r, ctx.today, (await loadTrimmingContext(ctx.db)).outageNoticeDays);
}

export const outageHandlers: Handlers<
  | 'outages.list'
  | 'outages.get'
  | 'outages.save'
  | 'outages.approve'
  | 'outages.cancel'
  | 'outages.markCustomersNotified'
> = {
  'outages.list': async (input, ctx) => {
    const notice = (await loadTrimmingContext(ctx.db)).outageNoticeDays;
    const grid = outagesGrid(ctx.db, input);
    return gridPageOf({
      base: grid.base,
      select: (q: unknown) => q as ReturnType<typeof grid.base>,
      req: input,
      columns: grid.columns,
      search: ['l.name', 'w.reason'],
      tieBreaker: 'w.id',
      defaultSort: [{ colId: 'date', sort: 'desc' as const }],
      map: (r: OutageJoined) => toOutageRow(r, ctx.today, notice),
    });
  },

  'outages.get': (input, ctx) => rowOf(ctx, input.id),

  'outages.save': async (input, ctx) => {
    const user = currentUser(ctx);
    await requireLive(ctx.db, 'lines', input.lineId, 'lineId');
    await requireTowersOnLine(ctx.db, input.lineId, [input.towerFrom], 'towerFrom');
    await requireTowersOnLine(ctx.db, input.lineId, [input.towerTo], 'towerTo');
    const at = ctx.now.toISOString();
    const values = {
      line_id: input.lineId,
      date: input.date,
      start_time: input.startTime,
      end_time: input.endTime,
      tower_from: input.towerFrom ?? null,
      tower_to: input.towerTo ?? null,
      reason: input.reason,
      customers_affected: input.customersAffected,
      notes: input.notes ?? null,
      updated_at: at,
    };
    let id: number;
    const before = input.id === undefined ? undefined : await rowOf(ctx, input.id);
    if (!before) {
      id = await insertOutage(
        ctx.db,
        { ...values, approved_by: null, approved_at: null, customers_notified_on: null, cancel_reason: null },
        user.displayName,
      );
    } else {
      // An approved window is changed only by asking again: it goes back to 申请.
      if (before.status === 'cancelled') throw new ApiError({ code: 'RULE', message: 'trimming.outage.cancelled' });
      id = before.id;
      await updateVersioned(
        ctx.db,
        'outage_windows',
        id,
        input.version,
        { ...values, status: 'requested', approved_by: null, approved_at: null },
        () => rowOf(ctx, id),
      );
    }
    const after = await rowOf(ctx, id);
    ctx.audit({
      entity: 'outages',
      entityId: id,
      summary: before ? 'outage changed' : 'outage requested',
      before,
      after,
    });
    return after;
  },

  'outages.approve': async (input, ctx) => {
    const user = currentUser(ctx);
    const before = await rowOf(ctx, input.id);
    if (before.status !== 'requested') throw new ApiError({ code: 'RULE', message: 'trimming.outage.notRequested' });
    await updateVersioned(
      ctx.db,
      'outage_windows',
      input.id,
      input.version,
      {
        status: 'approved',
        approved_by: user.displayName,
        approved_at: ctx.now.toISOString(),
        updated_at: ctx.now.toISOString(),
      },
      () => rowOf(ctx, input.id),
    );
    const after = await rowOf(ctx, input.id);
    ctx.audit({
      entity: 'outages',
      entityId: input.id,
      summary: after.shortNotice ? 'outage approved with short notice' : 'outage approved',
      before,
      after,
    });
    return after;
  },

  'outages.cancel': async (input, ctx) => {
    const before = await rowOf(ctx, input.id);
    if (before.status === 'cancelled') throw new ApiError({ code: 'RULE', message: 'trimming.outage.cancelled' });
    await updateVersioned(
      ctx.db,
      'outage_windows',
      input.id,
      input.version,
      { status: 'cancelled', cancel_reason: input.reason, updated_at: ctx.now.toISOString() },
      () => rowOf(ctx, input.id),
    );
    const after = await rowOf(ctx, input.id);
    ctx.audit({
      entity: 'outages',
      entityId: input.id,
      summary: 'outage cancelled',
      before,
      after: { ...after, reason: input.reason },
    });
    return after;
  },

  'outages.markCustomersNotified': async (input, ctx) => {
    const before = await rowOf(ctx, input.id);
    if (before.status === 'cancelled') throw new ApiError({ code: 'RULE', message: 'trimming.outage.cancelled' });
    await updateVersioned(
      ctx.db,
      'outage_windows',
      input.id,
      input.version,
      { customers_notified_on: input.date, updated_at: ctx.now.toISOString() },
      () => rowOf(ctx, input.id),
    );
    const after = await rowOf(ctx, input.id);
    ctx.audit({ entity: 'outages', entityId: input.id, summary: 'customers notified', before, after });
    return after;
  },
};
