import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { openDatabase } from '../../../../electron/core/db/connection';
import type { DB } from '../../../../electron/core/db/schema';
import { addDays } from '../../../../electron/core/shared/time';
import { plannerInputFor } from '../../../../electron/core/trimming/trimming.jobs';
import { autoPlan, methodFor, type PlannerInput } from '../../../../electron/core/trimming/trimming.planner';
import { loadTrimmingContext, worldFor } from '../../../../electron/core/trimming/trimming.repository';
import {
  checkPlan,
  daysOf,
  HARD_RULES,
  isWorkingDay,
  loadsOf,
  recordMinutes,
  type Placement,
  type PlanWorld,
} from '../../../../electron/core/trimming/trimming.rules';
import { openTestCore, type TestCore } from '../../helpers/core';

// The automatic plan on the demo county (3,000 records, seven teams with their townships, holidays,
// outage windows on the 35 kV and higher lines), proved by the board's own checker.
const TODAY = '2026-12-07';
let t: TestCore;
let db: Kysely<DB>;
let close: () => Promise<void>;
let input: PlannerInput;
let outcome: ReturnType<typeof autoPlan>;
let world: PlanWorld;
let placements: Placement[];

beforeAll(async () => {
  t = await openTestCore({ clock: () => new Date(`${TODAY}T09:00:00+08:00`), demoRecords: 3000 });
  const handle = openDatabase({
    file: t.core.file,
    ...(t.postgres ? { postgres: { connectionString: t.postgres, max: 2 } } : {}),
  });
  db = handle.db;
  close = handle.close;
  input = await plannerInputFor(db, { from: TODAY, to: addDays(TODAY, 27) }, TODAY);
  outcome = autoPlan(input);
  placements = outcome.packages.map((p, i) => ({
    key: i,
    teamId: p.teamId,
    date: p.date,
    days: p.days,
    method: p.method,
    recordIds: p.recordIds,
  }));
  world = await worldFor(
    db,
    placements,
    await loadTrimmingContext(db),
    TODAY,
    input.records.map((r) => r.id),
  );
}, 120_000);
afterAll(async () => {
  await close?.();
  await t?.close();
});

describe('the automatic plan on the demo county, next 4 weeks', () => {
  it('places work, and every placed record passes the board’s checker (no hard rule broken; late only where the deadline had passed)', () => {
    expect(outcome.packages.length).toBeGreaterThan(50);
    const violations = checkPlan(placements, world);
    expect(violations.filter((v) => HARD_RULES.has(v.rule))).toEqual([]);
    const late = new Set(outcome.late);
    expect(violations.filter((v) => v.rule === 'deadline' && !late.has(v.recordId!))).toEqual([]);
    expect(violations.filter((v) => v.rule === 'notice')).toEqual([]);
    // A package is one line, and its spans are near one another.
    for (const p of outcome.packages) {
      const recs = p.recordIds.map((id) => world.records.get(id)!);
      expect(new Set(recs.map((r) => r.lineId))).toEqual(new Set([p.lineId]));
    }
  });

  it('every record of the backlog is placed or has its reason; 受阻 ones are left out', () => {
    const placed = new Set(outcome.packages.flatMap((p) => p.recordIds));
    const unplaced = new Map(outcome.unplaced.map((u) => [u.recordId, u.reason]));
    for (const r of input.records) expect(placed.has(r.id) !== unplaced.has(r.id), `record ${r.id}`).toBe(true);
    for (const r of input.records.filter((x) => x.status === 'blocked')) expect(unplaced.get(r.id)).toBe('blocked');
    expect(new Set(unplaced.values())).toEqual(new Set(['blocked', 'capacity', 'noWindow']));
    // Outage work without a window in time is said to be so.
    for (const [id, reason] of unplaced)
      if (reason === 'noWindow') expect(methodFor(input.records.find((r) => r.id === id)!)).toBe('outage');
  });

  it('the same input gives the same plan', () => {
    expect(autoPlan(input)).toEqual(outcome);
  });

  it('紧急 records are placed within their deadline wherever capacity allowed it', () => {
    const placedOn = new Map(
      outcome.packages.flatMap((p) => p.recordIds.map((id) => [id, daysOf(p.date, p.days).at(-1)!] as const)),
    );
    const loads = loadsOf(placements, world);
    const emergencies = input.records.filter(
      (r) =>
        r.grade === 'emergency' &&
        r.status !== 'blocked' &&
        methodFor(r) !== 'outage' &&
        r.deadline !== null &&
        r.deadline >= TODAY,
    );
    expect(emergencies.length).toBeGreaterThan(20);
    let inTime = 0;
    for (const r of emergencies) {
      const day = placedOn.get(r.id);
      if (day !== undefined && day <= r.deadline!) {
        inTime++;
        continue;
      }
      // Not in time: then no team serving it had room for this record alone on any working day up to its deadline.
      const need = recordMinutes(world.records.get(r.id)!, world.minutesPerTree);
      for (let d = TODAY; d <= r.deadline!; d = addDays(d, 1)) {
        if (!isWorkingDay(d, world.calendar)) continue;
        for (const team of world.teams.values()) {
          if (team.townshipIds.length > 0 && r.townshipId !== null && !team.townshipIds.includes(r.townshipId))
            continue;
          if (team.unavailable.some((u) => u.fromDate <= d && d <= u.toDate)) continue;
          expect(
            (loads.get(`${team.id}|${d}`) ?? 0) + need,
            `紧急 ${r.id} could have gone to ${team.name} on ${d}`,
          ).toBeGreaterThan(team.capacity);
        }
      }
    }
    expect(inTime).toBeGreaterThan(0);
  });
});
