import { sql } from 'kysely';
import { ApiError, notFound, type JobResult } from '../../contract';
import { writeAudit } from '../audit/audit.repository';
import type { Progress } from '../excel/excel.jobs';
import type { SheetContext } from '../excel/sheet';
import { fairnessOf } from './roster.rules';
import { findSeason, loadProblem } from './roster.repository';
import { solveRoster } from './roster.solver';

export interface GenerateParams {
  seasonId: number;
}

/**
 * Fills the season in a worker (the window keeps answering). A complete roster replaces the
 * season's assignments in one transaction; when staff cannot cover the demand nothing is written
 * and the shortages are the result.
 */
export const ROSTER_JOBS = {
  'roster.generate': async (params: GenerateParams, ctx: SheetContext, progress: Progress): Promise<JobResult> => {
    progress('jobs.phase.reading', 0, 0);
    const season = await findSeason(ctx.db, params.seasonId);
    if (!season) throw notFound('seasons', params.seasonId);
    if (season.publishedVersion > 0) throw new ApiError({ code: 'RULE', message: 'roster.errors.publishedNoGenerate' });
    const { problem } = await loadProblem(ctx.db, season);
    const t0 = performance.now();
    const { placements, shortages } = solveRoster(problem, (done, total) =>
      progress('roster.phase.solving', done, total),
    );
    const ms = Math.round(performance.now() - t0);
    const fairness = fairnessOf(problem, placements);
    const saved = shortages.length === 0;
    if (saved) {
      progress('jobs.phase.writing', 0, placements.length);
      await ctx.db.transaction().execute(async (trx) => {
        await trx.deleteFrom('roster_assignments').where('season_id', '=', season.id).execute();
        const at = ctx.now.toISOString();
        const rows = placements.map((p) => ({
          season_id: season.id,
          date: p.date,
          shift: p.shift,
          area_id: p.areaId,
          crew: p.crew,
          staff_id: p.staffId,
          override_reason: null,
          created_at: at,
          created_by: ctx.user.username,
        }));
        for (let i = 0; i < rows.length; i += 500)
          await trx
            .insertInto('roster_assignments')
            .values(rows.slice(i, i + 500))
            .execute();
        await sql`update duty_seasons set updated_at = ${at} where id = ${season.id}`.execute(trx);
        await writeAudit(trx, at, ctx.user, 'roster.generate', [
          {
            entity: 'seasons',
            entityId: season.id,
            summary: `generated ${placements.length} assignments`,
            after: { name: season.name, fairness, ms },
          },
        ]);
      });
    }
    return {
      kind: 'roster.generate',
      outcome: { seasonId: season.id, saved, assigned: saved ? placements.length : 0, shortages, fairness, ms },
    };
  },
};
