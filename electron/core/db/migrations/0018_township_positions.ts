import type { Kysely } from 'kysely';

/**
 * Where a township's seat is (WGS-84), optional: the line file's map view writes the townships' names at
 * these points, since the office has no map tiles to show where a line runs.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('townships').addColumn('longitude', 'real').execute();
  await db.schema.alterTable('townships').addColumn('latitude', 'real').execute();
}
