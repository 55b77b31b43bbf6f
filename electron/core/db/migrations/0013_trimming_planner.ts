import { sql, type Kysely } from 'kysely';

/**
 * The planner's tree-trimming board (issue 19): teams' capacity, townships and days away, the
 * office calendar (holidays and 调休 workdays), work packages and their records, outage windows,
 * and the month's approved plan.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('teams')
    .addColumn('hours_per_day', 'real', (c) => c.notNull().defaultTo(8))
    .execute();
  await db.schema
    .alterTable('teams')
    .addColumn('crew_size', 'integer', (c) => c.notNull().defaultTo(4))
    .execute();
  await db.schema
    .createTable('team_townships')
    .addColumn('team_id', 'integer', (c) => c.notNull().references('teams.id'))
    .addColumn('township_id', 'integer', (c) => c.notNull().references('townships.id'))
    .addPrimaryKeyConstraint('team_townships_pk', ['team_id', 'township_id'])
    .execute();
  await db.schema
    .createTable('team_unavailability')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('team_id', 'integer', (c) => c.notNull().references('teams.id'))
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('to_date', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema
    .createTable('office_calendar')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema
    .createTable('work_packages')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('team_id', 'integer', (c) => c.notNull().references('teams.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('days', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('last_date', 'text', (c) => c.notNull())
    .addColumn('line_id', 'integer', (c) => c.notNull().references('lines.id'))
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('order_no', 'text')
    .addColumn('orders_printed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('done_date', 'text')
    .addColumn('accepted_by', 'text')
    .addColumn('accepted_at', 'text')
    .addColumn('override_reason', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await sql`create index work_packages_date on work_packages (date, status)`.execute(db);
  await sql`create index work_packages_team on work_packages (team_id, date)`.execute(db);
  await sql`create unique index work_packages_order on work_packages (order_no)`.execute(db);
  await db.schema
    .createTable('work_package_records')
    .addColumn('package_id', 'integer', (c) => c.notNull().references('work_packages.id'))
    .addColumn('record_id', 'integer', (c) => c.notNull().references('vegetation_records.id'))
    .addColumn('notified_on', 'text')
    .addColumn('distance_after', 'real')
    .addPrimaryKeyConstraint('work_package_records_pk', ['package_id', 'record_id'])
    .execute();
  await sql`create index work_package_records_record on work_package_records (record_id)`.execute(db);
  await db.schema
    .createTable('outage_windows')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('line_id', 'integer', (c) => c.notNull().references('lines.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('end_time', 'text', (c) => c.notNull())
    .addColumn('tower_from', 'integer')
    .addColumn('tower_to', 'integer')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('customers_affected', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('customers_notified_on', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await sql`create index outage_windows_date on outage_windows (date, line_id)`.execute(db);
  await db.schema
    .createTable('trimming_months')
    .addColumn('month', 'text', (c) => c.primaryKey())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('approved_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('submitted_by', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('snapshot_json', 'text')
    .execute();
}
