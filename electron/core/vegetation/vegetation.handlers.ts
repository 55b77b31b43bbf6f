import { notFound, parseTowerRange, type ParsedInputOf } from '../../contract';
import type { HandlerContext, Handlers } from '../context';
import { currentUser } from '../context';
import type { DB } from '../db/schema';
import { loadSettings, type Settings } from '../settings/settings.repository';
import { fieldError, requireLive } from '../shared/references';
import { softDelete } from '../shared/soft-delete';
import { updateVersioned } from '../shared/versioned';
import { findVegetation, listVegetation } from './vegetation.repository';
import { dueDate, judgeClearance, nextDueDate, type LineClass } from './vegetation.rules';
import type { Insertable } from 'kysely';

type VegetationMethods = 'vegetation.list' | 'vegetation.get' | 'vegetation.judge' | 'vegetation.save' | 'vegetation.delete';

async function lineClass(ctx: HandlerContext, lineId: number): Promise<LineClass> {
  const line = await requireLive(ctx.db, 'lines', lineId, 'lineId');
  return { voltage: line.voltage as LineClass['voltage'], conductor: line.conductor as LineClass['conductor'] };
}

/** Computes the stored, derived columns: grade and its basis, next trimming date, due date. */
function derive(input: ParsedInputOf<'vegetation.save'>, line: LineClass, settings: Settings) {
  const judged = judgeClearance(line, input.treeClass, { vertical: input.verticalDistance, horizontal: input.horizontalDistance }, settings);
  if (!judged) throw fieldError('verticalDistance', 'vegetation.distance.required');
  const next = nextDueDate(input.status, input.completedDate, input.species, settings);
  return {
    hazard_grade: judged.grade,
    hazard_basis_json: JSON.stringify(judged.basis),
    next_due_date: next,
    due_date: dueDate(input.status, input.plannedDate, next),
  };
}

async function checkReferences(ctx: HandlerContext, input: ParsedInputOf<'vegetation.save'>) {
  if (input.townshipId) await requireLive(ctx.db, 'townships', input.townshipId, 'townshipId');
  if (input.villageId) {
    const village = await requireLive(ctx.db, 'villages', input.villageId, 'villageId');
    if (input.townshipId && village.township_id !== input.townshipId) throw fieldError('villageId', 'vegetation.village.otherTownship');
  }
  if (input.teamId) await requireLive(ctx.db, 'teams', input.teamId, 'teamId');
}

export const vegetationHandlers: Handlers<VegetationMethods> = {
  'vegetation.list': async (input, ctx) => {
    // Settings are read only for the one preset that needs them: this runs for every grid block.
    const dueSoonDays = input.preset === 'due30' ? (await loadSettings(ctx.db)).number('vegetation.dueSoonDays') : 0;
    return listVegetation(ctx.db, input, ctx.today, dueSoonDays, ctx.runtime.counts);
  },

  'vegetation.get': async (input, ctx) => {
    const row = await findVegetation(ctx.db, input.id, ctx.today);
    if (!row) throw notFound('vegetation', input.id);
    return row;
  },

  'vegetation.judge': async (input, ctx) => {
    const line = await lineClass(ctx, input.lineId);
    return judgeClearance(line, input.treeClass, { vertical: input.verticalDistance, horizontal: input.horizontalDistance }, await loadSettings(ctx.db));
  },

  'vegetation.save': async (input, ctx) => {
    const line = await lineClass(ctx, input.lineId);
    await checkReferences(ctx, input);
    const towers = parseTowerRange(input.towerRange);
    if (!towers) throw fieldError('towerRange', 'vegetation.towerRange.format');
    const before = input.id === undefined ? undefined : await findVegetation(ctx.db, input.id, ctx.today);
    if (input.id !== undefined && !before) throw notFound('vegetation', input.id);
    // 受阻 belongs to the dispute workflow: only opening a dispute blocks, only closing it unblocks.
    if (before?.status === 'blocked' && input.status !== 'blocked') throw fieldError('status', 'vegetation.status.disputeOpen');
    if (before?.status !== 'blocked' && input.status === 'blocked') throw fieldError('status', 'vegetation.status.useDispute');

    const at = ctx.now.toISOString();
    const values = {
      line_id: input.lineId,
      tower_from: towers.from,
      tower_to: towers.to,
      township_id: input.townshipId ?? null,
      village_id: input.villageId ?? null,
      landowner: input.landowner || null,
      landowner_phone: input.landownerPhone || null,
      species: input.species,
      tree_count: input.treeCount,
      tree_height: input.treeHeight ?? null,
      vertical_distance: input.verticalDistance ?? null,
      horizontal_distance: input.horizontalDistance ?? null,
      tree_class: input.treeClass,
      planted_in_zone: input.plantedInZone ? 1 : 0,
      action: input.action,
      planned_date: input.plannedDate ?? null,
      team_id: input.teamId ?? null,
      status: input.status,
      distance_after: input.distanceAfter ?? null,
      completed_date: input.completedDate ?? null,
      notes: input.notes || null,
      ...derive(input, line, await loadSettings(ctx.db)),
      updated_at: at,
    };

    let id: number;
    if (input.id === undefined) {
      const row: Insertable<DB['vegetation_records']> = { ...values, created_at: at, deleted_at: null, deleted_by: null };
      id = (await ctx.db.insertInto('vegetation_records').values(row).returning('id').executeTakeFirstOrThrow()).id;
    } else {
      id = input.id;
      await updateVersioned(ctx.db, 'vegetation_records', id, input.version, values, () => findVegetation(ctx.db, id, ctx.today));
    }
    const record = (await findVegetation(ctx.db, id, ctx.today))!;
    ctx.audit({ entity: 'vegetation', entityId: id, summary: before ? 'updated' : 'created', before, after: record });
    return { record, warnings: [] };
  },

  'vegetation.delete': async (input, ctx) => {
    const user = currentUser(ctx);
    const deleted = await softDelete(ctx.db, 'vegetation_records', input.ids, user.username, ctx.now.toISOString());
    for (const id of deleted) ctx.audit({ entity: 'vegetation', entityId: id, summary: 'deleted to recycle bin' });
    return { count: deleted.length };
  },
};
