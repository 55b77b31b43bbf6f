import { sql, type Kysely } from 'kysely';

/**
 * A line's towers one by one (一线一档): number, type, and where known its position and altitude.
 * Optional: a line may have only a tower count. One live tower per number on a line.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('line_towers')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('line_id', 'integer', (c) => c.notNull().references('lines.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('longitude', 'real')
    .addColumn('latitude', 'real')
    .addColumn('altitude', 'real')
    .addColumn('notes', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .addColumn('deleted_by', 'text')
    .execute();
  await sql`create unique index line_towers_line_number on line_towers (line_id, number) where deleted_at is null`.execute(
    db,
  );
}
