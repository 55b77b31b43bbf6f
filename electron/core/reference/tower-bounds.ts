import type { Kysely } from 'kysely';
import { towerNumbersIn } from '../../contract';
import type { DB } from '../db/schema';
import { fieldError } from '../shared/references';

/** A line's tower count and name, for the message; null when the line has no count yet (no bound). */
export async function towerBound(db: Kysely<DB>, lineId: number): Promise<TowerBound | null> {
  const line = await db.selectFrom('lines').select(['name', 'tower_count']).where('id', '=', lineId).executeTakeFirst();
  return line?.tower_count ? { count: line.tower_count, line: line.name } : null;
}

export interface TowerBound {
  count: number;
  line: string;
}

/** Why these towers cannot be on the line (the first one past its last tower), or null when they all are. */
export function towersBeyondLine(
  bound: TowerBound | null | undefined,
  towers: (number | null | undefined)[],
): { message: 'validation.towerBeyondLine'; params: { tower: number; count: number; line: string } } | null {
  if (!bound) return null;
  const tower = towers.find((t): t is number => typeof t === 'number' && t > bound.count);
  return tower === undefined
    ? null
    : { message: 'validation.towerBeyondLine', params: { tower, count: bound.count, line: bound.line } };
}

/** Refuses towers past the line's last one: "#250 is beyond 10kV 城关线, which has 180 towers". */
export async function requireTowersOnLine(
  db: Kysely<DB>,
  lineId: number,
  towers: (number | null | undefined)[],
  field: string,
): Promise<void> {
  if (!towers.some((t) => typeof t === 'number')) return;
  const problem = towersBeyondLine(await towerBound(db, lineId), towers);
  if (problem) throw fieldError(field, problem.message, problem.params);
}

/** The same for a tower written as text (a device's 杆塔号, a trip's towers). */
export const requireTowerTextOnLine = (
  db: Kysely<DB>,
  lineId: number,
  text: string | null | undefined,
  field: string,
) => requireTowersOnLine(db, lineId, text ? towerNumbersIn(text) : [], field);

/**
 * The highest tower any live record on the line names, and how many records name a tower past
 * `count`: a line's count may not be set below the towers already recorded on it.
 */
export async function recordsBeyond(
  db: Kysely<DB>,
  lineId: number,
  count: number,
): Promise<{ records: number; highest: number }> {
  const [spans, outages, devices, trips] = await Promise.all([
    db
      .selectFrom('vegetation_records')
      .select('tower_to as tower')
      .where('line_id', '=', lineId)
      .where('deleted_at', 'is', null)
      .where('tower_to', '>', count)
      .execute(),
    db
      .selectFrom('outage_windows')
      .select('tower_to as tower')
      .where('line_id', '=', lineId)
      .where('status', '!=', 'cancelled')
      .where('tower_to', '>', count)
      .execute(),
    db
      .selectFrom('lightning_devices')
      .select('tower')
      .where('line_id', '=', lineId)
      .where('deleted_at', 'is', null)
      .where('tower', 'is not', null)
      .execute(),
    db
      .selectFrom('lightning_trips')
      .select('towers as tower')
      .where('line_id', '=', lineId)
      .where('deleted_at', 'is', null)
      .where('towers', 'is not', null)
      .execute(),
  ]);
  const highestOf = (text: string | null) => Math.max(0, ...towerNumbersIn(text ?? ''));
  const numbers = [
    ...spans.map((r) => Number(r.tower)),
    ...outages.map((r) => Number(r.tower)),
    ...devices.map((r) => highestOf(r.tower)),
    ...trips.map((r) => highestOf(r.tower)),
  ].filter((n) => n > count);
  return { records: numbers.length, highest: Math.max(0, ...numbers) };
}
