import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';

// What the line file reads, each kind of record on one line as it stood at `asOf` (a YYYY-MM-DD).

export const lineOf = (db: Kysely<DB>, lineId: number) =>
  db
    .selectFrom('lines')
    .select(['id', 'name', 'voltage', 'tower_count', 'length_km'])
    .where('id', '=', lineId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();

export const towersOf = (db: Kysely<DB>, lineId: number) =>
  db
    .selectFrom('line_towers')
    .select(['number', 'kind', 'longitude', 'latitude'])
    .where('line_id', '=', lineId)
    .where('deleted_at', 'is', null)
    .orderBy('number')
    .execute();

/** Townships with a known seat, for the map view's names. */
export const placesOf = (db: Kysely<DB>) =>
  db
    .selectFrom('townships')
    .select(['name', 'longitude', 'latitude'])
    .where('deleted_at', 'is', null)
    .where('longitude', 'is not', null)
    .where('latitude', 'is not', null)
    .orderBy('name')
    .execute();

/** Hazards found by `asOf` and not cleared by then (found: its found date, else the day it was entered). */
export const openHazardsOf = (db: Kysely<DB>, lineId: number, asOf: string) =>
  db
    .selectFrom('vegetation_records')
    .select(['id', 'tower_from', 'tower_to', 'hazard_grade', 'status', 'species', 'tree_count', 'completed_date'])
    .where('line_id', '=', lineId)
    .where('deleted_at', 'is', null)
    .where(sql<string>`coalesce(found_date, substr(created_at, 1, 10))`, '<=', asOf)
    .where((eb) => eb.or([eb('completed_date', 'is', null), eb('completed_date', '>', asOf)]))
    .orderBy('tower_from')
    .orderBy('id')
    .execute();

/** Compensation paid by `asOf` in disputes over the line's hazards (元). */
export async function compensationPaidOn(db: Kysely<DB>, lineId: number, asOf: string): Promise<number> {
  const r = await db
    .selectFrom('vegetation_disputes as d')
    .innerJoin('vegetation_records as v', 'v.id', 'd.record_id')
    .select((eb) => eb.fn.sum<number>('d.compensation_paid').as('paid'))
    .where('v.line_id', '=', lineId)
    .where('v.deleted_at', 'is', null)
    .where('d.paid_date', '<=', asOf)
    .executeTakeFirst();
  return Number(r?.paid ?? 0);
}

/** The line's devices with their last test by `asOf`, and whether a rectification was open then. */
export const devicesOf = (db: Kysely<DB>, lineId: number, asOf: string) =>
  db
    .selectFrom('lightning_devices as d')
    .select([
      'd.id',
      'd.code',
      'd.kind',
      'd.tower',
      sql<
        string | null
      >`(select max(t.tested_on) from lightning_tests t where t.device_id = d.id and t.deleted_at is null and t.tested_on <= ${asOf})`.as(
        'last_tested_on',
      ),
      sql<
        string | null
      >`(select t.verdict from lightning_tests t where t.device_id = d.id and t.deleted_at is null and t.tested_on <= ${asOf} order by t.tested_on desc, t.id desc limit 1)`.as(
        'last_verdict',
      ),
      sql<number>`(select count(*) from lightning_rectifications r where r.device_id = d.id and r.found_on <= ${asOf} and (r.closed_on is null or r.closed_on > ${asOf}))`.as(
        'open_rectifications',
      ),
    ])
    .where('d.line_id', '=', lineId)
    .where('d.deleted_at', 'is', null)
    .where(sql<string>`substr(d.created_at, 1, 10)`, '<=', asOf)
    .orderBy('d.code')
    .execute();

/** Trips on the line from `from` to `asOf` (inclusive days). */
export const tripsOf = (db: Kysely<DB>, lineId: number, from: string, asOf: string) =>
  db
    .selectFrom('lightning_trips')
    .select(['id', 'occurred_at', 'towers', 'reclosed'])
    .where('line_id', '=', lineId)
    .where('deleted_at', 'is', null)
    .where('occurred_at', '>=', from)
    .where('occurred_at', '<', `${asOf}T99`)
    .orderBy('occurred_at')
    .execute();

/** Equipment on the line with a defect found by `asOf` and still open (the register keeps the current defect only). */
export const defectsOf = (db: Kysely<DB>, lineId: number, asOf: string) =>
  db
    .selectFrom('equipment')
    .select(['id', 'code', 'name', 'location', 'defect_grade'])
    .where('line_id', '=', lineId)
    .where('deleted_at', 'is', null)
    .where('defect_grade', 'is not', null)
    .where((eb) => eb.or([eb('defect_found_on', 'is', null), eb('defect_found_on', '<=', asOf)]))
    .orderBy('code')
    .execute();

/** Upgrade requests for the line's equipment raised by `asOf`, not closed or rejected (their state now). */
export const upgradesOf = (db: Kysely<DB>, lineId: number, asOf: string) =>
  db
    .selectFrom('upgrade_requests as u')
    .innerJoin('equipment as e', 'e.id', 'u.equipment_id')
    .select(['u.id', 'u.request_no', 'u.status', 'e.code', 'e.location'])
    .where('e.line_id', '=', lineId)
    .where('u.deleted_at', 'is', null)
    .where('u.status', 'not in', ['closed', 'rejected'])
    .where(sql<string>`substr(u.created_at, 1, 10)`, '<=', asOf)
    .orderBy('u.id')
    .execute();

/* ---------- 线路风险排序: the counts behind every line's score, one query per kind ---------- */

export const liveLines = (db: Kysely<DB>) =>
  db
    .selectFrom('lines')
    .select(['id', 'name', 'tower_count'])
    .where('deleted_at', 'is', null)
    .orderBy('name')
    .execute();

/** Open emergency and major hazards per line. */
export const openHazardCounts = (db: Kysely<DB>) =>
  db
    .selectFrom('vegetation_records')
    .select(['line_id', 'hazard_grade', (eb) => eb.fn.countAll<number>().as('n')])
    .where('deleted_at', 'is', null)
    .where('status', '!=', 'done')
    .where('hazard_grade', 'in', ['emergency', 'major'])
    .groupBy(['line_id', 'hazard_grade'])
    .execute();

/** Trips per line since `from`. */
export const tripCounts = (db: Kysely<DB>, from: string) =>
  db
    .selectFrom('lightning_trips')
    .select(['line_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('deleted_at', 'is', null)
    .where('occurred_at', '>=', from)
    .groupBy('line_id')
    .execute();

/** Open critical and serious defects per line. */
export const defectCounts = (db: Kysely<DB>) =>
  db
    .selectFrom('equipment')
    .select(['line_id', 'defect_grade', (eb) => eb.fn.countAll<number>().as('n')])
    .where('deleted_at', 'is', null)
    .where('line_id', 'is not', null)
    .where('defect_grade', 'in', ['critical', 'serious'])
    .groupBy(['line_id', 'defect_grade'])
    .execute();
