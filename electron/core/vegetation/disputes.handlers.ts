import { ApiError, notFound, type DisputeRow } from '../../contract';
import type { HandlerContext, Handlers } from '../context';
import { currentUser } from '../context';
import { fieldError } from '../shared/references';
import { updateVersioned } from '../shared/versioned';
import {
  disputeStatusBefore,
  disputesOfRecord,
  findDispute,
  insertDispute,
  insertDisputeEntry,
  setRecordStatus,
} from './disputes.repository';
import { findVegetation } from './vegetation.repository';

type DisputeMethods =
  | 'vegetation.dispute.get'
  | 'vegetation.dispute.open'
  | 'vegetation.dispute.update'
  | 'vegetation.dispute.addEntry'
  | 'vegetation.dispute.close';

async function requireRecord(ctx: HandlerContext, recordId: number) {
  const record = await findVegetation(ctx.db, recordId, ctx.today);
  if (!record) throw notFound('vegetation', recordId);
  return record;
}

async function requireOpenDispute(ctx: HandlerContext, id: number): Promise<DisputeRow> {
  const d = await findDispute(ctx.db, id);
  if (!d) throw notFound('disputes', id);
  if (d.status !== 'open') throw new ApiError({ code: 'RULE', message: 'vegetation.dispute.closed' });
  return d;
}

/**
 * Trees planted inside the protection zone after the line was built get no compensation
 * (《电力设施保护条例实施细则》第十八条): warn when money is agreed or paid for them.
 */
async function warningsFor(ctx: HandlerContext, d: DisputeRow): Promise<string[]> {
  const record = await findVegetation(ctx.db, d.recordId, ctx.today, true);
  const money = (d.compensationAgreed ?? 0) > 0 || (d.compensationPaid ?? 0) > 0;
  return record?.plantedInZone && money ? ['vegetation.dispute.noCompensationInZone'] : [];
}

const touchRecord = (ctx: HandlerContext, recordId: number, status: string) =>
  setRecordStatus(ctx.db, recordId, status, ctx.now.toISOString());

export const disputeHandlers: Handlers<DisputeMethods> = {
  'vegetation.dispute.get': async (input, ctx) => {
    await requireRecord(ctx, input.recordId);
    return disputesOfRecord(ctx.db, input.recordId);
  },

  'vegetation.dispute.open': async (input, ctx) => {
    const user = currentUser(ctx);
    const record = await requireRecord(ctx, input.recordId);
    if (record.status === 'blocked') throw new ApiError({ code: 'RULE', message: 'vegetation.dispute.alreadyOpen' });
    if (record.status === 'done') throw new ApiError({ code: 'RULE', message: 'vegetation.dispute.recordDone' });
    const at = ctx.now.toISOString();
    const id = await insertDispute(ctx.db, {
      record_id: record.id,
      parties_json: JSON.stringify(input.parties),
      law_explained: input.lawExplained ? 1 : 0,
      coordination_level: input.coordinationLevel,
      compensation_agreed: null,
      compensation_paid: null,
      paid_date: null,
      status: 'open',
      status_before: record.status,
      opened_at: at,
      closed_at: null,
      close_note: null,
    });
    await insertDisputeEntry(ctx.db, {
      dispute_id: id,
      entry_date: ctx.today,
      party: null,
      content: input.note,
      created_by: user.displayName,
      created_at: at,
    });
    await touchRecord(ctx, record.id, 'blocked');
    const dispute = (await findDispute(ctx.db, id))!;
    ctx.audit({
      entity: 'vegetation',
      entityId: record.id,
      summary: 'dispute opened (受阻)',
      before: { status: record.status },
      after: dispute,
    });
    return { dispute, warnings: await warningsFor(ctx, dispute) };
  },

  'vegetation.dispute.update': async (input, ctx) => {
    const before = await requireOpenDispute(ctx, input.id);
    if (input.paidDate && !(input.compensationPaid && input.compensationPaid > 0)) {
      throw fieldError('compensationPaid', 'vegetation.dispute.paidAmountRequired');
    }
    await updateVersioned(
      ctx.db,
      'vegetation_disputes',
      input.id,
      input.version,
      {
        parties_json: JSON.stringify(input.parties),
        law_explained: input.lawExplained ? 1 : 0,
        coordination_level: input.coordinationLevel,
        compensation_agreed: input.compensationAgreed ?? null,
        compensation_paid: input.compensationPaid ?? null,
        paid_date: input.paidDate ?? null,
      },
      () => findDispute(ctx.db, input.id),
    );
    const dispute = (await findDispute(ctx.db, input.id))!;
    ctx.audit({ entity: 'vegetation', entityId: dispute.recordId, summary: 'dispute updated', before, after: dispute });
    return { dispute, warnings: await warningsFor(ctx, dispute) };
  },

  'vegetation.dispute.addEntry': async (input, ctx) => {
    const user = currentUser(ctx);
    const d = await requireOpenDispute(ctx, input.disputeId);
    await insertDisputeEntry(ctx.db, {
      dispute_id: d.id,
      entry_date: input.entryDate,
      party: input.party ?? null,
      content: input.content,
      created_by: user.displayName,
      created_at: ctx.now.toISOString(),
    });
    const dispute = (await findDispute(ctx.db, d.id))!;
    ctx.audit({
      entity: 'vegetation',
      entityId: d.recordId,
      summary: 'negotiation entry added',
      after: { entryDate: input.entryDate, party: input.party, content: input.content },
    });
    return { dispute, warnings: await warningsFor(ctx, dispute) };
  },

  'vegetation.dispute.close': async (input, ctx) => {
    const before = await requireOpenDispute(ctx, input.id);
    const statusBefore = await disputeStatusBefore(ctx.db, input.id);
    await updateVersioned(
      ctx.db,
      'vegetation_disputes',
      input.id,
      input.version,
      { status: 'closed', closed_at: ctx.now.toISOString(), close_note: input.note },
      () => findDispute(ctx.db, input.id),
    );
    // The record goes back to where it was before the dispute blocked it.
    await touchRecord(ctx, before.recordId, statusBefore);
    const dispute = (await findDispute(ctx.db, input.id))!;
    ctx.audit({ entity: 'vegetation', entityId: before.recordId, summary: 'dispute closed', before, after: dispute });
    return { dispute, warnings: await warningsFor(ctx, dispute) };
  },
};
