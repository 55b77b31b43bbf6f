import { sql, type Kysely } from 'kysely';
import { recordColumns } from './columns';

/** Repair areas and their promises, duty seasons, absences, roster assignments and the repair log (DOMAIN.md §6). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('repair_areas')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('arrival_minutes', 'integer', (c) => c.notNull())
    .addColumn('restore_minutes', 'integer')
    .addColumn('crews_per_shift', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('peak_extra_crews', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .$call(recordColumns)
    .execute();

  await db.schema
    .createTable('duty_seasons')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('shifts_json', 'text', (c) => c.notNull())
    .addColumn('peak_days_json', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('published_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('published_at', 'text')
    /** The assignments as last published, to track later changes against. */
    .addColumn('published_json', 'text')
    .$call(recordColumns)
    .execute();

  await db.schema
    .createTable('staff_absences')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('to_date', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .$call(recordColumns)
    .execute();
  await sql`create index staff_absences_dates on staff_absences (deleted_at, from_date, to_date)`.execute(db);

  await db.schema
    .createTable('roster_assignments')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('season_id', 'integer', (c) => c.notNull().references('duty_seasons.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('shift', 'text', (c) => c.notNull())
    .addColumn('area_id', 'integer', (c) => c.notNull().references('repair_areas.id'))
    .addColumn('crew', 'integer', (c) => c.notNull())
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    /** A hand edit saved although it breaks a hard rule: why (audited). */
    .addColumn('override_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await sql`create unique index roster_assignments_slot on roster_assignments (season_id, date, shift, area_id, crew, staff_id)`.execute(
    db,
  );

  await db.schema
    .createTable('repair_calls')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('order_no', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('area_id', 'integer', (c) => c.notNull().references('repair_areas.id'))
    .addColumn('line_id', 'integer', (c) => c.references('lines.id'))
    .addColumn('fault', 'text', (c) => c.notNull())
    .addColumn('season_id', 'integer', (c) => c.references('duty_seasons.id'))
    .addColumn('duty_date', 'text')
    .addColumn('shift', 'text')
    .addColumn('crew', 'integer')
    /** Who was on the crew when the call came, as the roster said then. */
    .addColumn('crew_names', 'text')
    .addColumn('arrived_at', 'text')
    .addColumn('restored_at', 'text')
    .addColumn('delay_cause', 'text')
    .$call(recordColumns)
    .execute();
  await sql`create index repair_calls_received on repair_calls (deleted_at, received_at)`.execute(db);
}
