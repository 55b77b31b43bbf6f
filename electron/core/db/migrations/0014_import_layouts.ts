import type { Kysely } from 'kysely';

/**
 * Column mappings a clerk chose by hand, remembered per sheet and per layout (the set of headers
 * a spreadsheet has), for everyone in the office: the next file of that layout is mapped the same way.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('import_layouts')
    .addColumn('sheet', 'text', (c) => c.notNull())
    // The layout's headers as compared, sorted and joined: the same headers in another order are the same layout.
    .addColumn('layout', 'text', (c) => c.notNull())
    // Field key → header as compared (not a column number: the columns may move).
    .addColumn('mapping_json', 'text', (c) => c.notNull())
    .addColumn('saved_by', 'text', (c) => c.notNull())
    .addColumn('saved_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_layouts_pk', ['sheet', 'layout'])
    .execute();
}
