import { PROMISE_PRESETS, type MonthlyReport, type RepairRow } from '../../contract';
import type { HandlerContext, Handlers } from '../context';
import { fieldError, requireLive } from '../shared/references';
import { deleteToBin } from '../shared/soft-delete';
import { saveVersioned } from '../shared/versioned';
import { crewOnDuty, listAreas } from './roster.repository';
import { findRepair, latestMonth, listRepairs, monthRepairs } from './repairs.repository';
import { average, minutesBetween } from './repairs.rules';

type Methods = 'repairs.list' | 'repairs.get' | 'repairs.save' | 'repairs.delete' | 'repairs.monthly';

/** The names of the crew on duty, as the roster has them when the call is logged. */
async function crewNames(
  ctx: HandlerContext,
  c: {
    seasonId?: number | null;
    dutyDate?: string | null;
    shift?: string | null;
    areaId: number;
    crew?: number | null;
  },
): Promise<string | null> {
  if (!c.seasonId || !c.dutyDate || !c.shift || !c.crew) return null;
  const names = await crewOnDuty(ctx.db, {
    seasonId: c.seasonId,
    date: c.dutyDate,
    shift: c.shift,
    areaId: c.areaId,
    crew: c.crew,
  });
  if (names.length === 0) throw fieldError('crew', 'roster.errors.noSuchCrew');
  return names.join('、');
}

function compliance(rows: RepairRow[]) {
  return {
    calls: rows.length,
    arrivalBreaches: rows.filter((r) => r.arrivalBreach).length,
    restoreBreaches: rows.filter((r) => r.restoreBreach).length,
    avgArrival: average(rows.flatMap((r) => (r.arrivalMinutes === null ? [] : [r.arrivalMinutes]))),
    avgRestore: average(rows.flatMap((r) => (r.restoreMinutes === null ? [] : [r.restoreMinutes]))),
    avgRepair: average(
      rows.flatMap((r) => (r.arrivedAt && r.restoredAt ? [minutesBetween(r.arrivedAt, r.restoredAt)] : [])),
    ),
  };
}

export const repairsHandlers: Handlers<Methods> = {
  'repairs.list': async (input, ctx) => listRepairs(ctx.db, input),

  'repairs.get': async (input, ctx) => {
    const row = await findRepair(ctx.db, input.id);
    if (!row) throw fieldError('id', 'errors.notFound');
    return row;
  },

  'repairs.save': async (input, ctx) => {
    await requireLive(ctx.db, 'repair_areas', input.areaId, 'areaId');
    if (input.lineId) await requireLive(ctx.db, 'lines', input.lineId, 'lineId');
    if (input.seasonId) await requireLive(ctx.db, 'duty_seasons', input.seasonId, 'seasonId');
    const names = await crewNames(ctx, input);
    const before = input.id === undefined ? undefined : await findRepair(ctx.db, input.id);
    const id = await saveVersioned(
      ctx,
      'repair_calls',
      input,
      {
        source: input.source,
        order_no: input.orderNo || null,
        received_at: input.receivedAt,
        area_id: input.areaId,
        line_id: input.lineId ?? null,
        fault: input.fault,
        season_id: input.seasonId ?? null,
        duty_date: input.dutyDate ?? null,
        shift: input.shift ?? null,
        crew: input.crew ?? null,
        crew_names: names,
        arrived_at: input.arrivedAt ?? null,
        restored_at: input.restoredAt ?? null,
        delay_cause: input.delayCause || null,
      },
      () => findRepair(ctx.db, input.id!),
    );
    const after = (await findRepair(ctx.db, id))!;
    ctx.audit({ entity: 'repairs', entityId: id, summary: before ? 'updated' : 'created', before, after });
    return after;
  },

  'repairs.delete': (input, ctx) => deleteToBin(ctx, 'repair_calls', 'repairs', input.ids),

  /** A month's compliance per area and per crew, the averages against the State Grid averages, and every breach. */
  'repairs.monthly': async (input, ctx): Promise<MonthlyReport> => {
    const rows = await monthRepairs(ctx.db, input.month);
    const areas = (await listAreas(ctx.db)).map((a) => {
      const avg = PROMISE_PRESETS.sgcc_average[a.kind];
      return {
        areaId: a.id,
        areaName: a.name,
        arrivalPromise: a.arrivalMinutes,
        restorePromise: a.restoreMinutes,
        avgArrivalPromise: avg.arrival,
        avgRepairPromise: avg.restore,
        ...compliance(rows.filter((r) => r.areaId === a.id)),
      };
    });
    const crewLabels = [...new Set(rows.map((r) => (r.crewNames ? `${r.areaName}：${r.crewNames}` : '')))].sort();
    const crews = crewLabels.map((crewLabel) => ({
      crewLabel,
      ...compliance(rows.filter((r) => (r.crewNames ? `${r.areaName}：${r.crewNames}` : '') === crewLabel)),
    }));
    return {
      month: input.month,
      areas,
      crews,
      breaches: rows.filter((r) => r.arrivalBreach || r.restoreBreach),
      latestMonthWithCalls: await latestMonth(ctx.db),
    };
  },
};
