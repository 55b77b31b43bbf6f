import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { currentUser, type HandlerContext } from '../context';

export type SoftDeletable =
  | 'townships'
  | 'villages'
  | 'teams'
  | 'lines'
  | 'line_towers'
  | 'vegetation_records'
  | 'attachments'
  | 'staff'
  | 'certificates'
  | 'training_sessions'
  | 'repair_areas'
  | 'duty_seasons'
  | 'staff_absences'
  | 'repair_calls'
  | 'equipment'
  | 'upgrade_requests'
  | 'lightning_devices'
  | 'lightning_tests'
  | 'lightning_trips';

/** Moves live rows to the recycle bin. Returns the ids that were live (the rest are ignored). */
export async function softDelete(
  db: Kysely<DB>,
  table: SoftDeletable,
  ids: number[],
  by: string,
  at: string,
): Promise<number[]> {
  const live = await db.selectFrom(table).select('id').where('id', 'in', ids).where('deleted_at', 'is', null).execute();
  const liveIds = live.map((r) => r.id);
  if (liveIds.length === 0) return [];
  await db.updateTable(table).set({ deleted_at: at, deleted_by: by }).where('id', 'in', liveIds).execute();
  return liveIds;
}

export async function undelete(db: Kysely<DB>, table: SoftDeletable, id: number): Promise<boolean> {
  const r = await db
    .updateTable(table)
    .set({ deleted_at: null, deleted_by: null })
    .where('id', '=', id)
    .where('deleted_at', 'is not', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** A delete method's body: live rows to the recycle bin, one audit row each; returns how many went. */
export async function deleteToBin(
  ctx: HandlerContext,
  table: SoftDeletable,
  entity: string,
  ids: number[],
): Promise<{ count: number }> {
  const deleted = await softDelete(ctx.db, table, ids, currentUser(ctx).username, ctx.now.toISOString());
  for (const id of deleted) ctx.audit({ entity, entityId: id, summary: 'deleted to recycle bin' });
  return { count: deleted.length };
}
