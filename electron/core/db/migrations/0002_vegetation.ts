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

  // Partial indexes over live rows: the grid's everyday filters and its default sort.
  const live = sql`where deleted_at is null`;
  await sql`create index vegetation_live_due on vegetation_records (due_date, id) ${live}`.execute(db);
  await sql`create index vegetation_live_line on vegetation_records (line_id, tower_from) ${live}`.execute(db);
  await sql`create index vegetation_live_township on vegetation_records (township_id) ${live}`.execute(db);
  await sql`create index vegetation_live_grade on vegetation_records (hazard_grade, due_date) ${live}`.execute(db);
  await sql`create index vegetation_live_status on vegetation_records (status, due_date) ${live}`.execute(db);
  await sql`create index vegetation_live_planned on vegetation_records (planned_date) ${live}`.execute(db);
  await sql`create index vegetation_deleted on vegetation_records (deleted_at) where deleted_at is not null`.execute(db);

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
  await db.schema.createIndex('vegetation_disputes_record').on('vegetation_disputes').columns(['record_id', 'status']).execute();
  // At most one open dispute per record.
  await sql`create unique index vegetation_disputes_one_open on vegetation_disputes (record_id) where status = 'open'`.execute(db);

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
  await db.schema.createIndex('vegetation_dispute_entries_dispute').on('vegetation_dispute_entries').column('dispute_id').execute();
}
