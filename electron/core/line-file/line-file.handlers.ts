import { notFound, towerNumbersIn, type LineFile } from '../../contract';
import type { Handlers } from '../context';
import { loadLightningContext, listDevices } from '../lightning/lightning.repository';
import { repairsBetween } from '../roster/repairs.repository';
import {
  compensationPaidOn,
  defectsOf,
  devicesOf,
  lineOf,
  openHazardsOf,
  placesOf,
  towersOf,
  tripsOf,
  upgradesOf,
} from './line-file.repository';

/** The first tower a free-text place names ("#77", "77号杆"), or null. */
const towerIn = (text: string | null) => (text ? (towerNumbersIn(text)[0] ?? null) : null);

/** 线路档案: the line's records tower by tower, as they stood at the end of `year` (default: today). */
export const lineFileHandlers: Handlers<'lineFile.get'> = {
  'lineFile.get': async (input, ctx) => {
    const line = await lineOf(ctx.db, input.lineId);
    if (!line) throw notFound('lines', input.lineId);
    const current = input.year === undefined || input.year >= Number(ctx.today.slice(0, 4));
    const asOf = current ? ctx.today : `${input.year}-12-31`;
    const year = Number(asOf.slice(0, 4));
    const [towers, places, hazards, paid, deviceRows, trips, defectRows, upgradeRows, repairs] = await Promise.all([
      towersOf(ctx.db, line.id),
      placesOf(ctx.db),
      openHazardsOf(ctx.db, line.id, asOf),
      compensationPaidOn(ctx.db, line.id, asOf),
      devicesOf(ctx.db, line.id, asOf),
      // Three years of trips: this year and the two before.
      tripsOf(ctx.db, line.id, `${year - 2}-01-01`, asOf),
      defectsOf(ctx.db, line.id, asOf),
      upgradesOf(ctx.db, line.id, asOf),
      repairsBetween(ctx.db, `${year}-01-01`, asOf, line.id),
    ]);
    // Overdue by the test cycles is known for today only (the rules look forward from now).
    const overdue = new Set<number>();
    if (current) {
      const lctx = await loadLightningContext(ctx.db, ctx.today);
      const page = await listDevices(
        ctx.db,
        { lineId: line.id, overdue: true, startRow: 0, endRow: 10_000, sortModel: [], filterModel: {} },
        lctx,
      );
      for (const d of page.rows) overdue.add(d.id);
    }
    const devices: LineFile['devices'] = deviceRows.map((d) => ({
      id: d.id,
      code: d.code,
      kind: d.kind as LineFile['devices'][number]['kind'],
      tower: towerIn(d.tower),
      lastTestedOn: d.last_tested_on,
      // A failed last test is red until a passing retest (which also closes its rectification);
      // a rectification still open without a failed last test is 'being rectified'.
      state:
        d.last_verdict === 'fail'
          ? 'failed'
          : Number(d.open_rectifications) > 0
            ? 'rectifying'
            : d.last_verdict === null || overdue.has(d.id)
              ? 'due'
              : 'passed',
    }));
    const tripRows = trips.map((t) => ({
      id: t.id,
      occurredAt: t.occurred_at,
      towers: towerNumbersIn(t.towers ?? ''),
      reclosed: t.reclosed === 1,
    }));
    const defects = defectRows.map((e) => ({
      id: e.id,
      code: e.code,
      name: e.name,
      tower: towerIn(e.location),
      grade: e.defect_grade as LineFile['defects'][number]['grade'],
    }));
    const upgrades = upgradeRows.map((u) => ({
      id: u.id,
      requestNo: u.request_no,
      equipmentCode: u.code,
      tower: towerIn(u.location),
      status: u.status as LineFile['upgrades'][number]['status'],
    }));
    const named = [
      ...hazards.map((h) => h.tower_to),
      ...devices.map((d) => d.tower ?? 0),
      ...tripRows.flatMap((t) => t.towers),
      ...defects.map((d) => d.tower ?? 0),
      ...towers.map((t) => t.number),
    ];
    const grades = { emergency: 0, major: 0, general: 0 };
    for (const h of hazards) grades[h.hazard_grade as keyof typeof grades]++;
    const arrived = repairs.filter((r) => r.arrivedAt !== null);
    return {
      line: {
        id: line.id,
        name: line.name,
        voltage: line.voltage,
        towerCount: line.tower_count,
        lengthKm: line.length_km,
      },
      lastTower: line.tower_count ?? Math.max(1, ...named),
      asOf,
      towers: towers.map((t) => {
        const placed = t.longitude !== null && t.latitude !== null;
        return {
          number: t.number,
          kind: t.kind as LineFile['towers'][number]['kind'],
          longitude: placed ? t.longitude : null,
          latitude: placed ? t.latitude : null,
        };
      }),
      places: places.map((p) => ({ name: p.name, longitude: p.longitude!, latitude: p.latitude! })),
      hazards: hazards.map((h) => ({
        id: h.id,
        from: h.tower_from,
        to: h.tower_to,
        grade: h.hazard_grade as LineFile['hazards'][number]['grade'],
        // As it stood then: cleared later means it was still open at the date.
        status: (h.completed_date && h.completed_date > asOf
          ? 'scheduled'
          : h.status) as LineFile['hazards'][number]['status'],
        species: h.species,
        treeCount: h.tree_count,
      })),
      devices,
      trips: tripRows,
      defects,
      upgrades,
      figures: {
        openHazards: grades,
        compensationPaid: paid,
        devicesDue: devices.filter((d) => d.state === 'due').length,
        devicesFailed: devices.filter((d) => d.state === 'failed' || d.state === 'rectifying').length,
        tripsThisYear: tripRows.filter((t) => t.occurredAt.startsWith(String(year))).length,
        tripsLastYear: tripRows.filter((t) => t.occurredAt.startsWith(String(year - 1))).length,
        openDefects: defects.length,
        requestsWaiting: upgrades.filter((u) => u.status === 'submitted').length,
        repairCalls: repairs.length,
        repairsArrived: arrived.length,
        repairsArrivedOnTime: arrived.filter((r) => !r.arrivalBreach).length,
      },
    };
  },
};
