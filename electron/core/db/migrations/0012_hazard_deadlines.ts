import { sql, type Kysely } from 'kysely';
import { loadSettings } from '../../settings/settings.repository';
import { regradeVegetation } from '../../vegetation/vegetation.regrade';
import type { DB } from '../schema';

/**
 * Tree hazards get the day they were found and a deadline that the plan date cannot move (issue 19):
 * existing records count from the day they were entered, and every deadline is worked out once here.
 * late_reason: why work was planned for after the deadline.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of ['found_date', 'deadline', 'late_reason'])
    await db.schema.alterTable('vegetation_records').addColumn(column, 'text').execute();
  await sql`update vegetation_records set found_date = substr(created_at, 1, 10)`.execute(db);
  const typed = db as unknown as Kysely<DB>;
  await regradeVegetation(typed, await loadSettings(typed), { includeDeleted: true });
}
