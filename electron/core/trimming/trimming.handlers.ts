import { ApiError, notFound, type PackageRow, type ParsedInputOf, type PlanViolation } from '../../contract';
import type { HandlerContext, Handlers } from '../context';
import { currentUser } from '../context';
import { loadSettings } from '../settings/settings.repository';
import { fieldError, requireLive } from '../shared/references';
import { addDays } from '../shared/time';
import { updateVersioned } from '../shared/versioned';
import { hazardDeadline, judgeClearance, nextDueDate, type LineClass } from '../vegetation/vegetation.rules';
import {
  backlog,
  calendarDays,
  loadTeams,
  nextOrderNo,
  packagesBetween,
  packagesById,
  packagesHolding,
  loadTrimmingContext,
  recordsById,
  toPlacement,
  worldFor,
  type PlannerSettings,
} from './trimming.repository';
import { outagesBetween, toOutageRow } from './outages.repository';
import {
  checkPlacement,
  checkPlan,
  daysOf,
  isWorkingDay,
  loadsOf,
  placementMinutes,
  type Placement,
} from './trimming.rules';
import { monthRow } from './trimming.month';
import {
  finishRecord,
  insertPackage,
  issueOrder,
  markNotified,
  packagesGrid,
  planRecords,
  recordDistanceAfter,
  releaseRecords,
  returnRecord,
  setPackageRecords,
} from './packages.repository';

type Methods =
  | 'trimming.board'
  | 'trimming.backlog'
  | 'trimming.check'
  | 'trimming.savePackage'
  | 'trimming.cancelPackage'
  | 'trimming.package'
  | 'trimming.packages'
  | 'trimming.markNotified'
  | 'trimming.issueOrder'
  | 'trimming.recordDone'
  | 'trimming.accept';

const settingsOf = async (ctx: HandlerContext) => await loadTrimmingContext(ctx.db);

/** A package as stored, with the rules it breaks among the packages around it now. */
async function withViolations(
  ctx: HandlerContext,
  rows: Omit<PackageRow, 'violations'>[],
  s: PlannerSettings,
): Promise<PackageRow[]> {
  if (rows.length === 0) return [];
  const from = rows.map((r) => r.date).sort()[0]!;
  const to = rows
    .map((r) => r.lastDate)
    .sort()
    .at(-1)!;
  const around = await packagesBetween(ctx.db, from, to, s);
  const placements = around.map(toPlacement);
  const world = await worldFor(ctx.db, [...placements, ...rows.map(toPlacement)], s, ctx.today);
  return rows.map((r) => ({
    ...r,
    violations:
      r.status === 'cancelled' || r.status === 'accepted' ? [] : checkPlacement(toPlacement(r), placements, world),
  }));
}

async function onePackage(ctx: HandlerContext, id: number, s: PlannerSettings): Promise<PackageRow> {
  const [row] = await packagesById(ctx.db, [id], s);
  if (!row) throw notFound('packages', id);
  return (await withViolations(ctx, [row], s))[0]!;
}

/** The placement an input describes, and the packages it must be checked against. */
async function placementOf(ctx: HandlerContext, input: ParsedInputOf<'trimming.check'>, s: PlannerSettings) {
  const placement: Placement = {
    key: input.id ?? 'new',
    teamId: input.teamId,
    date: input.date,
    days: input.days,
    method: input.method,
    recordIds: [...new Set(input.recordIds)],
  };
  const last = addDays(input.date, input.days - 1);
  const others = [
    ...(await packagesBetween(ctx.db, input.date, last, s, input.teamId)),
    ...(await packagesHolding(ctx.db, placement.recordIds, s)),
  ].map(toPlacement);
  const unique = [...new Map(others.map((o) => [o.key, o])).values()];
  const world = await worldFor(ctx.db, [...unique, placement], s, ctx.today);
  return { placement, others: unique, world };
}

/** Records that cannot go into a package at all: gone, or done. (Rule breaks are the checker's.) */
function requirePlannable(records: Awaited<ReturnType<typeof recordsById>>, ids: number[]) {
  const found = new Map(records.map((r) => [r.id, r]));
  for (const id of ids) {
    const r = found.get(id);
    if (!r) throw fieldError('recordIds', 'trimming.package.recordMissing', { id });
    if (r.status === 'done') throw fieldError('recordIds', 'trimming.package.recordDone', { id });
  }
  const lines = new Set(records.map((r) => r.line_id));
  if (lines.size > 1) throw fieldError('recordIds', 'trimming.package.oneLine');
  return records[0]!.line_id;
}

/** Packages as a list: by status, team, days; late ones; ones whose landowners must be told now. */
export async function packagesList(ctx: HandlerContext, req: ParsedInputOf<'trimming.packages'>) {
  const lead = req.noticesDue ? (await settingsOf(ctx)).noticeLeadDays : 0;
  return packagesGrid(ctx.db, req, ctx.today, lead);
}

const ruleList = (violations: PlanViolation[]) => [...new Set(violations.map((v) => v.rule))].join(',');

export const trimmingHandlers: Handlers<Methods> = {
  'trimming.board': async (input, ctx) => {
    const s = await settingsOf(ctx);
    const [teams, calendar, rows, windows, month] = await Promise.all([
      loadTeams(ctx.db),
      calendarDays(ctx.db, input.from, input.to),
      packagesBetween(ctx.db, input.from, input.to, s),
      outagesBetween(ctx.db, input.from, input.to),
      monthRow(ctx, input.from.slice(0, 7)),
    ]);
    const holidays = new Map(calendar.filter((d) => d.kind === 'holiday').map((d) => [d.date, d.name]));
    const cal = { holidays, workdays: new Set(calendar.filter((d) => d.kind === 'workday').map((d) => d.date)) };
    const days: { date: string; working: boolean; holiday: string | null }[] = [];
    for (let d = input.from; d <= input.to; d = addDays(d, 1))
      days.push({ date: d, working: isWorkingDay(d, cal), holiday: holidays.get(d) ?? null });
    const placements = rows.map(toPlacement);
    const world = await worldFor(ctx.db, placements, s, ctx.today);
    const packages = rows.map((r) => ({
      ...r,
      violations: r.status === 'accepted' ? [] : checkPlacement(toPlacement(r), placements, world),
    }));
    const loads = loadsOf(placements, world);
    return {
      days,
      teams,
      packages,
      loads: teams.flatMap((t) =>
        days.map((d) => ({
          teamId: t.id,
          date: d.date,
          minutes: Math.round(loads.get(`${t.id}|${d.date}`) ?? 0),
          capacity: t.capacity,
        })),
      ),
      windows: windows.map((w) => toOutageRow(w, ctx.today, s.outageNoticeDays)),
      month: month.status === 'draft' && month.packages === 0 ? null : month,
    };
  },

  'trimming.backlog': async (input, ctx) => backlog(ctx.db, input, await settingsOf(ctx)),

  'trimming.check': async (input, ctx) => {
    const s = await settingsOf(ctx);
    const { placement, others, world } = await placementOf(ctx, input, s);
    return { violations: checkPlacement(placement, others, world), minutes: placementMinutes(placement, world) };
  },

  'trimming.savePackage': async (input, ctx) => {
    const user = currentUser(ctx);
    const s = await settingsOf(ctx);
    await requireLive(ctx.db, 'teams', input.teamId, 'teamId');
    const ids = [...new Set(input.recordIds)];
    const lineId = requirePlannable(await recordsById(ctx.db, ids), ids);
    const before = input.id === undefined ? undefined : (await packagesById(ctx.db, [input.id], s))[0];
    if (input.id !== undefined && (!before || before.status === 'cancelled')) throw notFound('packages', input.id);
    if (before && !['planned', 'notified'].includes(before.status))
      throw new ApiError({ code: 'RULE', message: 'trimming.package.started' });
    const { placement, others, world } = await placementOf(ctx, input, s);
    const violations = checkPlacement(placement, others, world);
    // A placement that breaks a rule is saved only as an override, with the reason in the audit log.
    if (violations.length > 0 && !input.overrideReason) {
      throw new ApiError({
        code: 'RULE',
        message: 'trimming.package.needsOverride',
        params: { rules: ruleList(violations) },
        issues: [{ path: ['overrideReason'], message: 'trimming.package.needsOverride' }],
      });
    }
    const at = ctx.now.toISOString();
    const values = {
      team_id: input.teamId,
      date: input.date,
      days: input.days,
      last_date: addDays(input.date, input.days - 1),
      line_id: lineId,
      method: input.method,
      minutes: Math.round(placementMinutes(placement, world)),
      override_reason: violations.length > 0 ? (input.overrideReason ?? null) : null,
      notes: input.notes ?? null,
      updated_at: at,
    };
    let id: number;
    if (!before) {
      id = await insertPackage(ctx.db, values, user.username);
    } else {
      id = before.id;
      await updateVersioned(ctx.db, 'work_packages', id, input.version, values, () => onePackage(ctx, id, s));
    }
    const kept = new Set(ids);
    const dropped = (before?.records ?? []).map((r) => r.id).filter((r) => !kept.has(r));
    await setPackageRecords(
      ctx.db,
      id,
      ids.filter((r) => !(before?.records ?? []).some((x) => x.id === r)),
      dropped,
    );
    await releaseRecords(ctx.db, dropped, at);
    await planRecords(ctx.db, ids, values.last_date, input.teamId, values.override_reason, at);
    const saved = await onePackage(ctx, id, s);
    ctx.audit({
      entity: 'packages',
      entityId: id,
      summary: before ? 'package changed' : 'package planned',
      before,
      after: saved,
    });
    if (violations.length > 0)
      ctx.audit({
        entity: 'packages',
        entityId: id,
        summary: 'plan rule overridden',
        after: { reason: input.overrideReason, violations },
      });
    for (const r of ids)
      ctx.audit({
        entity: 'vegetation',
        entityId: r,
        summary: 'planned in package',
        after: { packageId: id, date: input.date, teamId: input.teamId },
      });
    return { package: saved };
  },

  'trimming.cancelPackage': async (input, ctx) => {
    const s = await settingsOf(ctx);
    const before = (await packagesById(ctx.db, [input.id], s))[0];
    if (!before || before.status === 'cancelled') throw notFound('packages', input.id);
    if (!['planned', 'notified'].includes(before.status))
      throw new ApiError({ code: 'RULE', message: 'trimming.package.started' });
    await updateVersioned(
      ctx.db,
      'work_packages',
      input.id,
      input.version,
      { status: 'cancelled', cancel_reason: input.reason, updated_at: ctx.now.toISOString() },
      () => onePackage(ctx, input.id, s),
    );
    await releaseRecords(
      ctx.db,
      before.records.map((r) => r.id),
      ctx.now.toISOString(),
    );
    ctx.audit({
      entity: 'packages',
      entityId: input.id,
      summary: 'package cancelled',
      before,
      after: { reason: input.reason },
    });
    return { package: await onePackage(ctx, input.id, s) };
  },

  'trimming.package': async (input, ctx) => onePackage(ctx, input.id, await settingsOf(ctx)),

  'trimming.packages': (input, ctx) => packagesList(ctx, input),

  'trimming.markNotified': async (input, ctx) => {
    const s = await settingsOf(ctx);
    const rows = (await packagesById(ctx.db, input.packageIds, s)).filter((p) => p.status !== 'cancelled');
    let records = 0;
    for (const p of rows) {
      const ids = p.records.filter((r) => r.landowner && !r.notifiedOn).map((r) => r.id);
      await markNotified(ctx.db, p.id, ids, input.date, p.status === 'planned', ctx.now.toISOString());
      records += ids.length;
      ctx.audit({
        entity: 'packages',
        entityId: p.id,
        summary: 'landowners notified',
        after: { date: input.date, records: ids },
      });
    }
    return { records, packages: rows.length };
  },

  'trimming.issueOrder': async (input, ctx) => {
    const s = await settingsOf(ctx);
    const before = (await packagesById(ctx.db, [input.id], s))[0];
    if (!before || before.status === 'cancelled') throw notFound('packages', input.id);
    const orderNo = before.orderNo ?? (await nextOrderNo(ctx.db, before.date));
    const moves = before.status === 'planned' || before.status === 'notified';
    await issueOrder(
      ctx.db,
      input.id,
      orderNo,
      before.records.map((r) => r.id),
      moves,
      ctx.now.toISOString(),
    );
    ctx.audit({
      entity: 'packages',
      entityId: input.id,
      summary: before.orderNo ? 'work order reprinted' : 'work order issued',
      after: { orderNo, printed: before.ordersPrinted + 1 },
    });
    return { package: await onePackage(ctx, input.id, s), reprint: before.orderNo !== null };
  },

  'trimming.recordDone': async (input, ctx) => {
    const s = await settingsOf(ctx);
    const settings = await loadSettings(ctx.db);
    const before = (await packagesById(ctx.db, [input.id], s))[0];
    if (!before || before.status === 'cancelled') throw notFound('packages', input.id);
    if (before.status === 'accepted') throw new ApiError({ code: 'RULE', message: 'trimming.package.accepted' });
    const inPackage = new Set(before.records.map((r) => r.id));
    for (const [i, r] of input.results.entries())
      if (!inPackage.has(r.recordId))
        throw new ApiError({
          code: 'VALIDATION',
          message: 'trimming.package.recordMissing',
          params: { id: r.recordId },
          issues: [
            { path: ['results', i, 'recordId'], message: 'trimming.package.recordMissing', params: { id: r.recordId } },
          ],
        });
    const missing = before.records.filter((r) => !input.results.some((x) => x.recordId === r.id));
    if (missing.length)
      throw new ApiError({
        code: 'VALIDATION',
        message: 'trimming.package.resultMissing',
        params: { id: missing[0]!.id },
        issues: [{ path: ['results'], message: 'trimming.package.resultMissing', params: { id: missing[0]!.id } }],
      });
    await updateVersioned(
      ctx.db,
      'work_packages',
      input.id,
      input.version,
      { status: 'awaiting_acceptance', done_date: input.doneDate, updated_at: ctx.now.toISOString() },
      () => onePackage(ctx, input.id, s),
    );
    const rows = new Map((await recordsById(ctx.db, [...inPackage])).map((r) => [r.id, r]));
    const backToBacklog: { recordId: number; grade: 'emergency' | 'major' | 'general' }[] = [];
    for (const result of input.results) {
      const r = rows.get(result.recordId)!;
      const line: LineClass = {
        voltage: r.voltage as LineClass['voltage'],
        conductor: r.conductor as LineClass['conductor'],
      };
      // The distance after the work is judged by the same rule as the hazard itself.
      const judged = judgeClearance(
        line,
        r.tree_class as 'general',
        { vertical: result.distanceAfter, horizontal: null },
        settings,
      )!;
      await recordDistanceAfter(ctx.db, input.id, r.id, result.distanceAfter);
      if (judged.grade === 'general') {
        const cycleNext = nextDueDate('done', input.doneDate, r.species, settings)!;
        await finishRecord(
          ctx.db,
          r.id,
          { doneDate: input.doneDate, distanceAfter: result.distanceAfter, next: cycleNext },
          ctx.now.toISOString(),
        );
        ctx.audit({
          entity: 'vegetation',
          entityId: r.id,
          summary: 'done in package',
          after: { packageId: input.id, distanceAfter: result.distanceAfter, nextDueDate: cycleNext },
        });
      } else {
        // Still inside the minimum plus margin: not accepted; back to the backlog with its new grade, found again that day.
        const deadline = hazardDeadline(judged.grade, input.doneDate, null, r.species, settings);
        await returnRecord(
          ctx.db,
          input.id,
          r.id,
          {
            distanceAfter: result.distanceAfter,
            grade: judged.grade,
            basisJson: JSON.stringify(judged.basis),
            foundDate: input.doneDate,
            deadline,
          },
          ctx.now.toISOString(),
        );
        backToBacklog.push({ recordId: r.id, grade: judged.grade });
        ctx.audit({
          entity: 'vegetation',
          entityId: r.id,
          summary: 'not accepted: back to backlog',
          after: { packageId: input.id, distanceAfter: result.distanceAfter, grade: judged.grade, basis: judged.basis },
        });
      }
    }
    ctx.audit({
      entity: 'packages',
      entityId: input.id,
      summary: 'work done',
      after: { doneDate: input.doneDate, results: input.results, backToBacklog },
    });
    return { package: await onePackage(ctx, input.id, s), backToBacklog };
  },

  'trimming.accept': async (input, ctx) => {
    const user = currentUser(ctx);
    const s = await settingsOf(ctx);
    const before = (await packagesById(ctx.db, [input.id], s))[0];
    if (!before || before.status === 'cancelled') throw notFound('packages', input.id);
    if (before.status !== 'awaiting_acceptance')
      throw new ApiError({ code: 'RULE', message: 'trimming.package.notDone' });
    await updateVersioned(
      ctx.db,
      'work_packages',
      input.id,
      input.version,
      {
        status: 'accepted',
        accepted_by: user.displayName,
        accepted_at: ctx.now.toISOString(),
        updated_at: ctx.now.toISOString(),
      },
      () => onePackage(ctx, input.id, s),
    );
    ctx.audit({ entity: 'packages', entityId: input.id, summary: 'package accepted', after: { by: user.displayName } });
    return { package: await onePackage(ctx, input.id, s) };
  },
};

/** Every rule a whole set of placements breaks (the automatic plan's draft with what the board holds). */
export async function checkDraft(ctx: HandlerContext, drafts: Placement[], s: PlannerSettings) {
  if (drafts.length === 0) return [];
  const from = drafts.map((d) => d.date).sort()[0]!;
  const to = drafts
    .map((d) => daysOf(d.date, d.days).at(-1)!)
    .sort()
    .at(-1)!;
  const existing = (await packagesBetween(ctx.db, from, to, s)).map(toPlacement);
  const holding = (
    await packagesHolding(
      ctx.db,
      drafts.flatMap((d) => d.recordIds),
      s,
    )
  ).map(toPlacement);
  const all = [...new Map([...existing, ...holding].map((p) => [p.key, p])).values(), ...drafts];
  return checkPlan(all, await worldFor(ctx.db, all, s, ctx.today));
}
