import { useMemo } from 'react';
import { AgGridReact } from 'ag-grid-react';
import { themeQuartz, type ColDef } from 'ag-grid-community';
import { AG_GRID_LOCALE_CN, AG_GRID_LOCALE_EN } from '@ag-grid-community/locale';
import { useTranslation } from 'react-i18next';
import type { RosterView } from '@contract';
import { violationText } from './roster-text';
import { shiftName } from '../../i18n/words';

const theme = themeQuartz.withParams({ fontFamily: 'inherit', headerFontWeight: 600, spacing: 3, fontSize: 12 });
type Person = RosterView['people'][number];

/** People × days: each day shows the shift and area initial; red where a hard rule is broken. */
export function RosterByPerson({ view }: { view: RosterView }) {
  const { t, i18n } = useTranslation();
  const allDays = useMemo(() => {
    const out: string[] = [];
    for (
      let d = view.season.startDate;
      d <= view.season.endDate;
      d = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
    )
      out.push(d);
    return out;
  }, [view.season.startDate, view.season.endDate]);
  const cells = useMemo(() => {
    const m = new Map<string, string>();
    for (const a of view.assignments) {
      const found = view.season.shifts.find((s) => s.code === a.shift);
      const shift = found ? shiftName(t, found).slice(0, 1) : a.shift;
      const area = view.areas.find((x) => x.id === a.areaId)?.name.slice(0, 1) ?? '';
      const key = `${a.staffId}|${a.date}`;
      m.set(key, (m.get(key) ? `${m.get(key)} ` : '') + shift + area);
    }
    return m;
  }, [view, t]);
  const bad = useMemo(() => {
    const m = new Map<string, string[]>();
    for (const v of view.violations)
      if (v.staffId !== null)
        m.set(`${v.staffId}|${v.date}`, [...(m.get(`${v.staffId}|${v.date}`) ?? []), violationText(t, v, view)]);
    return m;
  }, [view, t]);
  const counts = useMemo(() => {
    const m = new Map<number, number>();
    for (const a of view.assignments) m.set(a.staffId, (m.get(a.staffId) ?? 0) + 1);
    return m;
  }, [view]);

  const columns = useMemo<ColDef<Person>[]>(
    () => [
      { field: 'name', headerName: t('staff.name'), width: 90, pinned: 'left' },
      { field: 'teamName', headerName: t('staff.team'), width: 130, pinned: 'left' },
      {
        colId: 'count',
        headerName: t('roster.shiftsLabel'),
        width: 70,
        pinned: 'left',
        valueGetter: (p) => (p.data ? (counts.get(p.data.id) ?? 0) : 0),
      },
      {
        colId: 'eligibleDays',
        headerName: t('roster.eligibleDays'),
        width: 90,
        pinned: 'left',
        valueGetter: (p) => p.data?.eligibleDays,
        tooltipValueGetter: (p) =>
          p.data?.unavailable
            ? t('roster.unavailable', {
                date: p.data.unavailable.date,
                days: p.data.eligibleDays,
                reason: t(p.data.unavailable.key, {
                  ...p.data.unavailable.params,
                  year: p.data.unavailable.date.slice(0, 4),
                }),
              })
            : undefined,
        cellClass: (p) => (p.data && p.data.eligibleDays === 0 ? 'roster-bad-cell' : undefined),
      },
      ...allDays.map((d): ColDef<Person> => ({
        colId: d,
        headerName: d.slice(5),
        width: 58,
        sortable: false,
        valueGetter: (p) => (p.data ? (cells.get(`${p.data.id}|${d}`) ?? '') : ''),
        tooltipValueGetter: (p) => (p.data ? bad.get(`${p.data.id}|${d}`)?.join('；') : undefined),
        cellClass: (p) =>
          p.data && bad.has(`${p.data.id}|${d}`)
            ? 'roster-bad-cell'
            : view.season.peakDays.includes(d)
              ? 'roster-peak-cell'
              : undefined,
      })),
    ],
    [allDays, cells, bad, counts, t, view.season.peakDays],
  );
  return (
    <div className="data-grid-body" data-testid="roster-by-person">
      <AgGridReact<Person>
        key={i18n.language}
        theme={theme}
        localeText={i18n.language === 'en' ? AG_GRID_LOCALE_EN : AG_GRID_LOCALE_CN}
        rowData={view.people}
        columnDefs={columns}
        getRowId={(p) => String(p.data.id)}
        tooltipShowDelay={200}
      />
    </div>
  );
}
