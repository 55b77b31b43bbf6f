import { sql, type Kysely } from 'kysely';
import { recordColumns } from './columns';

/** Accounts, audit, settings, reference data. Written with Kysely's schema builder so it also runs on PostgreSQL. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('last_login_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer')
    .addColumn('username', 'text')
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('entity', 'text')
    .addColumn('entity_id', 'text')
    .addColumn('summary', 'text')
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .execute();
  await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['entity', 'entity_id']).execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text')
    .addColumn('updated_by', 'text')
    .execute();

  await db.schema
    .createTable('townships')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .$call(recordColumns)
    .execute();

  await db.schema
    .createTable('villages')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('township_id', 'integer', (c) => c.notNull().references('townships.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .$call(recordColumns)
    .execute();
  await db.schema.createIndex('villages_township').on('villages').column('township_id').execute();

  await db.schema
    .createTable('teams')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('notes', 'text')
    .$call(recordColumns)
    .execute();

  await db.schema
    .createTable('lines')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('code', 'text')
    .addColumn('voltage', 'text', (c) => c.notNull())
    .addColumn('conductor', 'text', (c) => c.notNull())
    .addColumn('area_type', 'text', (c) => c.notNull())
    .addColumn('substation', 'text')
    .addColumn('length_km', 'real')
    .addColumn('commissioned_date', 'text')
    .addColumn('notes', 'text')
    .$call(recordColumns)
    .execute();

  await db.schema
    .createTable('line_townships')
    .addColumn('line_id', 'integer', (c) => c.notNull().references('lines.id'))
    .addColumn('township_id', 'integer', (c) => c.notNull().references('townships.id'))
    .addPrimaryKeyConstraint('line_townships_pk', ['line_id', 'township_id'])
    .execute();

  // Names are unique among live records only: a deleted name can be reused, and restored if free.
  for (const table of ['townships', 'teams', 'lines']) {
    await sql`create unique index ${sql.raw(`${table}_name_live`)} on ${sql.table(table)} (name) where deleted_at is null`.execute(
      db,
    );
  }
  await sql`create unique index villages_name_live on villages (township_id, name) where deleted_at is null`.execute(
    db,
  );
}
