import { writeFileSync } from 'node:fs';
import {
  AREA_TYPES,
  ApiError,
  PROMISE_PRESETS,
  labelText,
  notFound,
  type ParsedInputOf,
  type RosterView,
  type Violation,
} from '../../contract';
import { currentUser, type HandlerContext, type Handlers } from '../context';
import { fieldError, requireLive } from '../shared/references';
import { deleteToBin } from '../shared/soft-delete';
import { saveVersioned } from '../shared/versioned';
import { checkRoster, fairnessOf, type Placement } from './roster.rules';
import {
  areaNameTaken,
  assignmentsOutside,
  findArea,
  findSeason,
  insertAssignment,
  listAreas,
  listSeasons,
  loadAssignments,
  loadProblem,
  publishSeason,
  publishedOf,
  removeAssignment,
  seasonOfAssignment,
  setAreaPromise,
} from './roster.repository';
import { findAbsence, listAbsences } from './absences.repository';
import { rosterWorkbook } from './roster.workbook';

type Methods =
  | 'repairAreas.list'
  | 'repairAreas.save'
  | 'repairAreas.delete'
  | 'repairAreas.applyPreset'
  | 'seasons.list'
  | 'seasons.save'
  | 'seasons.delete'
  | 'absences.list'
  | 'absences.save'
  | 'absences.delete'
  | 'roster.get'
  | 'roster.generate'
  | 'roster.check'
  | 'roster.assign'
  | 'roster.unassign'
  | 'roster.publish'
  | 'roster.export';

const placementOf = (a: { date: string; shift: string; areaId: number; crew: number; staffId: number }): Placement => ({
  date: a.date,
  shift: a.shift,
  areaId: a.areaId,
  crew: a.crew,
  staffId: a.staffId,
});
const violationKey = (v: Violation) => JSON.stringify([v.rule, v.date, v.shift, v.areaId, v.crew, v.staffId]);
const samePlacement = (a: Placement, b: Placement) =>
  a.date === b.date && a.shift === b.shift && a.areaId === b.areaId && a.crew === b.crew && a.staffId === b.staffId;

async function requireSeason(ctx: HandlerContext, id: number) {
  const season = await findSeason(ctx.db, id);
  if (!season) throw notFound('seasons', id);
  return season;
}

/** The violations a change adds to the season's roster (those already there are not its fault). */
async function judgeChange(ctx: HandlerContext, seasonId: number, remove: number | undefined, add: Placement | null) {
  const season = await requireSeason(ctx, seasonId);
  const { problem } = await loadProblem(ctx.db, season);
  const current = await loadAssignments(ctx.db, seasonId);
  if (remove !== undefined && !current.some((a) => a.id === remove)) throw notFound('roster', remove);
  if (add) {
    if (add.date < season.startDate || add.date > season.endDate)
      throw fieldError('date', 'roster.errors.outsideSeason');
    if (!season.shifts.some((s) => s.code === add.shift)) throw fieldError('shift', 'roster.errors.unknownShift');
    if (!(await findArea(ctx.db, add.areaId))) throw fieldError('areaId', 'validation.reference_missing');
    await requireLive(ctx.db, 'staff', add.staffId, 'staffId');
    if (current.some((a) => a.id !== remove && samePlacement(placementOf(a), add)))
      throw fieldError('staffId', 'roster.errors.alreadyThere');
  }
  const before = current.map(placementOf);
  const after = current
    .filter((a) => a.id !== remove)
    .map(placementOf)
    .concat(add ? [add] : []);
  const known = new Set(checkRoster(problem, before).map(violationKey));
  return { season, current, violations: checkRoster(problem, after).filter((v) => !known.has(violationKey(v))) };
}

function needsReason(violations: Violation[], reason: string | null | undefined) {
  if (violations.length && !reason) {
    throw new ApiError({ code: 'RULE', message: 'roster.errors.needsOverride', params: { count: violations.length } });
  }
}

/** The season's roster with every hard rule checked, fairness, and changes since publishing. */
async function rosterView(ctx: HandlerContext, seasonId: number): Promise<RosterView> {
  const season = await requireSeason(ctx, seasonId);
  const { problem, areas, candidates } = await loadProblem(ctx.db, season);
  const assignments = await loadAssignments(ctx.db, season.id);
  const placements = assignments.map(placementOf);
  const published = await publishedOf(ctx.db, season.id);
  const names = new Map(candidates.map((c) => [c.id, c.name]));
  const changes =
    season.publishedVersion === 0
      ? []
      : [
          ...placements
            .filter((p) => !published.some((q) => samePlacement(p, q)))
            .map((p) => ({ change: 'added' as const, ...p })),
          ...published
            .filter((p) => !placements.some((q) => samePlacement(p, q)))
            .map((p) => ({ change: 'removed' as const, ...p })),
        ].map(({ staffId, ...c }) => ({ ...c, staffName: names.get(staffId) ?? String(staffId) }));
  return {
    season,
    areas,
    people: candidates.map((c) => {
      const judged = problem.people.find((p) => p.id === c.id)!;
      const first = problem.days.find((d) => judged.ineligible.has(d));
      const why = first ? judged.ineligible.get(first)! : null;
      return {
        id: c.id,
        name: c.name,
        employeeNo: c.employeeNo,
        phone: c.phone,
        skills: c.skills,
        teamName: c.teamName,
        eligibleDays: problem.days.length - judged.ineligible.size,
        unavailable: first && why ? { date: first, key: why.key, ...(why.params ? { params: why.params } : {}) } : null,
      };
    }),
    assignments,
    violations: checkRoster(problem, placements),
    fairness: fairnessOf(problem, placements),
    rules: problem.rules,
    changes,
  };
}

export const rosterHandlers: Handlers<Methods> = {
  'repairAreas.list': async (_input, ctx) => ({ rows: await listAreas(ctx.db) }),

  'repairAreas.save': async (input, ctx) => {
    if (await areaNameTaken(ctx.db, input.name, input.id)) throw fieldError('name', 'validation.duplicate');
    const before = input.id === undefined ? undefined : await findArea(ctx.db, input.id);
    const id = await saveVersioned(
      ctx,
      'repair_areas',
      input,
      {
        name: input.name,
        kind: input.kind,
        arrival_minutes: input.arrivalMinutes,
        restore_minutes: input.restoreMinutes ?? null,
        crews_per_shift: input.crewsPerShift,
        peak_extra_crews: input.peakExtraCrews,
        sort: input.sort,
      },
      () => findArea(ctx.db, input.id!),
    );
    const after = (await findArea(ctx.db, id))!;
    ctx.audit({ entity: 'repairAreas', entityId: id, summary: before ? 'updated' : 'created', before, after });
    return after;
  },

  'repairAreas.delete': (input, ctx) => deleteToBin(ctx, 'repair_areas', 'repairAreas', input.ids),

  /**
   * Sets every area's promise from a preset by its kind (城区/农村/偏远山区). An office with no areas
   * yet — when a preset is most needed — gets the three, one per kind, with the preset's promises.
   */
  'repairAreas.applyPreset': async (input, ctx) => {
    const preset = PROMISE_PRESETS[input.preset];
    const existing = await listAreas(ctx.db);
    if (existing.length === 0) {
      for (const [sort, kind] of AREA_TYPES.entries()) {
        const p = preset[kind];
        const values = {
          name: labelText('zh-CN', `reference.areaTypes.${kind}`),
          kind,
          arrival_minutes: p.arrival,
          restore_minutes: p.restore,
          crews_per_shift: 1,
          peak_extra_crews: 0,
          sort: sort + 1,
        };
        const id = await saveVersioned(ctx, 'repair_areas', {}, values, async () => undefined);
        ctx.audit({
          entity: 'repairAreas',
          entityId: id,
          summary: `created from promise preset ${input.preset}`,
          after: await findArea(ctx.db, id),
        });
      }
      return { rows: await listAreas(ctx.db) };
    }
    for (const area of existing) {
      const p = preset[area.kind];
      await setAreaPromise(ctx.db, area.id, p, ctx.now.toISOString());
      ctx.audit({
        entity: 'repairAreas',
        entityId: area.id,
        summary: `promise preset ${input.preset}`,
        before: area,
        after: { arrivalMinutes: p.arrival, restoreMinutes: p.restore },
      });
    }
    return { rows: await listAreas(ctx.db) };
  },

  'seasons.list': async (_input, ctx) => ({ rows: await listSeasons(ctx.db) }),

  'seasons.save': async (input, ctx) => {
    const before = input.id === undefined ? undefined : await findSeason(ctx.db, input.id);
    if (before && (before.startDate !== input.startDate || before.endDate !== input.endDate)) {
      // Assignments outside the new dates would be lost without a word: refuse instead.
      if (await assignmentsOutside(ctx.db, before.id, input.startDate, input.endDate))
        throw fieldError('startDate', 'roster.errors.assignmentsOutside');
    }
    const id = await saveVersioned(
      ctx,
      'duty_seasons',
      input,
      {
        name: input.name,
        kind: input.kind,
        start_date: input.startDate,
        end_date: input.endDate,
        shifts_json: JSON.stringify(input.shifts),
        peak_days_json: JSON.stringify([...new Set(input.peakDays)].sort()),
        notes: input.notes || null,
      },
      () => findSeason(ctx.db, input.id!),
    );
    const after = (await findSeason(ctx.db, id))!;
    ctx.audit({ entity: 'seasons', entityId: id, summary: before ? 'updated' : 'created', before, after });
    return after;
  },

  'seasons.delete': (input, ctx) => deleteToBin(ctx, 'duty_seasons', 'seasons', input.ids),

  'absences.list': async (input, ctx) => listAbsences(ctx.db, input),

  'absences.save': async (input, ctx) => {
    await requireLive(ctx.db, 'staff', input.staffId, 'staffId');
    const before = input.id === undefined ? undefined : await findAbsence(ctx.db, input.id);
    const id = await saveVersioned(
      ctx,
      'staff_absences',
      input,
      {
        staff_id: input.staffId,
        kind: input.kind,
        from_date: input.fromDate,
        to_date: input.toDate,
        notes: input.notes || null,
      },
      () => findAbsence(ctx.db, input.id!),
    );
    const after = (await findAbsence(ctx.db, id))!;
    ctx.audit({ entity: 'absences', entityId: id, summary: before ? 'updated' : 'created', before, after });
    return after;
  },

  'absences.delete': (input, ctx) => deleteToBin(ctx, 'staff_absences', 'absences', input.ids),

  'roster.get': async (input, ctx) => rosterView(ctx, input.seasonId),

  'roster.export': async (input, ctx) => {
    const view = await rosterView(ctx, input.seasonId);
    const name = `${view.season.name}值班表.xlsx`;
    const file = ctx.runtime.files.reserve(currentUser(ctx).userId, name);
    writeFileSync(file.path, await rosterWorkbook(view));
    return { fileId: ctx.runtime.files.publish(file).id, name };
  },

  'roster.generate': async (input, ctx) => {
    const season = await requireSeason(ctx, input.seasonId);
    if (season.publishedVersion > 0) throw new ApiError({ code: 'RULE', message: 'roster.errors.publishedNoGenerate' });
    const user = currentUser(ctx);
    ctx.audit({ entity: 'seasons', entityId: season.id, summary: 'generation started' });
    const done = () =>
      ctx.runtime.changes.record(['roster'], user.username, new Date(), ctx.session?.tokenHash ?? null);
    return {
      jobId: ctx.runtime.jobs.start(
        'roster.generate',
        { seasonId: season.id },
        { id: user.userId, username: user.username },
        done,
      ),
    };
  },

  'roster.check': async (input, ctx) => ({
    violations: (await judgeChange(ctx, input.seasonId, input.moveFrom, placementOf(input))).violations,
  }),

  'roster.assign': async (input: ParsedInputOf<'roster.assign'>, ctx) => {
    const add = placementOf(input);
    const { current, violations } = await judgeChange(ctx, input.seasonId, input.moveFrom, add);
    needsReason(violations, input.overrideReason);
    const moved = input.moveFrom === undefined ? undefined : current.find((a) => a.id === input.moveFrom);
    if (moved) await removeAssignment(ctx.db, moved.id);
    const reason = violations.length ? input.overrideReason! : null;
    const id = await insertAssignment(ctx.db, {
      season_id: input.seasonId,
      date: add.date,
      shift: add.shift,
      area_id: add.areaId,
      crew: add.crew,
      staff_id: add.staffId,
      override_reason: reason,
      created_at: ctx.now.toISOString(),
      created_by: currentUser(ctx).username,
    });
    ctx.audit({
      entity: 'roster',
      entityId: id,
      summary: reason ? `override: ${reason}` : moved ? 'moved' : 'assigned',
      before: moved,
      after: { ...add, violations },
    });
    return { violations };
  },

  'roster.unassign': async (input, ctx) => {
    const seasonId = await seasonOfAssignment(ctx.db, input.id);
    if (seasonId === undefined) throw notFound('roster', input.id);
    const { current, violations } = await judgeChange(ctx, seasonId, input.id, null);
    needsReason(violations, input.overrideReason);
    await removeAssignment(ctx.db, input.id);
    ctx.audit({
      entity: 'roster',
      entityId: input.id,
      summary: violations.length ? `override: ${input.overrideReason}` : 'removed',
      before: current.find((a) => a.id === input.id),
      after: { violations },
    });
    return { violations };
  },

  'roster.publish': async (input, ctx) => {
    const season = await requireSeason(ctx, input.seasonId);
    const placements = (await loadAssignments(ctx.db, season.id)).map(placementOf);
    if (placements.length === 0) throw new ApiError({ code: 'RULE', message: 'roster.errors.nothingToPublish' });
    await publishSeason(ctx.db, season.id, placements, ctx.now.toISOString());
    const after = (await findSeason(ctx.db, season.id))!;
    ctx.audit({
      entity: 'seasons',
      entityId: season.id,
      summary: `published version ${after.publishedVersion}`,
      after: { name: season.name, assignments: placements.length },
    });
    return after;
  },
};
