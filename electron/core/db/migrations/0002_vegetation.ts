import { sql, type Kysely } from 'kysely';
import { recordColumns } from './columns';

/** Vegetation clearance records (树障) and their disputes (受阻). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('vegetation_records')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('line_id', 'integer', (c) => c.notNull().references('lines.id'))
    .addColumn('tower_from', 'integer', (c) => c.notNull())
    .addColumn('tower_to', 'integer', (c) => c.notNull())
    .addColumn('township_id', 'integer', (c) => c.references('townships.id'))
    .addColumn('village_id', 'integer', (c) => c.references('villages.id'))
    .addColumn('landowner', 'text')
    .addColumn('landowner_phone', 'text')
    .addColumn('species', 'text', (c) => c.notNull())
    .addColumn('tree_count', 'integer', (c) => c.notNull())
    .addColumn('tree_height', 'real')
    .addColumn('vertical_distance', 'real')
    .addColumn('horizontal_distance', 'real')
    .addColumn('tree_class', 'text', (c) => c.notNull())
    .addColumn('planted_in_zone', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('planned_date', 'text')
    .addColumn('team_id', 'integer', (c) => c.references('teams.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('distance_after', 'real')
    .addColumn('completed_date', 'text')
    .addColumn('next_due_date', 'text')
    .addColumn('due_date', 'text')
    .addColumn('hazard_grade', 'text', (c) => c.notNull())
    .addColumn('hazard_basis_json', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .$call(recordColumns)
    .execute();

  // Every grid query asks for live rows (deleted_at is null) with one of the everyday filters and
  // sorts; each index leads with deleted_at so the filter, the order and the row count all come
  // from an index. (Partial indexes looked neater, but SQLite would not count from them.)
  const indexes: [string, string][] = [
    ['vegetation_due', 'deleted_at, due_date, id'],
    ['vegetation_line', 'deleted_at, line_id, due_date'],
    ['vegetation_township', 'deleted_at, township_id, due_date'],
    ['vegetation_grade', 'deleted_at, hazard_grade, due_date, status'],
    ['vegetation_status', 'deleted_at, status, due_date'],
    ['vegetation_planned', 'deleted_at, planned_date'],
  ];
  for (const [name, columns] of indexes)
    await sql`create index ${sql.raw(name)} on vegetation_records (${sql.raw(columns)})`.execute(db);

  await db.schema
    .createTable('vegetation_disputes')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('record_id', 'integer', (c) => c.notNull().references('vegetation_records.id'))
    .addColumn('parties_json', 'text', (c) => c.notNull())
    .addColumn('law_explained', 'integer', (c) => c.notNull())
    .addColumn('coordination_level', 'text', (c) => c.notNull())
    .addColumn('compensation_agreed', 'real')
    .addColumn('compensation_paid', 'real')
    .addColumn('paid_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_before', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('close_note', 'text')
    .execute();
  await db.schema
    .createIndex('vegetation_disputes_record')
    .on('vegetation_disputes')
    .columns(['record_id', 'status'])
    .execute();
  // At most one open dispute per record.
  await sql`create unique index vegetation_disputes_one_open on vegetation_disputes (record_id) where status = 'open'`.execute(
    db,
  );

  await db.schema
    .createTable('vegetation_dispute_entries')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('dispute_id', 'integer', (c) => c.notNull().references('vegetation_disputes.id'))
    .addColumn('entry_date', 'text', (c) => c.notNull())
    .addColumn('party', 'text')
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('vegetation_dispute_entries_dispute')
    .on('vegetation_dispute_entries')
    .column('dispute_id')
    .execute();
}
