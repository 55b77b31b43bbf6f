import type { Kysely } from 'kysely';

/** The size of the database file, once a day: a file that suddenly grows is worth a look. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('database_sizes')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .execute();
}
