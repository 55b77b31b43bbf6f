import ExcelJS from 'exceljs';
import type { RosterView } from '../../contract';

const weekday = new Intl.DateTimeFormat('zh-CN', { weekday: 'short', timeZone: 'UTC' });

/**
 * The roster as a workbook: 值班表 (one row per crew: day, shift, area, names and phones, what a
 * clerk sorts and filters) and 人员排班 (people × days, as planners lay it out by hand in Excel).
 */
export async function rosterWorkbook(view: RosterView): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'GridDesk';
  const areaName = new Map(view.areas.map((a) => [a.id, a.name]));
  const shiftName = new Map(view.season.shifts.map((s) => [s.code, `${s.name} ${s.start}`]));

  const crews = wb.addWorksheet('值班表', { views: [{ state: 'frozen', ySplit: 1 }] });
  crews.columns = [
    { header: '日期', key: 'date', width: 12 },
    { header: '星期', key: 'weekday', width: 6 },
    { header: '班次', key: 'shift', width: 12 },
    { header: '片区', key: 'area', width: 10 },
    { header: '队伍', key: 'crew', width: 6 },
    { header: '人员', key: 'names', width: 30 },
    { header: '电话', key: 'phones', width: 34 },
    { header: '例外说明', key: 'override', width: 30 },
  ];
  const byCrew = new Map<string, RosterView['assignments']>();
  for (const a of view.assignments) {
    const key = `${a.date}|${a.shift}|${a.areaId}|${a.crew}`;
    byCrew.set(key, [...(byCrew.get(key) ?? []), a]);
  }
  for (const members of byCrew.values()) {
    const m = members[0]!;
    crews.addRow({
      date: new Date(`${m.date}T00:00:00Z`),
      weekday: weekday.format(new Date(`${m.date}T00:00:00Z`)),
      shift: shiftName.get(m.shift) ?? m.shift,
      area: areaName.get(m.areaId) ?? '',
      crew: m.crew,
      names: members.map((x) => x.staffName).join('、'),
      phones: members.map((x) => x.phone ?? '').join('、'),
      override:
        members
          .filter((x) => x.overrideReason)
          .map((x) => `${x.staffName}：${x.overrideReason}`)
          .join('；') || null,
    });
  }
  crews.getColumn('date').numFmt = 'yyyy-mm-dd';
  crews.getRow(1).font = { bold: true };

  const days: string[] = [];
  for (
    let d = view.season.startDate;
    d <= view.season.endDate;
    d = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
  )
    days.push(d);
  const people = wb.addWorksheet('人员排班', { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  people.addRow(['姓名', '电话', ...days.map((d) => d.slice(5))]).font = { bold: true };
  for (const p of view.people) {
    const mine = view.assignments.filter((a) => a.staffId === p.id);
    if (mine.length === 0) continue;
    people.addRow([
      p.name,
      p.phone,
      ...days.map(
        (d) =>
          mine
            .filter((a) => a.date === d)
            .map(
              (a) =>
                `${view.season.shifts.find((s) => s.code === a.shift)?.name.slice(0, 1) ?? ''}${(areaName.get(a.areaId) ?? '').slice(0, 1)}`,
            )
            .join(' ') || null,
      ),
    ]);
  }
  people.getColumn(1).width = 10;
  people.getColumn(2).width = 13;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
