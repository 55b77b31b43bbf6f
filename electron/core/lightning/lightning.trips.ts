import type { Kysely } from 'kysely';
import { type ParsedInputOf, type TripRow } from '../../contract';
import type { Handlers, HandlerContext } from '../context';
import type { DB } from '../db/schema';
import { fieldError, requireLive } from '../shared/references';
import { deleteToBin } from '../shared/soft-delete';
import { gridPageOf } from '../shared/grid-query';
import { saveVersioned } from '../shared/versioned';
import { checkedOnFrom, nextDue } from './lightning.rules';
import { deviceFacts, loadLightningContext } from './lightning.repository';
import { requireTowerTextOnLine } from '../reference/tower-bounds';

type Methods = 'trips.list' | 'trips.save' | 'trips.delete' | 'trips.byLine';

const trips = (db: Kysely<DB>) =>
  db
    .selectFrom('lightning_trips as t')
    .innerJoin('lines as l', 'l.id', 't.line_id')
    .selectAll('t')
    .select('l.name as line_name')
    .where('t.deleted_at', 'is', null);
type TripJoined = Awaited<ReturnType<ReturnType<typeof trips>['executeTakeFirstOrThrow']>>;

async function withDevices(db: Kysely<DB>, rows: TripJoined[]): Promise<TripRow[]> {
  const links = rows.length
    ? await db
        .selectFrom('lightning_trip_devices as td')
        .innerJoin('lightning_devices as d', 'd.id', 'td.device_id')
        .select(['td.trip_id', 'd.id', 'd.code'])
        .where(
          'td.trip_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('d.code')
        .execute()
    : [];
  return rows.map((r) => {
    const mine = links.filter((l) => l.trip_id === r.id);
    return {
      id: r.id,
      version: r.version,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      lineId: r.line_id,
      lineName: r.line_name,
      occurredAt: r.occurred_at,
      towers: r.towers,
      reclosed: r.reclosed === 1,
      damage: r.damage,
      deviceIds: mine.map((l) => l.id),
      deviceCodes: mine.map((l) => l.code),
      notes: r.notes,
    };
  });
}

async function listTrips(db: Kysely<DB>, req: ParsedInputOf<'trips.list'>) {
  const page = await gridPageOf({
    base: () => {
      let q = trips(db);
      if (req.lineId) q = q.where('t.line_id', '=', req.lineId);
      if (req.year)
        q = q.where('t.occurred_at', '>=', `${req.year}-01-01`).where('t.occurred_at', '<', `${req.year + 1}-01-01`);
      return q;
    },
    select: (q: unknown) => q as ReturnType<typeof trips>,
    req,
    columns: {
      lineName: { ref: 'l.name', type: 'text' },
      occurredAt: { ref: 't.occurred_at', type: 'date' },
      towers: { ref: 't.towers', type: 'text' },
      damage: { ref: 't.damage', type: 'text' },
    },
    search: ['l.name', 't.towers', 't.damage'],
    tieBreaker: 't.id',
    defaultSort: [{ colId: 'occurredAt', sort: 'desc' as const }],
    map: (r: TripJoined) => r,
  });
  return { rowCount: page.rowCount, rows: await withDevices(db, page.rows) };
}

const findTrip = async (db: Kysely<DB>, id: number) => {
  const r = await trips(db).where('t.id', '=', id).executeTakeFirst();
  return r ? (await withDevices(db, [r]))[0] : undefined;
};

/**
 * Per line, the year's trips and whether its devices had been tested in time: a device counts as
 * untested at a trip when, judged with the tests and trips before that day, its test was overdue.
 */
async function tripsByLine(ctx: HandlerContext, year: number) {
  const lctx = await loadLightningContext(ctx.db, ctx.today);
  const all = await trips(ctx.db).orderBy('t.occurred_at').execute();
  const inYear = all.filter((t) => t.occurred_at.startsWith(String(year)));
  const rows = [];
  for (const lineId of [...new Set(inYear.map((t) => t.line_id))]) {
    const lineTrips = inYear.filter((t) => t.line_id === lineId);
    const devices = await ctx.db
      .selectFrom('lightning_devices')
      .selectAll()
      .where('line_id', '=', lineId)
      .where('deleted_at', 'is', null)
      .execute();
    const tests = devices.length
      ? await ctx.db
          .selectFrom('lightning_tests')
          .select(['device_id', 'tested_on', 'grounding_ohm', 'insulation_mohm', 'u1ma_kv', 'leakage_ua', 'counter_ok'])
          .where(
            'device_id',
            'in',
            devices.map((d) => d.id),
          )
          .where('deleted_at', 'is', null)
          .execute()
      : [];
    const untested = new Set<number>();
    for (const trip of lineTrips) {
      const day = trip.occurred_at.slice(0, 10);
      const earlierTrip =
        all
          .filter((t) => t.line_id === lineId && t.occurred_at.slice(0, 10) < day)
          .at(-1)
          ?.occurred_at.slice(0, 10) ?? null;
      for (const d of devices) {
        const checkedOn = checkedOnFrom(tests.filter((t) => t.device_id === d.id && t.tested_on <= day));
        if (d.install_date && d.install_date > day) continue;
        if (
          nextDue(deviceFacts(d), { installDate: d.install_date, checkedOn, lastTripOn: earlierTrip }, lctx.rules, day)
            .on < day
        )
          untested.add(d.id);
      }
    }
    rows.push({
      lineId,
      lineName: lineTrips[0]!.line_name,
      trips: lineTrips.length,
      reclosed: lineTrips.filter((t) => t.reclosed === 1).length,
      devices: devices.length,
      untestedAtTrip: untested.size,
      testedInTime: untested.size === 0,
    });
  }
  return rows.sort((a, b) => b.trips - a.trips || a.lineName.localeCompare(b.lineName, 'zh-CN'));
}

export const tripHandlers: Handlers<Methods> = {
  'trips.list': async (input, ctx) => listTrips(ctx.db, input),

  'trips.save': async (input, ctx) => {
    await requireLive(ctx.db, 'lines', input.lineId, 'lineId');
    await requireTowerTextOnLine(ctx.db, input.lineId, input.towers, 'towers');
    if (input.occurredAt.slice(0, 10) > ctx.today) throw fieldError('occurredAt', 'lightning.errors.futureDate');
    if (input.deviceIds.length) {
      const live = await ctx.db
        .selectFrom('lightning_devices')
        .select('id')
        .where('id', 'in', input.deviceIds)
        .where('deleted_at', 'is', null)
        .execute();
      if (live.length !== new Set(input.deviceIds).size) throw fieldError('deviceIds', 'validation.reference_missing');
    }
    const before = input.id === undefined ? undefined : await findTrip(ctx.db, input.id);
    const id = await saveVersioned(
      ctx,
      'lightning_trips',
      input,
      {
        line_id: input.lineId,
        occurred_at: input.occurredAt,
        towers: input.towers || null,
        reclosed: input.reclosed ? 1 : 0,
        damage: input.damage || null,
        notes: input.notes || null,
      },
      () => findTrip(ctx.db, input.id!),
    );
    await ctx.db.deleteFrom('lightning_trip_devices').where('trip_id', '=', id).execute();
    const unique = [...new Set(input.deviceIds)];
    if (unique.length)
      await ctx.db
        .insertInto('lightning_trip_devices')
        .values(unique.map((device_id) => ({ trip_id: id, device_id })))
        .execute();
    const after = (await findTrip(ctx.db, id))!;
    ctx.audit({ entity: 'trips', entityId: id, summary: before ? 'updated' : 'created', before, after });
    return after;
  },

  'trips.delete': async (input, ctx) => deleteToBin(ctx, 'lightning_trips', 'trips', input.ids),

  'trips.byLine': async (input, ctx) => ({ rows: await tripsByLine(ctx, input.year) }),
};
