import type { JobResult, ParsedInputOf } from '../../contract';
import type { Progress } from '../excel/excel.jobs';
import type { SheetContext } from '../excel/sheet';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { autoPlan, type PlannerInput, type PlannerRecord } from './trimming.planner';
import {
  loadCalendar,
  loadTeams,
  openBacklog,
  packagesBetween,
  loadTrimmingContext,
  toPlacement,
} from './trimming.repository';
import { outagesBetween } from './outages.repository';
import { loadsOf, type PlanWorld } from './trimming.rules';

export type AutoPlanParams = ParsedInputOf<'trimming.autoPlan'>;

/** Everything the automatic plan reads, from the database: the same for the job and the tests. */
export async function plannerInputFor(db: Kysely<DB>, params: AutoPlanParams, today: string): Promise<PlannerInput> {
  const s = await loadTrimmingContext(db);
  const [rows, teams, windows, calendar, existing] = await Promise.all([
    openBacklog(db),
    loadTeams(db, params.teamIds),
    outagesBetween(db, params.from, params.to),
    loadCalendar(db, params.from, params.to),
    packagesBetween(db, params.from, params.to, s),
  ]);
  const townships = params.townshipIds?.length ? new Set(params.townshipIds) : null;
  const lines = params.lineIds?.length ? new Set(params.lineIds) : null;
  const records: PlannerRecord[] = rows
    .filter(
      (r) =>
        (!townships || (r.township_id !== null && townships.has(r.township_id))) && (!lines || lines.has(r.line_id)),
    )
    .map((r) => ({
      id: r.id,
      lineId: r.line_id,
      voltage: r.voltage,
      towerFrom: r.tower_from,
      towerTo: r.tower_to,
      townshipId: r.township_id,
      treeCount: r.tree_count,
      action: r.action as PlannerRecord['action'],
      grade: r.hazard_grade as PlannerRecord['grade'],
      deadline: r.deadline,
      status: r.status,
      hasLandowner: !!r.landowner?.trim(),
      notifiedOn: null,
    }));
  // What the board already holds takes its share of each team-day first.
  const world = {
    records: new Map(
      existing.flatMap((p) => p.records.map((r) => [r.id, { treeCount: r.treeCount, action: r.action }])),
    ),
    minutesPerTree: s.minutesPerTree,
  } as unknown as PlanWorld;
  return {
    from: params.from,
    to: params.to,
    today,
    records,
    teams: teams.map((t) => ({
      id: t.id,
      capacity: t.capacity,
      crewSize: t.crewSize,
      townshipIds: t.townshipIds,
      away: t.unavailable,
    })),
    windows: windows
      .filter((w) => w.status === 'approved')
      .map((w) => ({
        lineId: w.line_id,
        date: w.date,
        startTime: w.start_time,
        endTime: w.end_time,
        towerFrom: w.tower_from,
        towerTo: w.tower_to,
      })),
    holidays: new Set(calendar.holidays.keys()),
    workdays: calendar.workdays,
    booked: loadsOf(existing.map(toPlacement), world),
    minutesPerTree: s.minutesPerTree,
    adjacentTowers: s.adjacentTowers,
    noticeLeadDays: s.noticeLeadDays,
  };
}

/**
 * 自动编排 in a worker (the window keeps answering): reads the backlog, the teams, the calendar, the
 * approved windows and what the board already holds, and returns a draft. Nothing is written: the
 * planner looks at the draft on the board and accepts it (trimming.acceptDraft) or not.
 */
export const TRIMMING_JOBS = {
  'trimming.autoPlan': async (params: AutoPlanParams, ctx: SheetContext, progress: Progress): Promise<JobResult> => {
    progress('jobs.phase.reading', 0, 0);
    const input = await plannerInputFor(ctx.db, params, ctx.today);
    const t0 = performance.now();
    const outcome = autoPlan(input, (done, total) => progress('trimming.phase.planning', done, total));
    return { kind: 'trimming.autoPlan', outcome: { ...outcome, ms: Math.round(performance.now() - t0) } };
  },
};
