import { sql, type Kysely } from 'kysely';
import { recordColumns } from './columns';

/** Lightning protection: devices, their tests, pre-season campaigns, rectifications and the trip log. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('lightning_devices')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('site', 'text', (c) => c.notNull())
    .addColumn('line_id', 'integer', (c) => c.references('lines.id'))
    .addColumn('tower', 'text')
    .addColumn('site_name', 'text')
    .addColumn('model', 'text')
    .addColumn('rated_kv', 'real')
    .addColumn('install_date', 'text')
    .addColumn('soil_resistivity', 'real')
    .addColumn('transformer_kva', 'real')
    .addColumn('has_ground_wire', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('radial_electrodes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('near_station', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('u1ma_initial', 'real')
    .addColumn('notes', 'text')
    .$call(recordColumns)
    .execute();
  await sql`create index lightning_devices_code on lightning_devices (code, deleted_at)`.execute(db);
  await sql`create index lightning_devices_line on lightning_devices (line_id, deleted_at)`.execute(db);

  await db.schema
    .createTable('lightning_campaigns')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('lightning_tests')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('device_id', 'integer', (c) => c.notNull().references('lightning_devices.id'))
    .addColumn('tested_on', 'text', (c) => c.notNull())
    .addColumn('tester', 'text', (c) => c.notNull())
    .addColumn('instrument', 'text')
    .addColumn('weather', 'text')
    .addColumn('grounding_ohm', 'real')
    .addColumn('insulation_mohm', 'real')
    .addColumn('u1ma_kv', 'real')
    .addColumn('leakage_ua', 'real')
    .addColumn('counter_ok', 'integer')
    .addColumn('campaign_id', 'integer', (c) => c.references('lightning_campaigns.id'))
    /** pass / fail / null (a reading still missing); the judgement's lines as JSON, as judged when saved. */
    .addColumn('verdict', 'text')
    .addColumn('judgement_json', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .$call(recordColumns)
    .execute();
  await sql`create index lightning_tests_device on lightning_tests (device_id, deleted_at, tested_on)`.execute(db);
  await sql`create index lightning_tests_campaign on lightning_tests (campaign_id, device_id)`.execute(db);

  await db.schema
    .createTable('lightning_campaign_devices')
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('lightning_campaigns.id'))
    .addColumn('device_id', 'integer', (c) => c.notNull().references('lightning_devices.id'))
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('team_id', 'integer', (c) => c.references('teams.id'))
    .addColumn('planned_on', 'text')
    .addPrimaryKeyConstraint('lightning_campaign_devices_pk', ['campaign_id', 'device_id'])
    .execute();

  /** 整改: one per failed test; closed by a passing retest of the device. */
  await db.schema
    .createTable('lightning_rectifications')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('device_id', 'integer', (c) => c.notNull().references('lightning_devices.id'))
    .addColumn('test_id', 'integer', (c) => c.notNull().references('lightning_tests.id'))
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('found_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('retest_id', 'integer', (c) => c.references('lightning_tests.id'))
    .addColumn('closed_on', 'text')
    .execute();
  await sql`create index lightning_rectifications_device on lightning_rectifications (device_id, status)`.execute(db);
  await sql`create unique index lightning_rectifications_test on lightning_rectifications (test_id)`.execute(db);

  await db.schema
    .createTable('lightning_trips')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('line_id', 'integer', (c) => c.notNull().references('lines.id'))
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('towers', 'text')
    .addColumn('reclosed', 'integer', (c) => c.notNull())
    .addColumn('damage', 'text')
    .addColumn('notes', 'text')
    .$call(recordColumns)
    .execute();
  await sql`create index lightning_trips_line on lightning_trips (line_id, deleted_at, occurred_at)`.execute(db);
  await db.schema
    .createTable('lightning_trip_devices')
    .addColumn('trip_id', 'integer', (c) => c.notNull().references('lightning_trips.id'))
    .addColumn('device_id', 'integer', (c) => c.notNull().references('lightning_devices.id'))
    .addPrimaryKeyConstraint('lightning_trip_devices_pk', ['trip_id', 'device_id'])
    .execute();
}
