import type { Insertable, Kysely } from 'kysely';
import type { DB, LineTowersTable } from '../db/schema';

/** Where the demo county lies (常德, 湖南: area code 0736), in WGS-84 degrees. */
const CENTRE = { longitude: 111.69, latitude: 29.03 };

/**
 * Every demo line's towers, #1 to its count: terminal at both ends, a strain tower every eighth,
 * an angle where the path turns, tangent between; positions walk out from the county centre along
 * the line's length, altitudes rise into the hills. Computed from the line's order, not drawn from
 * the demo's random sequence, so the rest of the county comes out as it always has.
 */
export async function addDemoTowers(db: Kysely<DB>, now: string): Promise<number> {
  const lines = await db
    .selectFrom('lines')
    .select(['id', 'tower_count', 'length_km'])
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
  const rows: Insertable<LineTowersTable>[] = [];
  lines.forEach((line, index) => {
    const count = line.tower_count ?? 0;
    const km = line.length_km ?? 10;
    // Each line leaves the centre on its own bearing and bends once, a third of the way along.
    const bearing = (index * 137.5 * Math.PI) / 180;
    const bendAt = Math.max(2, Math.round(count / 3));
    const step = km / Math.max(1, count - 1) / 111; // degrees per span (≈111 km a degree)
    let { longitude, latitude } = {
      longitude: CENTRE.longitude + Math.cos(bearing) * 0.02,
      latitude: CENTRE.latitude + Math.sin(bearing) * 0.02,
    };
    for (let number = 1; number <= count; number++) {
      const heading = number < bendAt ? bearing : bearing + 0.6;
      longitude += Math.cos(heading) * step;
      latitude += Math.sin(heading) * step;
      const kind =
        number === 1 || number === count
          ? 'terminal'
          : number === bendAt
            ? 'angle'
            : number % 8 === 0
              ? 'strain'
              : 'tangent';
      rows.push({
        line_id: line.id,
        number,
        kind,
        longitude: Math.round(longitude * 1e6) / 1e6,
        latitude: Math.round(latitude * 1e6) / 1e6,
        altitude: Math.round((40 + 30 * Math.sin(number / 15 + index) + number * 0.4) * 10) / 10,
        notes: null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
        deleted_by: null,
      });
    }
  });
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('line_towers')
      .values(rows.slice(i, i + 500))
      .execute();
  await placeDemoTownships(db, rows);
  return rows.length;
}

/**
 * A township's seat lies beside a line that serves it: a little off the line, at a point along it that
 * differs from township to township, so the map view has names to write along the paths.
 */
async function placeDemoTownships(db: Kysely<DB>, towers: Insertable<LineTowersTable>[]): Promise<void> {
  const served = await db
    .selectFrom('line_townships')
    .select(['township_id', 'line_id'])
    .orderBy('township_id')
    .orderBy('line_id')
    .execute();
  const placed = new Set<number>();
  for (const { township_id, line_id } of served) {
    if (placed.has(township_id)) continue;
    const own = towers.filter((k) => k.line_id === line_id);
    if (!own.length) continue;
    placed.add(township_id);
    const at = own[Math.floor(own.length * (0.3 + ((township_id * 0.17) % 0.5)))]!;
    await db
      .updateTable('townships')
      .set({
        longitude: Math.round((at.longitude! + 0.004) * 1e6) / 1e6,
        latitude: Math.round((at.latitude! + 0.003) * 1e6) / 1e6,
      })
      .where('id', '=', township_id)
      .execute();
  }
}
