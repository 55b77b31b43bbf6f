import { sql, type Kysely } from 'kysely';
import { recordColumns } from './columns';

/** Staff, their skills and certificates, training sessions and who attended (DOMAIN.md §5). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('staff')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('employee_no', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('team_id', 'integer', (c) => c.references('teams.id'))
    .addColumn('position', 'text')
    .addColumn('phone', 'text')
    .addColumn('hire_date', 'text')
    .addColumn('education', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('returned_from_break_on', 'text')
    .addColumn('notes', 'text')
    .$call(recordColumns)
    .execute();
  await sql`create index staff_team on staff (deleted_at, team_id, name)`.execute(db);
  await sql`create index staff_employee_no on staff (employee_no, deleted_at)`.execute(db);

  await db.schema
    .createTable('staff_skills')
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('skill', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('staff_skills_pk', ['staff_id', 'skill'])
    .execute();

  await db.schema
    .createTable('certificates')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('issue_date', 'text', (c) => c.notNull())
    .addColumn('expiry_date', 'text', (c) => c.notNull())
    .addColumn('last_review_date', 'text')
    .addColumn('extended_review', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('notes', 'text')
    .$call(recordColumns)
    .execute();
  await sql`create index certificates_staff on certificates (staff_id, deleted_at)`.execute(db);

  await db.schema
    .createTable('training_sessions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('course', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('hours', 'real', (c) => c.notNull())
    .addColumn('trainer', 'text')
    .addColumn('place', 'text')
    .addColumn('notes', 'text')
    .$call(recordColumns)
    .execute();
  await sql`create index training_date on training_sessions (deleted_at, date)`.execute(db);

  await db.schema
    .createTable('training_attendees')
    .addColumn('session_id', 'integer', (c) => c.notNull().references('training_sessions.id'))
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('score', 'real')
    .addColumn('passed', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('training_attendees_pk', ['session_id', 'staff_id'])
    .execute();
  await sql`create index training_attendees_staff on training_attendees (staff_id)`.execute(db);
}
