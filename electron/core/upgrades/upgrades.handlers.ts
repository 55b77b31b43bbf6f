import { ApiError, notFound, type UpgradeRow } from '../../contract';
import { currentUser, type HandlerContext, type Handlers } from '../context';
import { fieldError, requireLive, requireUniqueCode } from '../shared/references';
import { deleteToBin } from '../shared/soft-delete';
import { saveVersioned } from '../shared/versioned';
import { decideTransition } from './upgrades.rules';
import { nextRequestNo } from './request-numbers';
import {
  budgetEnvelope,
  findEquipment,
  findUpgrade,
  listEquipment,
  listUpgrades,
  loadUpgradeContext,
  punchItems,
  upgradeHistory,
} from './upgrades.repository';
import {
  acceptanceOf,
  addPunchItems,
  applyStep,
  closePunchItem,
  equipmentHasRequests,
  findPunchItem,
  liveRequestStatuses,
  recordStep,
  requestWithOpenPunchItem,
  storeBudget,
} from './workflow.repository';

type Methods =
  | 'equipment.list'
  | 'equipment.save'
  | 'equipment.delete'
  | 'upgrades.list'
  | 'upgrades.get'
  | 'upgrades.save'
  | 'upgrades.delete'
  | 'upgrades.transition'
  | 'budgets.get'
  | 'budgets.save'
  | 'upgrades.closePunchItem';

const context = (ctx: HandlerContext) => loadUpgradeContext(ctx.db, ctx.today);
const year = (ctx: HandlerContext) => Number(ctx.today.slice(0, 4));

export const upgradesHandlers: Handlers<Methods> = {
  'equipment.list': async (input, ctx) => listEquipment(ctx.db, input, await context(ctx)),

  'equipment.save': async (input, ctx) => {
    const uctx = await context(ctx);
    await requireUniqueCode(ctx.db, 'equipment', input.code, input.id);
    if (input.lineId) await requireLive(ctx.db, 'lines', input.lineId, 'lineId');
    if (input.defectGrade && !input.defectFoundOn) throw fieldError('defectFoundOn', 'validation.required');
    const before = input.id === undefined ? undefined : await findEquipment(ctx.db, input.id, uctx);
    const id = await saveVersioned(
      ctx,
      'equipment',
      input,
      {
        kind: input.kind,
        code: input.code,
        name: input.name,
        line_id: input.lineId ?? null,
        location: input.location || null,
        model: input.model || null,
        capacity: input.capacity || null,
        install_year: input.installYear ?? null,
        condition: input.condition,
        defect_grade: input.defectGrade ?? null,
        defect_found_on: input.defectGrade ? (input.defectFoundOn ?? null) : null,
        notes: input.notes || null,
      },
      () => findEquipment(ctx.db, input.id!, uctx),
    );
    const after = (await findEquipment(ctx.db, id, uctx))!;
    ctx.audit({ entity: 'equipment', entityId: id, summary: before ? 'updated' : 'created', before, after });
    return after;
  },

  'equipment.delete': async (input, ctx) => {
    if (await equipmentHasRequests(ctx.db, input.ids))
      throw new ApiError({ code: 'RULE', message: 'upgrades.errors.equipmentInUse' });
    return deleteToBin(ctx, 'equipment', 'equipment', input.ids);
  },

  'upgrades.list': async (input, ctx) => listUpgrades(ctx.db, input, await context(ctx)),

  'upgrades.get': async (input, ctx) => {
    const row = await findUpgrade(ctx.db, input.id, await context(ctx));
    if (!row) throw notFound('upgrades', input.id);
    const r = await acceptanceOf(ctx.db, input.id);
    return {
      ...row,
      history: await upgradeHistory(ctx.db, input.id),
      acceptedOn: r.accepted_on,
      inspectors: r.inspectors,
      punchItems: await punchItems(ctx.db, input.id),
    };
  },

  /** Only drafts are edited: once submitted, the request managers decide on is the one they saw. */
  'upgrades.save': async (input, ctx) => {
    const uctx = await context(ctx);
    if (!(await findEquipment(ctx.db, input.equipmentId, uctx)))
      throw fieldError('equipmentId', 'validation.reference_missing');
    const before = input.id === undefined ? undefined : await findUpgrade(ctx.db, input.id, uctx);
    if (before && before.status !== 'draft') throw new ApiError({ code: 'RULE', message: 'upgrades.errors.notDraft' });
    const values = {
      equipment_id: input.equipmentId,
      problem: input.problem,
      proposed_work: input.proposedWork,
      project_type: input.projectType,
      estimated_cost: input.estimatedCost,
      customers_affected: input.customersAffected,
      notes: input.notes || null,
    };
    const id = await saveVersioned(
      ctx,
      'upgrade_requests',
      input,
      before ? values : { ...values, status: 'draft', requested_by: currentUser(ctx).username },
      () => findUpgrade(ctx.db, input.id!, uctx),
    );
    const after = (await findUpgrade(ctx.db, id, uctx))!;
    ctx.audit({ entity: 'upgrades', entityId: id, summary: before ? 'updated' : 'created', before, after });
    return after;
  },

  'upgrades.delete': async (input, ctx) => {
    const live = await liveRequestStatuses(ctx.db, input.ids);
    if (live.some((r) => r.status !== 'draft' && r.status !== 'rejected'))
      throw new ApiError({ code: 'RULE', message: 'upgrades.errors.onlyDraftsDeleted' });
    return deleteToBin(ctx, 'upgrade_requests', 'upgrades', input.ids);
  },

  /**
   * One action on one or many requests, all or none: the first refused request refuses the batch
   * and is named. Every step is in the request's history with who, when and why.
   */
  'upgrades.transition': async (input, ctx) => {
    const uctx = await context(ctx);
    const user = currentUser(ctx);
    const at = ctx.now.toISOString();
    const rows: UpgradeRow[] = [];
    for (const id of input.ids) {
      const r = await findUpgrade(ctx.db, id, uctx);
      if (!r) throw notFound('upgrades', id);
      rows.push(r);
    }
    if (input.action === 'fund' && (!input.projectNo || !input.fundingYear))
      throw fieldError('projectNo', 'upgrades.errors.projectRequired');
    const acceptance = input.action === 'accept' || input.action === 'failAcceptance';
    if (acceptance && !input.acceptance) throw fieldError('acceptance', 'upgrades.errors.acceptanceRequired');
    if (input.action === 'close') {
      const open = await requestWithOpenPunchItem(ctx.db, input.ids);
      if (open !== undefined)
        throw new ApiError({
          code: 'RULE',
          message: 'upgrades.errors.punchItemsOpen',
          params: { request: rows.find((r) => r.id === open)!.equipmentName },
        });
    }
    const decided = rows.map((r) => {
      const out = decideTransition(
        input.action,
        r,
        { username: user.username, role: user.role },
        input.comment,
        uctx.secondApprovalAbove,
      );
      if (!out.ok)
        throw new ApiError({
          code: out.reason === 'upgrades.errors.role' ? 'FORBIDDEN' : 'RULE',
          message: out.reason,
          params: { request: r.equipmentName },
        });
      return { r, out };
    });
    const thisYear = year(ctx);
    if (input.action === 'approve') {
      const envelope = await budgetEnvelope(ctx.db, thisYear);
      const adding = decided.filter((d) => d.out.to === 'approved').reduce((n, d) => n + d.r.estimatedCost, 0);
      if (adding > envelope.remaining && !input.overBudgetConfirmed) {
        throw new ApiError({
          code: 'RULE',
          message: 'upgrades.errors.overBudget',
          params: { remaining: envelope.remaining, adding: Math.round(adding * 100) / 100 },
        });
      }
    }
    for (const { r, out } of decided) {
      // The number for the file is given once, at the first submission; a revised request keeps it.
      const requestNo =
        input.action === 'submit' && !r.requestNo ? await nextRequestNo(ctx.db, r.projectType, thisYear) : null;
      await applyStep(
        ctx.db,
        r.id,
        {
          status: out.to,
          ...(requestNo ? { request_no: requestNo } : {}),
          approvals_json: JSON.stringify(out.approvals),
          ...(out.to === 'approved' ? { budget_year: thisYear } : {}),
          ...(acceptance ? { accepted_on: input.acceptance!.date, inspectors: input.acceptance!.inspectors } : {}),
          ...(input.action === 'fund'
            ? {
                project_no: input.projectNo!,
                funding_year: input.fundingYear!,
                funding_source: input.fundingSource || null,
                approved_amount: input.approvedAmount ?? r.estimatedCost,
                budget_year: input.fundingYear!,
              }
            : {}),
        },
        at,
      );
      if (acceptance) await addPunchItems(ctx.db, r.id, input.acceptance!.punchItems, at);
      await recordStep(ctx.db, {
        request_id: r.id,
        at,
        username: user.username,
        action: input.action,
        from_status: r.status,
        to_status: out.to,
        comment: input.comment || null,
      });
      ctx.audit({
        entity: 'upgrades',
        entityId: r.id,
        summary: `${input.action}: ${r.status} → ${out.to}${input.comment ? ` (${input.comment})` : ''}`,
        before: { status: r.status },
        after: {
          status: out.to,
          action: input.action,
          requestNo: requestNo ?? r.requestNo,
          equipmentName: r.equipmentName,
          comment: input.comment || null,
        },
      });
    }
    return {
      rows: await Promise.all(rows.map(async (r) => (await findUpgrade(ctx.db, r.id, uctx))!)),
      budget: await budgetEnvelope(ctx.db, thisYear),
    };
  },

  'upgrades.closePunchItem': async (input, ctx) => {
    const item = await findPunchItem(ctx.db, input.id);
    if (!item) throw notFound('punchItems', input.id);
    if (item.closed_at) throw new ApiError({ code: 'RULE', message: 'upgrades.errors.punchItemClosed' });
    const closed = { closed_at: ctx.now.toISOString(), closed_by: currentUser(ctx).username };
    await closePunchItem(ctx.db, input.id, closed);
    ctx.audit({ entity: 'upgrades', entityId: item.request_id, summary: `punch item closed: ${item.text}` });
    return {
      id: item.id,
      text: item.text,
      createdAt: item.created_at,
      closedAt: closed.closed_at,
      closedBy: currentUser(ctx).displayName,
    };
  },

  'budgets.get': async (input, ctx) => budgetEnvelope(ctx.db, input.year),

  'budgets.save': async (input, ctx) => {
    const before = await budgetEnvelope(ctx.db, input.year);
    const values = { budget: input.budget, updated_at: ctx.now.toISOString(), updated_by: currentUser(ctx).username };
    await storeBudget(ctx.db, input.year, values);
    const after = await budgetEnvelope(ctx.db, input.year);
    ctx.audit({ entity: 'budgets', entityId: input.year, summary: 'budget set', before, after });
    return after;
  },
};
