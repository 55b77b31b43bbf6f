import { sql } from 'kysely';
import { ApiError, type AutoPlanOutcome } from '../../contract';
import type { Handlers } from '../context';
import { currentUser } from '../context';
import { loadSettings } from '../settings/settings.repository';
import { addDays } from '../shared/time';
import { checkDraft } from './trimming.handlers';
import { plannerSettings } from './trimming.repository';
import { HARD_RULES } from './trimming.rules';

/** 自动编排 starts as a job; its draft is written only when the planner accepts it, checked once more. */
export const draftHandlers: Handlers<'trimming.autoPlan' | 'trimming.acceptDraft'> = {
  'trimming.autoPlan': async (input, ctx) => {
    const user = currentUser(ctx);
    return { jobId: ctx.runtime.jobs.start('trimming.autoPlan', input, { id: user.userId, username: user.username }) };
  },

  'trimming.acceptDraft': async (input, ctx) => {
    const user = currentUser(ctx);
    const job = ctx.runtime.jobs.get(input.jobId, user.userId);
    if (job.status !== 'done' || job.result?.kind !== 'trimming.autoPlan') throw new ApiError({ code: 'RULE', message: 'trimming.draft.notReady' });
    const draft: AutoPlanOutcome = job.result.outcome;
    if (draft.packages.length === 0) return { created: 0 };
    const s = plannerSettings(await loadSettings(ctx.db));
    // The board may have changed since the draft was made: nothing is written over a rule it now breaks.
    const placements = draft.packages.map((p, i) => ({ key: `draft-${i}`, teamId: p.teamId, date: p.date, days: p.days, method: p.method, recordIds: p.recordIds }));
    const hard = (await checkDraft(ctx, placements, s)).filter((v) => HARD_RULES.has(v.rule));
    if (hard.length > 0) throw new ApiError({ code: 'RULE', message: 'trimming.draft.stale', params: { rules: [...new Set(hard.map((v) => v.rule))].join(','), count: hard.length } });
    const at = ctx.now.toISOString();
    for (const p of draft.packages) {
      const lastDate = addDays(p.date, p.days - 1);
      const { id } = await ctx.db
        .insertInto('work_packages')
        .values({ team_id: p.teamId, date: p.date, days: p.days, last_date: lastDate, line_id: p.lineId, method: p.method, status: 'planned', minutes: p.minutes, created_by: user.username, created_at: at, updated_at: at, override_reason: null, notes: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      await ctx.db.insertInto('work_package_records').values(p.recordIds.map((record_id) => ({ package_id: id, record_id, notified_on: null, distance_after: null }))).execute();
      await ctx.db
        .updateTable('vegetation_records')
        .set({
          planned_date: lastDate,
          team_id: p.teamId,
          status: sql`case when status = 'unscheduled' then 'scheduled' else status end`,
          late_reason: sql`case when deadline is not null and deadline < ${lastDate} then ${'自动编排：期限已过，尽早安排'} else null end`,
          version: sql`version + 1`,
          updated_at: at,
        })
        .where('id', 'in', p.recordIds)
        .execute();
      ctx.audit({ entity: 'packages', entityId: id, summary: 'package planned by auto plan', after: { teamId: p.teamId, date: p.date, lineId: p.lineId, recordIds: p.recordIds } });
    }
    ctx.audit({ entity: 'packages', entityId: `${draft.from}–${draft.to}`, summary: 'auto plan accepted', after: { packages: draft.packages.length, unplaced: draft.unplaced.length, late: draft.late.length } });
    return { created: draft.packages.length };
  },
};
