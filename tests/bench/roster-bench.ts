/**
 * The roster part of `npm run bench` (alone: `npm run bench:roster`): generating the 92-day season
 * for 3 areas × 2 shifts × 60 people, against one full hard-rule check of the result (the baseline
 * in the same run), with the fairness figures.
 */
import { checkRoster, fairnessOf } from '../../electron/core/roster/roster.rules';
import { solveRoster } from '../../electron/core/roster/roster.solver';
import { countyProblem } from '../fixtures/roster-problem';

export interface RosterBench {
  solveMs: number[];
  checkMs: number[];
  placements: number;
  violations: number;
  shortages: number;
  fairness: ReturnType<typeof fairnessOf>;
}

export function benchRoster(runs = 5): RosterBench {
  const solveMs: number[] = [];
  const checkMs: number[] = [];
  let last: {
    problem: ReturnType<typeof countyProblem>;
    result: ReturnType<typeof solveRoster>;
    violations: number;
  } | null = null;
  for (let i = 0; i < runs; i++) {
    const problem = countyProblem(7 + i);
    let t0 = performance.now();
    const result = solveRoster(problem);
    solveMs.push(performance.now() - t0);
    t0 = performance.now();
    const violations = checkRoster(problem, result.placements).length;
    checkMs.push(performance.now() - t0);
    last = { problem, result, violations };
  }
  return {
    solveMs,
    checkMs,
    placements: last!.result.placements.length,
    violations: last!.violations,
    shortages: last!.result.shortages.length,
    fairness: fairnessOf(last!.problem, last!.result.placements),
  };
}

if (process.argv[1]?.endsWith('roster-bench.ts')) {
  const r = benchRoster();
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(`roster: 92 days × 2 shifts × 3 areas × 60 people, ${r.solveMs.length} seeds`);
  console.table({
    'generate (ms)': { median: median(r.solveMs).toFixed(0), max: Math.max(...r.solveMs).toFixed(0) },
    'full hard-rule check (ms)': { median: median(r.checkMs).toFixed(1), max: Math.max(...r.checkMs).toFixed(1) },
  });
  console.log(
    `generate / check = ${(median(r.solveMs) / median(r.checkMs)).toFixed(0)}×; ${r.placements} assignments, ${r.violations} violations, ${r.shortages} shortages`,
  );
  console.log(
    `fairness: nights ${r.fairness.minNights}–${r.fairness.maxNights}, weekends ${r.fairness.minWeekends}–${r.fairness.maxWeekends}, shifts ${r.fairness.minShifts}–${r.fairness.maxShifts}, wishes kept ${r.fairness.wishesHonoured}/${r.fairness.wishes}`,
  );
  console.log(
    `among people alike (same skills, same days available): shifts spread ${r.fairness.alikeShiftSpread}, nights spread ${r.fairness.alikeNightSpread} (goal ≤ 2 each)`,
  );
  for (const s of r.fairness.scarce)
    console.log(
      `scarce: ${s.skill} held by ${s.people} people: at least ${s.minShifts} shifts each (average ${s.average})`,
    );
}
