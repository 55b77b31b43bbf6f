import type { CreateTableBuilder } from 'kysely';

/**
 * Columns every editable, recyclable record table has: version (optimistic locking), timestamps,
 * and the recycle-bin marks. Frozen once used by a migration: change the schema with a new
 * migration, never by editing this.
 */
export function recordColumns<T extends string>(table: CreateTableBuilder<T, never>): CreateTableBuilder<T, never> {
  return table
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .addColumn('deleted_by', 'text');
}
