import { notFound } from '../../contract';
import type { Handlers } from '../context';
import { currentUser } from '../context';
import { requireLive } from '../shared/references';
import { updateVersioned } from '../shared/versioned';
import {
  addTeamAway,
  removeCalendarDay,
  removeTeamAway,
  saveCalendarDay,
  setTeamTownships,
} from './calendar.repository';
import { calendarDays, loadTeams } from './trimming.repository';

/** Teams' capacity, townships and days away; the office calendar (法定节假日, 调休 workdays). */
export const teamHandlers: Handlers<
  | 'trimming.teams'
  | 'trimming.saveTeam'
  | 'trimming.saveUnavailability'
  | 'trimming.deleteUnavailability'
  | 'calendar.list'
  | 'calendar.save'
  | 'calendar.delete'
> = {
  'trimming.teams': async (_input, ctx) => ({ teams: await loadTeams(ctx.db) }),

  'trimming.saveTeam': async (input, ctx) => {
    const before = (await loadTeams(ctx.db, [input.teamId]))[0];
    if (!before) throw notFound('teams', input.teamId);
    for (const id of input.townshipIds) await requireLive(ctx.db, 'townships', id, 'townshipIds');
    await updateVersioned(
      ctx.db,
      'teams',
      input.teamId,
      input.version,
      { hours_per_day: input.hoursPerDay, crew_size: input.crewSize, updated_at: ctx.now.toISOString() },
      async () => (await loadTeams(ctx.db, [input.teamId]))[0],
    );
    await setTeamTownships(ctx.db, input.teamId, [...new Set(input.townshipIds)]);
    const after = (await loadTeams(ctx.db, [input.teamId]))[0]!;
    ctx.audit({ entity: 'teams', entityId: input.teamId, summary: 'capacity and townships', before, after });
    return after;
  },

  'trimming.saveUnavailability': async (input, ctx) => {
    const user = currentUser(ctx);
    await requireLive(ctx.db, 'teams', input.teamId, 'teamId');
    const row = await addTeamAway(ctx.db, input, ctx.now.toISOString(), user.username);
    const out = { id: row.id, teamId: row.team_id, fromDate: row.from_date, toDate: row.to_date, reason: row.reason };
    ctx.audit({ entity: 'teams', entityId: input.teamId, summary: 'team away', after: out });
    return out;
  },

  'trimming.deleteUnavailability': async (input, ctx) => {
    const row = await removeTeamAway(ctx.db, input.id);
    if (!row) throw notFound('teamUnavailability', input.id);
    ctx.audit({ entity: 'teams', entityId: row.team_id, summary: 'team away removed', before: row });
    return { ok: true as const };
  },

  'calendar.list': async (input, ctx) => ({
    days: await calendarDays(ctx.db, `${input.year}-01-01`, `${input.year}-12-31`),
  }),

  'calendar.save': async (input, ctx) => {
    const user = currentUser(ctx);
    await saveCalendarDay(ctx.db, input, ctx.now.toISOString(), user.username);
    ctx.audit({
      entity: 'calendar',
      entityId: input.date,
      summary: input.kind === 'holiday' ? 'holiday' : 'working day',
      after: { name: input.name },
    });
    return { date: input.date, kind: input.kind, name: input.name };
  },

  'calendar.delete': async (input, ctx) => {
    const row = await removeCalendarDay(ctx.db, input.date);
    if (!row) throw notFound('calendar', input.date);
    ctx.audit({ entity: 'calendar', entityId: input.date, summary: 'calendar day removed', before: row });
    return { ok: true as const };
  },
};
