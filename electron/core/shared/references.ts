import type { Kysely, Selectable } from 'kysely';
import { ApiError } from '../../contract';
import type { DB } from '../db/schema';

type ReferenceTable = 'lines' | 'townships' | 'villages' | 'teams' | 'staff' | 'repair_areas' | 'duty_seasons';

/** A picked reference must exist and not be in the recycle bin; otherwise the field gets the error. */
export async function requireLive<T extends ReferenceTable>(
  db: Kysely<DB>,
  table: T,
  id: number,
  field: string,
): Promise<Selectable<DB[T]>> {
  const row = (await db
    .selectFrom(table as 'lines')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()) as Selectable<DB[T]> | undefined;
  if (!row) {
    throw new ApiError({
      code: 'VALIDATION',
      message: 'validation.reference_missing',
      issues: [{ path: [field], message: 'validation.reference_missing' }],
    });
  }
  return row;
}

export const fieldError = (field: string, message: string, params?: Record<string, string | number>) =>
  new ApiError({ code: 'VALIDATION', message, params, issues: [{ path: [field], message, params }] });

/** A register's code is unique among its live rows (the row being saved excepted); a clash is an error on the code field. */
export async function requireUniqueCode(
  db: Kysely<DB>,
  table: 'equipment' | 'lightning_devices',
  code: string,
  id: number | undefined,
): Promise<void> {
  let clash = db
    .selectFrom(table as 'equipment')
    .select('id')
    .where('code', '=', code)
    .where('deleted_at', 'is', null);
  if (id !== undefined) clash = clash.where('id', '!=', id);
  if (await clash.executeTakeFirst()) throw fieldError('code', 'validation.duplicate');
}
