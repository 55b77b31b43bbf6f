import { notFound, parseTowerRange, presetsOf, type ParsedInputOf } from '../../contract';
import type { HandlerContext, Handlers } from '../context';
import { loadSettings } from '../settings/settings.repository';
import { fieldError, requireLive } from '../shared/references';
import { deleteToBin } from '../shared/soft-delete';
import { saveVersioned } from '../shared/versioned';
import { findVegetation, listVegetation, recordColumns } from './vegetation.repository';
import { judgeClearance, lateReasonProblem, statusChangeProblem, type LineClass } from './vegetation.rules';
import { requireTowersOnLine } from '../reference/tower-bounds';

type VegetationMethods =
  'vegetation.list' | 'vegetation.get' | 'vegetation.judge' | 'vegetation.save' | 'vegetation.delete';

async function lineClass(ctx: HandlerContext, lineId: number): Promise<LineClass> {
  const line = await requireLive(ctx.db, 'lines', lineId, 'lineId');
  return { voltage: line.voltage as LineClass['voltage'], conductor: line.conductor as LineClass['conductor'] };
}

async function checkReferences(ctx: HandlerContext, input: ParsedInputOf<'vegetation.save'>) {
  if (input.townshipId) await requireLive(ctx.db, 'townships', input.townshipId, 'townshipId');
  if (input.villageId) {
    const village = await requireLive(ctx.db, 'villages', input.villageId, 'villageId');
    if (input.townshipId && village.township_id !== input.townshipId)
      throw fieldError('villageId', 'vegetation.village.otherTownship');
  }
  if (input.teamId) await requireLive(ctx.db, 'teams', input.teamId, 'teamId');
}

export const vegetationHandlers: Handlers<VegetationMethods> = {
  'vegetation.list': async (input, ctx) => {
    // Settings are read only for the one preset that needs them: this runs for every grid block.
    const dueSoonDays = presetsOf(input).includes('due30')
      ? (await loadSettings(ctx.db)).number('vegetation.dueSoonDays')
      : 0;
    return listVegetation(ctx.db, input, ctx.today, dueSoonDays, ctx.runtime.grids);
  },

  'vegetation.get': async (input, ctx) => {
    const row = await findVegetation(ctx.db, input.id, ctx.today);
    if (!row) throw notFound('vegetation', input.id);
    return row;
  },

  'vegetation.judge': async (input, ctx) => {
    const line = await lineClass(ctx, input.lineId);
    return judgeClearance(
      line,
      input.treeClass,
      { vertical: input.verticalDistance, horizontal: input.horizontalDistance },
      await loadSettings(ctx.db),
    );
  },

  'vegetation.save': async (input, ctx) => {
    const line = await lineClass(ctx, input.lineId);
    const span = parseTowerRange(input.towerRange);
    await requireTowersOnLine(ctx.db, input.lineId, span ? [span.from, span.to] : [], 'towerRange');
    await checkReferences(ctx, input);
    const before = input.id === undefined ? undefined : await findVegetation(ctx.db, input.id, ctx.today);
    if (input.id !== undefined && !before) throw notFound('vegetation', input.id);
    const statusProblem = statusChangeProblem(before?.status, input.status);
    if (statusProblem) throw fieldError('status', statusProblem);

    const at = ctx.now.toISOString();
    const values = recordColumns(
      input,
      line,
      await loadSettings(ctx.db),
      at,
      input.foundDate ?? before?.foundDate ?? ctx.today,
    );
    const late = lateReasonProblem(values.status, values.planned_date, values.deadline, values.late_reason);
    if (late) throw fieldError('lateReason', late, { deadline: values.deadline ?? '' });

    const id = await saveVersioned(ctx, 'vegetation_records', input, values, () =>
      findVegetation(ctx.db, input.id!, ctx.today),
    );
    const record = (await findVegetation(ctx.db, id, ctx.today))!;
    ctx.audit({ entity: 'vegetation', entityId: id, summary: before ? 'updated' : 'created', before, after: record });
    // A slip past the deadline is on the record with its reason, in words of its own.
    if (
      record.plannedLate &&
      (before?.plannedDate !== record.plannedDate || before?.lateReason !== record.lateReason)
    ) {
      ctx.audit({
        entity: 'vegetation',
        entityId: id,
        summary: 'planned past deadline',
        before: { plannedDate: before?.plannedDate ?? null, deadline: before?.deadline ?? null },
        after: { plannedDate: record.plannedDate, deadline: record.deadline, reason: record.lateReason },
      });
    }
    return { record, warnings: [] };
  },

  'vegetation.delete': (input, ctx) => deleteToBin(ctx, 'vegetation_records', 'vegetation', input.ids),
};
