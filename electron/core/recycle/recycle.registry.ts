import { sql, type Kysely, type RawBuilder } from 'kysely';
import { LEDGER_EDITORS, REFERENCE_EDITORS, type Attachable, type Recyclable, type Role } from '../../contract';
import type { DB } from '../db/schema';
import type { SoftDeletable } from '../shared/soft-delete';
import { OWNER_TABLES } from '../attachments/owners';

/** What the recycle bin needs to know about each kind of deletable record. */
export interface RecyclableSpec {
  table: SoftDeletable;
  /** Who may restore: the same roles that may delete. */
  roles: readonly Role[];
  /** SELECT of the deleted rows as (entity, id, label, deleted_at, deleted_by). */
  deleted: RawBuilder<unknown>;
  /** Why the row cannot come back now (an i18n key), or null. */
  blocker: (db: Kysely<DB>, id: number) => Promise<string | null>;
}

/** A row cannot come back while a live row has taken its name (or code). */
const nameTaken =
  (
    table: 'lines' | 'townships' | 'teams' | 'repair_areas' | 'equipment' | 'lightning_devices',
    column: 'name' | 'code' = 'name',
  ) =>
  async (db: Kysely<DB>, id: number) => {
    const row = (await db
      .selectFrom(table as 'lines')
      .select(column as 'name')
      .where('id', '=', id)
      .executeTakeFirst()) as { name: string } | undefined;
    if (!row) return null;
    const clash = await db
      .selectFrom(table as 'lines')
      .select('id')
      .where(column as 'name', '=', row.name)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return clash ? 'recycle.nameTaken' : null;
  };

const simple = (entity: string, table: string) =>
  sql`select ${sql.lit(entity)} as entity, ${sql.lit(`${entity}:`)} || id as key, id, name as label, deleted_at, deleted_by from ${sql.table(table)} where deleted_at is not null`;

export const RECYCLE_REGISTRY: Record<Recyclable, RecyclableSpec> = {
  vegetation: {
    table: 'vegetation_records',
    roles: LEDGER_EDITORS,
    deleted: sql`select 'vegetation' as entity, 'vegetation:' || v.id as key, v.id, l.name || ' #' || v.tower_from || '–#' || v.tower_to || ' ' || v.species as label, v.deleted_at, v.deleted_by
                 from vegetation_records v join lines l on l.id = v.line_id where v.deleted_at is not null`,
    blocker: async (db, id) => {
      const r = await db
        .selectFrom('vegetation_records as v')
        .innerJoin('lines as l', 'l.id', 'v.line_id')
        .select('l.deleted_at')
        .where('v.id', '=', id)
        .executeTakeFirst();
      return r?.deleted_at ? 'recycle.parentDeleted' : null;
    },
  },
  lines: { table: 'lines', roles: REFERENCE_EDITORS, deleted: simple('lines', 'lines'), blocker: nameTaken('lines') },
  townships: {
    table: 'townships',
    roles: REFERENCE_EDITORS,
    deleted: simple('townships', 'townships'),
    blocker: nameTaken('townships'),
  },
  villages: {
    table: 'villages',
    roles: REFERENCE_EDITORS,
    deleted: simple('villages', 'villages'),
    blocker: async (db, id) => {
      const v = await db
        .selectFrom('villages as vi')
        .innerJoin('townships as t', 't.id', 'vi.township_id')
        .select(['vi.name', 'vi.township_id', 't.deleted_at'])
        .where('vi.id', '=', id)
        .executeTakeFirst();
      if (!v) return null;
      if (v.deleted_at) return 'recycle.parentDeleted';
      const clash = await db
        .selectFrom('villages')
        .select('id')
        .where('name', '=', v.name)
        .where('township_id', '=', v.township_id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      return clash ? 'recycle.nameTaken' : null;
    },
  },
  teams: { table: 'teams', roles: REFERENCE_EDITORS, deleted: simple('teams', 'teams'), blocker: nameTaken('teams') },
  towers: {
    table: 'line_towers',
    roles: REFERENCE_EDITORS,
    deleted: sql`select 'towers' as entity, 'towers:' || k.id as key, k.id, l.name || ' #' || k.number as label, k.deleted_at, k.deleted_by
                 from line_towers k join lines l on l.id = k.line_id where k.deleted_at is not null`,
    // Not while its line is in the bin, nor while another live tower has its number.
    blocker: async (db, id) => {
      const k = await db
        .selectFrom('line_towers as k')
        .innerJoin('lines as l', 'l.id', 'k.line_id')
        .select(['k.line_id', 'k.number', 'l.deleted_at'])
        .where('k.id', '=', id)
        .executeTakeFirst();
      if (!k) return null;
      if (k.deleted_at) return 'recycle.parentDeleted';
      const clash = await db
        .selectFrom('line_towers')
        .select('id')
        .where('line_id', '=', k.line_id)
        .where('number', '=', k.number)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      return clash ? 'recycle.nameTaken' : null;
    },
  },
  staff: {
    table: 'staff',
    roles: LEDGER_EDITORS,
    deleted: sql`select 'staff' as entity, 'staff:' || id as key, id, employee_no || ' ' || name as label, deleted_at, deleted_by from staff where deleted_at is not null`,
    blocker: async (db, id) => {
      const s = await db.selectFrom('staff').select('employee_no').where('id', '=', id).executeTakeFirst();
      if (!s) return null;
      const clash = await db
        .selectFrom('staff')
        .select('id')
        .where('employee_no', '=', s.employee_no)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      return clash ? 'recycle.nameTaken' : null;
    },
  },
  certificates: {
    table: 'certificates',
    roles: LEDGER_EDITORS,
    deleted: sql`select 'certificates' as entity, 'certificates:' || c.id as key, c.id, s.name || ' ' || c.number as label, c.deleted_at, c.deleted_by from certificates c join staff s on s.id = c.staff_id where c.deleted_at is not null`,
    blocker: async (db, id) => {
      const r = await db
        .selectFrom('certificates as c')
        .innerJoin('staff as s', 's.id', 'c.staff_id')
        .select('s.deleted_at')
        .where('c.id', '=', id)
        .executeTakeFirst();
      return r?.deleted_at ? 'recycle.parentDeleted' : null;
    },
  },
  training: {
    table: 'training_sessions',
    roles: LEDGER_EDITORS,
    deleted: sql`select 'training' as entity, 'training:' || id as key, id, date || ' ' || course as label, deleted_at, deleted_by from training_sessions where deleted_at is not null`,
    blocker: async () => null,
  },
  attachments: {
    table: 'attachments',
    roles: LEDGER_EDITORS,
    deleted: sql`select 'attachments' as entity, 'attachments:' || id as key, id, file_name as label, deleted_at, deleted_by from attachments where deleted_at is not null`,
    // A photo comes back only onto a record that is there.
    blocker: async (db, id) => {
      const a = await db
        .selectFrom('attachments')
        .select(['entity', 'entity_id'])
        .where('id', '=', id)
        .executeTakeFirst();
      if (!a || !(a.entity in OWNER_TABLES)) return null;
      const r = await db
        .selectFrom(OWNER_TABLES[a.entity as Attachable] as 'vegetation_records')
        .select('deleted_at')
        .where('id', '=', a.entity_id)
        .executeTakeFirst();
      return !r || r.deleted_at ? 'recycle.parentDeleted' : null;
    },
  },
  repairAreas: {
    table: 'repair_areas',
    roles: LEDGER_EDITORS,
    deleted: simple('repairAreas', 'repair_areas'),
    blocker: nameTaken('repair_areas'),
  },
  seasons: {
    table: 'duty_seasons',
    roles: LEDGER_EDITORS,
    deleted: simple('seasons', 'duty_seasons'),
    blocker: async () => null,
  },
  absences: {
    table: 'staff_absences',
    roles: LEDGER_EDITORS,
    deleted: sql`select 'absences' as entity, 'absences:' || a.id as key, a.id, s.name || ' ' || a.from_date || '–' || a.to_date as label, a.deleted_at, a.deleted_by from staff_absences a join staff s on s.id = a.staff_id where a.deleted_at is not null`,
    blocker: async (db, id) => {
      const r = await db
        .selectFrom('staff_absences as a')
        .innerJoin('staff as s', 's.id', 'a.staff_id')
        .select('s.deleted_at')
        .where('a.id', '=', id)
        .executeTakeFirst();
      return r?.deleted_at ? 'recycle.parentDeleted' : null;
    },
  },
  repairs: {
    table: 'repair_calls',
    roles: LEDGER_EDITORS,
    deleted: sql`select 'repairs' as entity, 'repairs:' || id as key, id, received_at || ' ' || fault as label, deleted_at, deleted_by from repair_calls where deleted_at is not null`,
    blocker: async () => null,
  },
  equipment: {
    table: 'equipment',
    roles: LEDGER_EDITORS,
    deleted: sql`select 'equipment' as entity, 'equipment:' || id as key, id, code || ' ' || name as label, deleted_at, deleted_by from equipment where deleted_at is not null`,
    blocker: nameTaken('equipment', 'code'),
  },
  upgrades: {
    table: 'upgrade_requests',
    roles: LEDGER_EDITORS,
    deleted: sql`select 'upgrades' as entity, 'upgrades:' || u.id as key, u.id, e.name || '：' || substr(u.problem, 1, 30) as label, u.deleted_at, u.deleted_by from upgrade_requests u join equipment e on e.id = u.equipment_id where u.deleted_at is not null`,
    blocker: async (db, id) => {
      const r = await db
        .selectFrom('upgrade_requests as u')
        .innerJoin('equipment as e', 'e.id', 'u.equipment_id')
        .select('e.deleted_at')
        .where('u.id', '=', id)
        .executeTakeFirst();
      return r?.deleted_at ? 'recycle.parentDeleted' : null;
    },
  },
  lightningDevices: {
    table: 'lightning_devices',
    roles: LEDGER_EDITORS,
    deleted: sql`select 'lightningDevices' as entity, 'lightningDevices:' || id as key, id, code as label, deleted_at, deleted_by from lightning_devices where deleted_at is not null`,
    blocker: nameTaken('lightning_devices', 'code'),
  },
  lightningTests: {
    table: 'lightning_tests',
    roles: LEDGER_EDITORS,
    deleted: sql`select 'lightningTests' as entity, 'lightningTests:' || t.id as key, t.id, d.code || ' ' || t.tested_on as label, t.deleted_at, t.deleted_by from lightning_tests t join lightning_devices d on d.id = t.device_id where t.deleted_at is not null`,
    blocker: async (db, id) => {
      const r = await db
        .selectFrom('lightning_tests as t')
        .innerJoin('lightning_devices as d', 'd.id', 't.device_id')
        .select('d.deleted_at')
        .where('t.id', '=', id)
        .executeTakeFirst();
      return r?.deleted_at ? 'recycle.parentDeleted' : null;
    },
  },
  trips: {
    table: 'lightning_trips',
    roles: LEDGER_EDITORS,
    deleted: sql`select 'trips' as entity, 'trips:' || t.id as key, t.id, l.name || ' ' || t.occurred_at as label, t.deleted_at, t.deleted_by from lightning_trips t join lines l on l.id = t.line_id where t.deleted_at is not null`,
    blocker: async () => null,
  },
};
