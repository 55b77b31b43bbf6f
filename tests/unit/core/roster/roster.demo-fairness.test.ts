import { afterAll, beforeAll, expect, test } from 'vitest';
import { openTestCore, type TestCore } from '../../helpers/core';
import { waitForJob } from '../../helpers/files';

// Issue 26: on the demo county, people who are alike get shifts and nights within 2 of each other,
// and where a scarce skill forces more on its holders, the roster says which, how many, how much.
let t: TestCore;
beforeAll(async () => {
  t = await openTestCore({ clock: () => new Date('2026-05-20T09:00:00+08:00'), demoRecords: 20 });
});
afterAll(() => t.close());

test('the demo county season: fair among people alike, and the scarce skills named with their figures', async () => {
  const seasons = await t.call('seasons.list', {}, t.adminToken);
  const season = seasons.rows[0]!;
  const { jobId } = await t.call('roster.generate', { seasonId: season.id }, t.adminToken);
  const state = await waitForJob(t, jobId, t.adminToken);
  if (state.result?.kind !== 'roster.generate') throw new Error(JSON.stringify(state.error));
  const view = await t.call('roster.get', { seasonId: season.id }, t.adminToken);
  expect(view.violations).toEqual([]);
  const f = view.fairness;
  console.log(
    `demo county: shifts ${f.minShifts}–${f.maxShifts}, nights ${f.minNights}–${f.maxNights}; alike spread shifts ${f.alikeShiftSpread}, nights ${f.alikeNightSpread}; scarce ${JSON.stringify(f.scarce)}`,
  );
  expect(f.alikeShiftSpread).toBeLessThanOrEqual(2);
  expect(f.alikeNightSpread).toBeLessThanOrEqual(2);
  // Every scarce skill is one the season needs, held by fewer people than it takes to stay at the average.
  for (const s of f.scarce) {
    expect(view.rules.requiredSkills).toContain(s.skill);
    expect(s.minShifts).toBeGreaterThan(s.average);
  }
  // The widest gap overall is explained: the busiest people hold a scarce skill.
  if (f.maxShifts - f.minShifts > 2) expect(f.scarce.length).toBeGreaterThan(0);
});
