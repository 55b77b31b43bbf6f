import { ApiError, type AutoPlanOutcome } from '../../contract';
import type { Handlers } from '../context';
import { currentUser } from '../context';
import { addDays } from '../shared/time';
import { checkDraft } from './trimming.handlers';
import { insertPackage, planRecords, setPackageRecords } from './packages.repository';
import { loadTrimmingContext } from './trimming.repository';
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
    if (job.status !== 'done' || job.result?.kind !== 'trimming.autoPlan')
      throw new ApiError({ code: 'RULE', message: 'trimming.draft.notReady' });
    const draft: AutoPlanOutcome = job.result.outcome;
    if (draft.packages.length === 0) return { created: 0 };
    const s = await loadTrimmingContext(ctx.db);
    // The board may have changed since the draft was made: nothing is written over a rule it now breaks.
    const placements = draft.packages.map((p, i) => ({
      key: `draft-${i}`,
      teamId: p.teamId,
      date: p.date,
      days: p.days,
      method: p.method,
      recordIds: p.recordIds,
    }));
    const hard = (await checkDraft(ctx, placements, s)).filter((v) => HARD_RULES.has(v.rule));
    if (hard.length > 0)
      throw new ApiError({
        code: 'RULE',
        message: 'trimming.draft.stale',
        params: { rules: [...new Set(hard.map((v) => v.rule))].join(','), count: hard.length },
      });
    const at = ctx.now.toISOString();
    for (const p of draft.packages) {
      const lastDate = addDays(p.date, p.days - 1);
      const id = await insertPackage(
        ctx.db,
        {
          team_id: p.teamId,
          date: p.date,
          days: p.days,
          last_date: lastDate,
          line_id: p.lineId,
          method: p.method,
          minutes: p.minutes,
          override_reason: null,
          notes: null,
          updated_at: at,
        },
        user.username,
      );
      await setPackageRecords(ctx.db, id, p.recordIds, []);
      await planRecords(ctx.db, p.recordIds, lastDate, p.teamId, '自动编排：期限已过，尽早安排', at);
      ctx.audit({
        entity: 'packages',
        entityId: id,
        summary: 'package planned by auto plan',
        after: { teamId: p.teamId, date: p.date, lineId: p.lineId, recordIds: p.recordIds },
      });
    }
    ctx.audit({
      entity: 'packages',
      entityId: `${draft.from}–${draft.to}`,
      summary: 'auto plan accepted',
      after: { packages: draft.packages.length, unplaced: draft.unplaced.length, late: draft.late.length },
    });
    return { created: draft.packages.length };
  },
};
