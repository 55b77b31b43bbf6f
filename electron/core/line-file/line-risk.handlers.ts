import { RISK_FACTORS, type DashboardPanel, type LineRiskRow, type RiskFactor } from '../../contract';
import { writeFileSync } from 'node:fs';
import { currentUser, type HandlerContext, type Handlers } from '../context';
import { allDevices, loadLightningContext } from '../lightning/lightning.repository';
import { repairsBetween } from '../roster/repairs.repository';
import { loadSettings } from '../settings/settings.repository';
import { lineRiskWorkbook } from './line-risk.workbook';
import { defectCounts, liveLines, openHazardCounts, tripCounts } from './line-file.repository';

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * 线路风险排序: each line's score is Σ weight × count over RISK_FACTORS, with the weights from the
 * settings (lineRisk.*); trips count per 100 towers where the line's tower count is known.
 */
/** What the device states read: the devices, their tests and the rules' settings. */
const DEVICE_KINDS = ['settings', 'lines', 'lightningDevices', 'lightningTests', 'trips', 'campaigns'];

/**
 * Devices failed (red) and overdue, per line. The costly part of the ranking (each device judged by the
 * test rules), so it is kept until a write touches the devices or their tests, not redone after every hazard saved.
 */
function deviceStates(ctx: HandlerContext): Promise<[lineId: number, failed: number, overdue: number][]> {
  return ctx.runtime.panels.get('lineRisk.devices', DEVICE_KINDS, ctx.today, async () => {
    const lctx = await loadLightningContext(ctx.db, ctx.today);
    const perLine = new Map<number, [number, number, number]>();
    for await (const d of allDevices(ctx.db, lctx)) {
      if (d.lineId === null || (!d.red && !d.overdue)) continue;
      const c = perLine.get(d.lineId) ?? [d.lineId, 0, 0];
      c[d.red ? 1 : 2]++;
      perLine.set(d.lineId, c);
    }
    return [...perLine.values()];
  });
}

export async function lineRiskRows(ctx: HandlerContext): Promise<LineRiskRow[]> {
  const settings = await loadSettings(ctx.db);
  const year = Number(ctx.today.slice(0, 4));
  const threeYearsAgo = `${year - 3}${ctx.today.slice(4)}`;
  const [devices, lines, hazards, trips, defects, repairs] = await Promise.all([
    deviceStates(ctx),
    liveLines(ctx.db),
    openHazardCounts(ctx.db),
    tripCounts(ctx.db, threeYearsAgo),
    defectCounts(ctx.db),
    repairsBetween(ctx.db, `${year}-01-01`, ctx.today),
  ]);
  const counts = new Map<number, Record<RiskFactor, number>>(
    lines.map((l) => [l.id, Object.fromEntries(RISK_FACTORS.map((f) => [f, 0])) as Record<RiskFactor, number>]),
  );
  const add = (lineId: number | null, factor: RiskFactor, n: number) => {
    const c = lineId === null ? undefined : counts.get(lineId);
    if (c) c[factor] += n;
  };
  for (const h of hazards)
    add(h.line_id, h.hazard_grade === 'emergency' ? 'riskEmergencyHazard' : 'riskMajorHazard', Number(h.n));
  for (const d of defects)
    add(d.line_id, d.defect_grade === 'critical' ? 'riskCriticalDefect' : 'riskSeriousDefect', Number(d.n));
  for (const t of trips) add(t.line_id, 'riskTripsPer100', Number(t.n));
  for (const r of repairs) if (r.arrivalBreach || r.restoreBreach) add(r.lineId, 'riskPromiseBroken', 1);
  for (const [lineId, failed, overdue] of devices) {
    add(lineId, 'riskDeviceFailed', failed);
    add(lineId, 'riskDeviceOverdue', overdue);
  }
  const rows: LineRiskRow[] = lines.map((line) => {
    const c = counts.get(line.id)!;
    if (line.tower_count) c.riskTripsPer100 = round1((c.riskTripsPer100 * 100) / line.tower_count);
    const parts = RISK_FACTORS.map((factor) => {
      const weight = settings.number(`lineRisk.${factor}`);
      return { factor, count: c[factor], weight, points: round1(weight * c[factor]) };
    });
    return {
      lineId: line.id,
      lineName: line.name,
      towerCount: line.tower_count,
      score: round1(parts.reduce((sum, p) => sum + p.points, 0)),
      parts,
    };
  });
  return rows.sort((a, b) => b.score - a.score || a.lineName.localeCompare(b.lineName, 'zh-CN'));
}

export const lineRiskHandlers: Handlers<'lineRisk.list' | 'lineRisk.export'> = {
  'lineRisk.list': async (_input, ctx) => ({ rows: await lineRiskRows(ctx), asOf: ctx.today }),
  'lineRisk.export': async (input, ctx) => {
    const name = `${input.headers.sheet}${ctx.today}.xlsx`;
    const file = ctx.runtime.files.reserve(currentUser(ctx).userId, name);
    writeFileSync(file.path, await lineRiskWorkbook(await lineRiskRows(ctx), input.headers));
    return { fileId: ctx.runtime.files.publish(file).id, name };
  },
};

const FACTOR_COLOURS: Record<RiskFactor, string> = {
  riskEmergencyHazard: '#cf1322',
  riskMajorHazard: '#fa8c16',
  riskDeviceOverdue: '#d4b106',
  riskDeviceFailed: '#722ed1',
  riskTripsPer100: '#1677ff',
  riskCriticalDefect: '#820014',
  riskSeriousDefect: '#ad6800',
  riskPromiseBroken: '#08979c',
};

/** 首页: the eight riskiest lines, their scores stacked by what makes them up; a bar opens the line's file. */
export async function lineRiskPanels(ctx: HandlerContext): Promise<DashboardPanel[]> {
  const top = (await lineRiskRows(ctx)).filter((r) => r.score > 0).slice(0, 8);
  if (!top.length) return [];
  return [
    {
      kind: 'bar',
      id: 'lineRisk.top',
      title: 'dashboard.lineRisk.top',
      categories: top.map((r) => ({ name: r.lineName, filters: { lineId: r.lineId } })),
      series: RISK_FACTORS.filter((f) => top.some((r) => r.parts.some((p) => p.factor === f && p.points > 0))).map(
        (factor) => ({
          label: `settings.labels.${factor}`,
          color: FACTOR_COLOURS[factor],
          data: top.map((r) => r.parts.find((p) => p.factor === factor)!.points),
          filters: {},
        }),
      ),
      link: { page: 'lineFile', method: 'lineRisk.list', filters: {} },
      // Points, not row counts.
      counts: false,
    },
  ];
}
