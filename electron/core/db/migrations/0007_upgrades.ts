import { sql, type Kysely } from 'kysely';
import { recordColumns } from './columns';

/** The equipment register, upgrade requests with their decision trail, and the yearly budgets. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('equipment')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('line_id', 'integer', (c) => c.references('lines.id'))
    .addColumn('location', 'text')
    .addColumn('model', 'text')
    .addColumn('capacity', 'text')
    .addColumn('install_year', 'integer')
    .addColumn('condition', 'integer', (c) => c.notNull())
    .addColumn('defect_grade', 'text')
    .addColumn('defect_found_on', 'text')
    .addColumn('notes', 'text')
    .$call(recordColumns)
    .execute();
  await sql`create index equipment_code on equipment (code, deleted_at)`.execute(db);

  await db.schema
    .createTable('upgrade_requests')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('equipment_id', 'integer', (c) => c.notNull().references('equipment.id'))
    .addColumn('problem', 'text', (c) => c.notNull())
    .addColumn('proposed_work', 'text', (c) => c.notNull())
    .addColumn('project_type', 'text', (c) => c.notNull())
    .addColumn('estimated_cost', 'real', (c) => c.notNull())
    .addColumn('customers_affected', 'integer', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    /** JSON list of the managers who approved in the current round. */
    .addColumn('approvals_json', 'text', (c) => c.notNull().defaultTo('[]'))
    /** The year whose budget the approval counts against. */
    .addColumn('budget_year', 'integer')
    .addColumn('project_no', 'text')
    .addColumn('funding_year', 'integer')
    .addColumn('funding_source', 'text')
    .addColumn('approved_amount', 'real')
    /** 验收: the last acceptance's date and inspectors. */
    .addColumn('accepted_on', 'text')
    .addColumn('inspectors', 'text')
    .$call(recordColumns)
    .execute();
  await sql`create index upgrade_requests_status on upgrade_requests (deleted_at, status)`.execute(db);

  await db.schema
    .createTable('upgrade_events')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('request_id', 'integer', (c) => c.notNull().references('upgrade_requests.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .execute();
  await sql`create index upgrade_events_request on upgrade_events (request_id, id)`.execute(db);

  /** 验收问题清单: problems found at acceptance, each closed on its own. */
  await db.schema
    .createTable('upgrade_punch_items')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('request_id', 'integer', (c) => c.notNull().references('upgrade_requests.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text')
    .execute();

  await db.schema
    .createTable('budgets')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('budget', 'real', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
}
