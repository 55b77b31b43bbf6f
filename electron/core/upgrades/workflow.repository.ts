import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../db/schema';

// The approval workflow's writes and the small reads its rules need: a request's steps, its
// acceptance punch list, its history, and the year's budget.

/** Whether any live request is for one of these pieces of equipment (they cannot be deleted then). */
export async function equipmentHasRequests(db: Kysely<DB>, equipmentIds: number[]): Promise<boolean> {
  const r = await db
    .selectFrom('upgrade_requests')
    .select('equipment_id')
    .where('equipment_id', 'in', equipmentIds)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return r !== undefined;
}

export function acceptanceOf(db: Kysely<DB>, requestId: number) {
  return db
    .selectFrom('upgrade_requests')
    .select(['accepted_on', 'inspectors'])
    .where('id', '=', requestId)
    .executeTakeFirstOrThrow();
}

/** The live requests among these ids, with their status. */
export function liveRequestStatuses(db: Kysely<DB>, ids: number[]) {
  return db
    .selectFrom('upgrade_requests')
    .select(['id', 'status'])
    .where('id', 'in', ids)
    .where('deleted_at', 'is', null)
    .execute();
}

/** The first of these requests that still has an open punch-list item, or undefined. */
export async function requestWithOpenPunchItem(db: Kysely<DB>, requestIds: number[]): Promise<number | undefined> {
  const r = await db
    .selectFrom('upgrade_punch_items')
    .select('request_id')
    .where('request_id', 'in', requestIds)
    .where('closed_at', 'is', null)
    .executeTakeFirst();
  return r?.request_id;
}

/** One step of the workflow on one request: its new columns and a new version. */
export async function applyStep(
  db: Kysely<DB>,
  requestId: number,
  columns: Partial<Insertable<DB['upgrade_requests']>>,
  at: string,
): Promise<void> {
  await db
    .updateTable('upgrade_requests')
    .set((eb) => ({ ...columns, version: eb('version', '+', 1), updated_at: at }))
    .where('id', '=', requestId)
    .execute();
}

export async function addPunchItems(db: Kysely<DB>, requestId: number, texts: string[], at: string): Promise<void> {
  if (texts.length === 0) return;
  await db
    .insertInto('upgrade_punch_items')
    .values(texts.map((text) => ({ request_id: requestId, text, created_at: at, closed_at: null, closed_by: null })))
    .execute();
}

/** A line of the request's history: who did what, when, from which status to which, and why. */
export async function recordStep(db: Kysely<DB>, event: Insertable<DB['upgrade_events']>): Promise<void> {
  await db.insertInto('upgrade_events').values(event).execute();
}

export function findPunchItem(db: Kysely<DB>, id: number) {
  return db.selectFrom('upgrade_punch_items').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function closePunchItem(
  db: Kysely<DB>,
  id: number,
  closed: { closed_at: string; closed_by: string },
): Promise<void> {
  await db.updateTable('upgrade_punch_items').set(closed).where('id', '=', id).execute();
}

/** The year's budget envelope (万元), set or replaced. */
export async function storeBudget(
  db: Kysely<DB>,
  year: number,
  values: { budget: number; updated_at: string; updated_by: string },
): Promise<void> {
  await db
    .insertInto('budgets')
    .values({ year, ...values })
    .onConflict((oc) => oc.column('year').doUpdateSet(values))
    .execute();
}
