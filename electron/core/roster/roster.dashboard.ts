import type { DashboardPanel } from '../../contract';
import type { HandlerContext } from '../context';
import { latestMonth, monthRepairs } from './repairs.repository';
import { listAreas } from './roster.repository';

/** Repair arrivals by area in the latest month with calls: on time and late against each area's promise. */
export async function rosterPanels(ctx: HandlerContext): Promise<DashboardPanel[]> {
  const month = await latestMonth(ctx.db);
  if (!month) return [];
  const [areas, calls] = await Promise.all([listAreas(ctx.db), monthRepairs(ctx.db, month)]);
  const count = (areaId: number, late: boolean) =>
    calls.filter((c) => c.areaId === areaId && c.arrivedAt !== null && c.arrivalBreach === late).length;
  return [
    {
      kind: 'bar',
      id: 'repairs.byArea',
      title: 'dashboard.repairs.byArea',
      unit: month,
      categories: areas.map((a) => ({ name: a.name, filters: { areaId: a.id } })),
      series: [
        {
          label: 'dashboard.repairs.onTime',
          color: '#52c41a',
          data: areas.map((a) => count(a.id, false)),
          filters: { arrival: 'onTime' },
        },
        {
          label: 'dashboard.repairs.late',
          color: '#f5222d',
          data: areas.map((a) => count(a.id, true)),
          filters: { arrival: 'late' },
        },
      ],
      link: { page: 'repairs', method: 'repairs.list', filters: { month } },
    },
  ];
}
