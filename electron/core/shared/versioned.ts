import { sql, type Kysely } from 'kysely';
import { ApiError, notFound } from '../../contract';
import type { DB } from '../db/schema';
import type { HandlerContext } from '../context';

type VersionedTable =
  | 'users'
  | 'townships'
  | 'villages'
  | 'teams'
  | 'lines'
  | 'line_towers'
  | 'vegetation_records'
  | 'vegetation_disputes'
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
  | 'lightning_trips'
  | 'work_packages'
  | 'outage_windows';

/** Under which entity name each table's saves are in the audit log (reference tables by their own name). */
const AUDIT_ENTITY: Partial<Record<VersionedTable, string>> = {
  users: 'users',
  townships: 'townships',
  villages: 'villages',
  teams: 'teams',
  lines: 'lines',
  line_towers: 'towers',
  vegetation_records: 'vegetation',
  staff: 'staff',
  certificates: 'certificates',
  training_sessions: 'training',
  repair_areas: 'repairAreas',
  duty_seasons: 'seasons',
  staff_absences: 'absences',
  repair_calls: 'repairs',
  equipment: 'equipment',
  upgrade_requests: 'upgrades',
  lightning_devices: 'lightningDevices',
  lightning_tests: 'lightningTests',
  lightning_trips: 'trips',
  work_packages: 'packages',
  outage_windows: 'outages',
};

/** Who saved the record last (their display name), and when, as the audit log has it (for the conflict message). */
async function lastSavedBy(
  db: Kysely<DB>,
  table: VersionedTable,
  id: number,
): Promise<{ by: string; at: string } | null> {
  const entity = AUDIT_ENTITY[table];
  if (!entity) return null;
  const row = await db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .select(['a.username', 'u.display_name', 'a.at'])
    .where('a.entity', '=', entity)
    .where('a.entity_id', '=', String(id))
    .orderBy('a.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const by = row?.display_name ?? row?.username;
  return row && by ? { by, at: row.at } : null;
}

/**
 * Saves over a record only if nobody saved it since the caller read it (optimistic locking).
 * On a mismatch, throws CONFLICT carrying the other person's version and who saved it when, so the
 * form can show both.
 */
export async function updateVersioned(
  db: Kysely<DB>,
  table: VersionedTable,
  id: number,
  expectedVersion: number | undefined,
  values: Record<string, unknown>,
  loadCurrent: () => Promise<unknown>,
): Promise<void> {
  if (expectedVersion === undefined) {
    throw new ApiError({
      code: 'VALIDATION',
      message: 'validation.version_required',
      issues: [{ path: ['version'], message: 'validation.version_required' }],
    });
  }
  const result = await db
    .updateTable(table)
    .set({ ...values, version: sql`version + 1` } as never)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 1) return;
  const current = await loadCurrent();
  if (current === undefined) throw notFound(table, id);
  const saved = await lastSavedBy(db, table, id);
  throw new ApiError({ code: 'CONFLICT', message: 'errors.conflict', current, ...(saved ? { params: saved } : {}) });
}

/** Saves a versioned row: insert when new, else update only over the version the user saw. Returns its id. */
export async function saveVersioned(
  ctx: HandlerContext,
  table: VersionedTable,
  input: { id?: number; version?: number },
  values: Record<string, unknown>,
  current: () => Promise<unknown>,
): Promise<number> {
  const at = ctx.now.toISOString();
  if (input.id === undefined) {
    return (
      await ctx.db
        .insertInto(table)
        .values({ ...values, created_at: at, updated_at: at } as never)
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }
  if (!(await current())) throw notFound(table, input.id);
  await updateVersioned(ctx.db, table, input.id, input.version, { ...values, updated_at: at }, current);
  return input.id;
}
