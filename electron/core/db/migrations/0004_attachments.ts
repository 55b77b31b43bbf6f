import { sql, type Kysely } from 'kysely';
import { recordColumns } from './columns';

/**
 * Photos and documents on records. The bytes live in the database (one row per distinct content,
 * keyed by its SHA-256): they are written in the same transaction as their record, survive a crash
 * the same way, and every backup and restore carries them without a second mechanism.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('attachment_blobs')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('bytes', 'blob', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('attachments')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull().references('attachment_blobs.sha256'))
    .addColumn('thumbnail', 'blob')
    .addColumn('caption', 'text')
    .addColumn('created_by', 'text')
    .$call(recordColumns)
    .execute();
  await sql`create index attachments_entity on attachments (entity, entity_id, deleted_at)`.execute(db);
}
