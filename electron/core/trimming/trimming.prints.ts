import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { formatTowerRange, type NoticeLetter, type PackageRow, type WeekPlanRow } from '../../contract';
import type { HandlerContext, Handlers } from '../context';
import { currentUser } from '../context';
import { addDays } from '../shared/time';
import { packagesBetween, packagesById, loadTrimmingContext } from './trimming.repository';
import { outagesBetween } from './outages.repository';

/** Monday of the week a day falls in. */
export function weekStart(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/**
 * 树障清理通知书: one letter per landowner and package (their trees on that line, the day, the
 * team). The legal text itself is the renderer's (i18n), with the 第十八条 paragraph where a record says
 * the trees were planted in the protection zone after the line was built.
 */
export function lettersOf(packages: Omit<PackageRow, 'violations'>[]): NoticeLetter[] {
  const letters: NoticeLetter[] = [];
  for (const p of packages) {
    const byOwner = new Map<string, PackageRow['records']>();
    for (const r of p.records) {
      if (!r.landowner?.trim()) continue;
      const key = `${r.landowner.trim()}|${r.villageName ?? ''}`;
      byOwner.set(key, [...(byOwner.get(key) ?? []), r]);
    }
    for (const records of byOwner.values()) {
      const first = records[0]!;
      const from = Math.min(...records.map((r) => r.towerFrom));
      const to = Math.max(...records.map((r) => r.towerTo));
      letters.push({
        landowner: first.landowner!.trim(),
        landownerPhone: first.landownerPhone,
        villageName: first.villageName,
        townshipName: first.townshipName,
        lineName: p.lineName,
        towers: formatTowerRange(from, to),
        items: records.map((r) => ({
          species: r.species,
          treeCount: r.treeCount,
          action: r.action,
          plantedInZone: r.plantedInZone,
        })),
        date: p.date,
        teamName: p.teamName,
        packageId: p.id,
      });
    }
  }
  return letters.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      (a.villageName ?? '').localeCompare(b.villageName ?? '') ||
      a.landowner.localeCompare(b.landowner) ||
      a.packageId - b.packageId,
  );
}

async function weekRows(
  ctx: HandlerContext,
  weekOf: string,
  teamId?: number,
): Promise<{ from: string; to: string; rows: WeekPlanRow[] }> {
  const s = await loadTrimmingContext(ctx.db);
  const from = weekStart(weekOf);
  const to = addDays(from, 6);
  const [packages, windows] = await Promise.all([
    packagesBetween(ctx.db, from, to, s, teamId),
    outagesBetween(ctx.db, from, to),
  ]);
  const rows = packages.map((p): WeekPlanRow => {
    const window = windows.find(
      (w) => w.status === 'approved' && w.line_id === p.lineId && w.date >= p.date && w.date <= p.lastDate,
    );
    const owners = p.records.filter((r) => r.landowner?.trim());
    const told = owners.filter((r) => r.notifiedOn).length;
    return {
      date: p.date,
      teamName: p.teamName,
      lineName: p.lineName,
      towers: formatTowerRange(
        Math.min(...p.records.map((r) => r.towerFrom)),
        Math.max(...p.records.map((r) => r.towerTo)),
      ),
      trees: p.trees,
      actions: [...new Set(p.records.map((r) => r.action))],
      method: p.method,
      window: window ? `${window.date} ${window.start_time}–${window.end_time}` : null,
      notified: owners.length === 0 ? 'nobody' : told === owners.length ? 'all' : told > 0 ? 'some' : 'none',
      orderNo: p.orderNo,
      packageId: p.id,
    };
  });
  return {
    from,
    to,
    rows: rows.sort(
      (a, b) => a.teamName.localeCompare(b.teamName) || a.date.localeCompare(b.date) || a.packageId - b.packageId,
    ),
  };
}

const WORDS = {
  'zh-CN': {
    title: '周作业计划表',
    headers: ['日期', '班组', '线路', '杆号', '株数', '处理方式', '作业方式', '停电窗口', '树主通知', '派工单号'],
    actions: { trim: '修剪', fell: '砍伐', transplant: '移栽' },
    methods: { no_outage: '不停电', outage: '停电', live: '带电作业' },
    notified: { all: '已通知', some: '部分通知', none: '未通知', nobody: '无需通知' },
  },
  en: {
    title: 'Weekly work plan',
    headers: [
      'Date',
      'Team',
      'Line',
      'Towers',
      'Trees',
      'Action',
      'Method',
      'Outage window',
      'Landowners told',
      'Work order',
    ],
    actions: { trim: 'Trim', fell: 'Fell', transplant: 'Transplant' },
    methods: { no_outage: 'No outage', outage: 'Outage', live: 'Live-line' },
    notified: { all: 'Yes', some: 'Some', none: 'No', nobody: 'Not needed' },
  },
} as const;

export async function weekPlanWorkbook(
  from: string,
  to: string,
  rows: WeekPlanRow[],
  language: 'zh-CN' | 'en',
): Promise<Buffer> {
  const w = WORDS[language];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'GridDesk';
  const ws = wb.addWorksheet(w.title, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  ws.addRow([`${w.title} ${from} – ${to}`]).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, w.headers.length);
  ws.addRow([...w.headers]).font = { bold: true };
  ws.columns = [12, 14, 18, 12, 8, 14, 10, 22, 12, 14].map((width) => ({ width }));
  for (const r of rows) {
    ws.addRow([
      r.date,
      r.teamName,
      r.lineName,
      r.towers,
      r.trees,
      r.actions.map((a) => w.actions[a]).join('、'),
      w.methods[r.method],
      r.window ?? '',
      w.notified[r.notified],
      r.orderNo ?? '',
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const printHandlers: Handlers<'trimming.notices' | 'trimming.weekPlan' | 'trimming.weekPlanExport'> = {
  'trimming.notices': async (input, ctx) => {
    const s = await loadTrimmingContext(ctx.db);
    let packages: Omit<PackageRow, 'violations'>[] = [];
    if (input.packageIds?.length)
      packages = (await packagesById(ctx.db, input.packageIds, s)).filter((p) => p.status !== 'cancelled');
    else if (input.weekOf)
      packages = await packagesBetween(ctx.db, weekStart(input.weekOf), addDays(weekStart(input.weekOf), 6), s);
    return { letters: lettersOf(packages) };
  },

  'trimming.weekPlan': async (input, ctx) => weekRows(ctx, input.weekOf, input.teamId),

  'trimming.weekPlanExport': async (input, ctx) => {
    const { from, to, rows } = await weekRows(ctx, input.weekOf, input.teamId);
    const name = `${WORDS[input.language].title} ${from}.xlsx`;
    const file = ctx.runtime.files.reserve(currentUser(ctx).userId, name);
    writeFileSync(file.path, await weekPlanWorkbook(from, to, rows, input.language));
    return { fileId: ctx.runtime.files.publish(file).id, name };
  },
};
