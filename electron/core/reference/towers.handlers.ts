import type { ParsedInputOf } from '../../contract';
import type { HandlerContext, Handlers } from '../context';
import { fieldError, requireLive } from '../shared/references';
import { deleteToBin } from '../shared/soft-delete';
import { saveVersioned } from '../shared/versioned';
import { requireTowersOnLine } from './tower-bounds';
import { findTower, listTowers, towerNumberTaken } from './towers.repository';

/** One tower: on a live line, within its tower count, its number not taken by another live tower. */
export async function saveTower(input: ParsedInputOf<'towers.save'>, ctx: HandlerContext) {
  await requireLive(ctx.db, 'lines', input.lineId, 'lineId');
  await requireTowersOnLine(ctx.db, input.lineId, [input.number], 'number');
  if (await towerNumberTaken(ctx.db, input.lineId, input.number, input.id))
    throw fieldError('number', 'validation.duplicate');
  const before = input.id === undefined ? undefined : await findTower(ctx.db, input.id);
  const id = await saveVersioned(
    ctx,
    'line_towers',
    input,
    {
      line_id: input.lineId,
      number: input.number,
      kind: input.kind,
      longitude: input.longitude ?? null,
      latitude: input.latitude ?? null,
      altitude: input.altitude ?? null,
      notes: input.notes || null,
    },
    () => findTower(ctx.db, input.id!),
  );
  const after = (await findTower(ctx.db, id))!;
  ctx.audit({ entity: 'towers', entityId: id, summary: before ? 'updated' : 'created', before, after });
  return after;
}

export const towerHandlers: Handlers<'towers.list' | 'towers.save' | 'towers.delete'> = {
  'towers.list': (input, ctx) => listTowers(ctx.db, input),
  'towers.save': saveTower,
  'towers.delete': (input, ctx) => deleteToBin(ctx, 'line_towers', 'towers', input.ids),
};
