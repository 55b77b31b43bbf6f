import type { Kysely } from 'kysely';

/**
 * A line knows how many towers it has (杆塔数): every tower range recorded on it must lie within them.
 * Lines entered before this version have none (no bound) until a clerk fills it in.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('lines').addColumn('tower_count', 'integer').execute();
}
