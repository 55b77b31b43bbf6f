import { notFound } from '../../contract';
import type { Handlers } from '../context';
import { currentUser } from '../context';
import { requireLive } from '../shared/references';
import { updateVersioned } from '../shared/versioned';
import { calendarDays, loadTeams } from './trimming.repository';

/** Teams' capacity, townships and days away; the office calendar (法定节假日, 调休 workdays). */
export const teamHandlers: Handlers<'trimming.teams' | 'trimming.saveTeam' | 'trimming.saveUnavailability' | 'trimming.deleteUnavailability' | 'calendar.list' | 'calendar.save' | 'calendar.delete'> = {
  'trimming.teams': async (_input, ctx) => ({ teams: await loadTeams(ctx.db) }),

  'trimming.saveTeam': async (input, ctx) => {
    const before = (await loadTeams(ctx.db, [input.teamId]))[0];
    if (!before) throw notFound('teams', input.teamId);
    for (const id of input.townshipIds) await requireLive(ctx.db, 'townships', id, 'townshipIds');
    await updateVersioned(ctx.db, 'teams', input.teamId, input.version, { hours_per_day: input.hoursPerDay, crew_size: input.crewSize, updated_at: ctx.now.toISOString() }, async () => (await loadTeams(ctx.db, [input.teamId]))[0]);
    await ctx.db.deleteFrom('team_townships').where('team_id', '=', input.teamId).execute();
    const townships = [...new Set(input.townshipIds)];
    if (townships.length) await ctx.db.insertInto('team_townships').values(townships.map((township_id) => ({ team_id: input.teamId, township_id }))).execute();
    const after = (await loadTeams(ctx.db, [input.teamId]))[0]!;
    ctx.audit({ entity: 'teams', entityId: input.teamId, summary: 'capacity and townships', before, after });
    return after;
  },

  'trimming.saveUnavailability': async (input, ctx) => {
    const user = currentUser(ctx);
    await requireLive(ctx.db, 'teams', input.teamId, 'teamId');
    const row = await ctx.db
      .insertInto('team_unavailability')
      .values({ team_id: input.teamId, from_date: input.fromDate, to_date: input.toDate, reason: input.reason, created_at: ctx.now.toISOString(), created_by: user.username })
      .returningAll()
      .executeTakeFirstOrThrow();
    const out = { id: row.id, teamId: row.team_id, fromDate: row.from_date, toDate: row.to_date, reason: row.reason };
    ctx.audit({ entity: 'teams', entityId: input.teamId, summary: 'team away', after: out });
    return out;
  },

  'trimming.deleteUnavailability': async (input, ctx) => {
    const row = await ctx.db.deleteFrom('team_unavailability').where('id', '=', input.id).returningAll().executeTakeFirst();
    if (!row) throw notFound('teamUnavailability', input.id);
    ctx.audit({ entity: 'teams', entityId: row.team_id, summary: 'team away removed', before: row });
    return { ok: true as const };
  },

  'calendar.list': async (input, ctx) => ({ days: await calendarDays(ctx.db, `${input.year}-01-01`, `${input.year}-12-31`) }),

  'calendar.save': async (input, ctx) => {
    const user = currentUser(ctx);
    const values = { kind: input.kind, name: input.name, updated_at: ctx.now.toISOString(), updated_by: user.username };
    await ctx.db.insertInto('office_calendar').values({ date: input.date, ...values }).onConflict((oc) => oc.column('date').doUpdateSet(values)).execute();
    ctx.audit({ entity: 'calendar', entityId: input.date, summary: input.kind === 'holiday' ? 'holiday' : 'working day', after: { name: input.name } });
    return { date: input.date, kind: input.kind, name: input.name };
  },

  'calendar.delete': async (input, ctx) => {
    const row = await ctx.db.deleteFrom('office_calendar').where('date', '=', input.date).returningAll().executeTakeFirst();
    if (!row) throw notFound('calendar', input.date);
    ctx.audit({ entity: 'calendar', entityId: input.date, summary: 'calendar day removed', before: row });
    return { ok: true as const };
  },
};
