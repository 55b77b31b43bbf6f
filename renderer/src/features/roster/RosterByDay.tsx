import { useMemo } from 'react';
import type { TFunction } from 'i18next';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Assignment, RosterView } from '@contract';
import { gridLocale, gridTheme } from '../../components/grid-look';
import { crewKey, violationText, violationsByPlace } from './roster-text';
import { shiftName, withNote } from '../../i18n/words';

const theme = gridTheme(4);
const CREW_HEIGHT = 34;

export interface DragPayload {
  staffId: number;
  moveFrom?: number;
}

export interface DayRow {
  date: string;
  shift: string;
  shiftName: string;
  peak: boolean;
  weekday: number;
}

const rosterDays = (view: RosterView, t: TFunction): DayRow[] => {
  const rows: DayRow[] = [];
  for (let d = view.season.startDate; d <= view.season.endDate; d = nextDay(d)) {
    for (const s of view.season.shifts)
      rows.push({
        date: d,
        shift: s.code,
        shiftName: shiftName(t, s),
        peak: view.season.peakDays.includes(d),
        weekday: new Date(`${d}T00:00:00Z`).getUTCDay(),
      });
  }
  return rows;
};
const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Crews an area has in a shift: those it needs and any formed beyond them. */
function crewsOf(view: RosterView, areaId: number, row: DayRow, members: Assignment[]): number[] {
  const area = view.areas.find((a) => a.id === areaId)!;
  const needed = area.crewsPerShift + (row.peak ? area.peakExtraCrews : 0);
  const formed = members.map((m) => m.crew);
  return Array.from({ length: Math.max(needed, ...formed, 0) }, (_, i) => i + 1);
}

/** Days × areas × crews: each crew a drop zone, each member a tag that can be dragged to another crew. */
export function RosterByDay({
  view,
  canEdit,
  onDrop,
  onRemove,
}: {
  view: RosterView;
  canEdit: boolean;
  onDrop: (row: DayRow, areaId: number, crew: number, p: DragPayload) => void;
  onRemove: (a: Assignment) => void;
}) {
  const { t, i18n } = useTranslation();
  const rows = useMemo(() => rosterDays(view, t), [view, t]);
  const slots = useMemo(() => {
    const m = new Map<string, Assignment[]>();
    for (const a of view.assignments)
      m.set(`${a.date}|${a.shift}|${a.areaId}`, [...(m.get(`${a.date}|${a.shift}|${a.areaId}`) ?? []), a]);
    return m;
  }, [view]);
  const places = useMemo(() => violationsByPlace(view.violations), [view]);
  const weekday = useMemo(
    () => new Intl.DateTimeFormat(i18n.language, { weekday: 'short', timeZone: 'UTC' }),
    [i18n.language],
  );

  const columns = useMemo<ColDef<DayRow>[]>(
    () => [
      {
        colId: 'date',
        headerName: t('roster.date'),
        width: 130,
        pinned: 'left',
        valueGetter: (p) => p.data?.date,
        cellRenderer: (p: { data?: DayRow }) =>
          p.data ? (
            <span className={p.data.weekday === 0 || p.data.weekday === 6 ? 'roster-weekend' : undefined}>
              {p.data.date.slice(5)} {weekday.format(new Date(`${p.data.date}T00:00:00Z`))}
              {p.data.peak && (
                <Tag color="volcano" style={{ marginInlineStart: 4 }}>
                  {t('roster.peak')}
                </Tag>
              )}
            </span>
          ) : null,
      },
      { field: 'shiftName', headerName: t('roster.shift'), width: 70, pinned: 'left' },
      ...view.areas.map((area): ColDef<DayRow> => ({
        colId: `area-${area.id}`,
        headerName:
          area.name === t(`areas.kinds.${area.kind}`)
            ? area.name
            : withNote(t, area.name, t(`areas.kinds.${area.kind}`)),
        headerClass: 'data-header', // the area's own name
        flex: 1,
        minWidth: 260,
        sortable: false,
        cellRenderer: (p: { data?: DayRow }) => {
          const row = p.data;
          if (!row) return null;
          const members = slots.get(`${row.date}|${row.shift}|${area.id}`) ?? [];
          return (
            <div className="roster-cell">
              {crewsOf(view, area.id, row, members).map((crew) => {
                const crewMembers = members.filter((m) => m.crew === crew);
                const problems = [
                  ...(places.byCrew.get(crewKey(row.date, row.shift, area.id, crew)) ?? []),
                  ...(crewMembers.length === 0
                    ? (places.byCrew.get(crewKey(row.date, row.shift, area.id, null)) ?? [])
                    : []),
                ];
                return (
                  <Tooltip key={crew} title={problems.map((v) => violationText(t, v, view)).join('；') || undefined}>
                    <div
                      className={`roster-crew${problems.length ? ' roster-bad' : ''}`}
                      data-testid={`crew-${row.date}-${row.shift}-${area.id}-${crew}`}
                      onDragOver={(e) => canEdit && e.preventDefault()}
                      onDrop={(e) => {
                        e.preventDefault();
                        const raw = e.dataTransfer.getData('application/x-griddesk-person');
                        if (raw) onDrop(row, area.id, crew, JSON.parse(raw) as DragPayload);
                      }}
                    >
                      <span className="roster-crew-no">{crew}</span>
                      {crewMembers.length === 0 && <span className="roster-empty">{t('roster.dropHere')}</span>}
                      {crewMembers.map((m) => {
                        const own = places.byPerson.get(`${m.date}|${m.shift}|${m.staffId}`) ?? [];
                        return (
                          <Tooltip
                            key={m.id}
                            title={
                              [
                                ...own.map((v) => violationText(t, v, view)),
                                m.overrideReason ? t('roster.override', { reason: m.overrideReason }) : '',
                              ]
                                .filter(Boolean)
                                .join('；') || undefined
                            }
                          >
                            <Tag
                              color={own.length ? 'red' : m.overrideReason ? 'orange' : 'blue'}
                              draggable={canEdit}
                              closable={canEdit}
                              onClose={(e) => {
                                e.preventDefault();
                                onRemove(m);
                              }}
                              onDragStart={(e) =>
                                e.dataTransfer.setData(
                                  'application/x-griddesk-person',
                                  JSON.stringify({ staffId: m.staffId, moveFrom: m.id } satisfies DragPayload),
                                )
                              }
                              data-testid={`member-${m.id}`}
                              className="roster-member"
                            >
                              {m.staffName}
                            </Tag>
                          </Tooltip>
                        );
                      })}
                    </div>
                  </Tooltip>
                );
              })}
            </div>
          );
        },
      })),
    ],
    [view, slots, places, canEdit, t, weekday, onDrop, onRemove],
  );

  const maxCrews = (row: DayRow) =>
    Math.max(
      1,
      ...view.areas.map((a) => crewsOf(view, a.id, row, slots.get(`${row.date}|${row.shift}|${a.id}`) ?? []).length),
    );
  return (
    <div className="data-grid-body" data-testid="roster-by-day">
      <AgGridReact<DayRow>
        key={i18n.language}
        theme={theme}
        localeText={gridLocale(i18n.language)}
        rowData={rows}
        columnDefs={columns}
        getRowId={(p) => `${p.data.date}|${p.data.shift}`}
        getRowHeight={(p) => (p.data ? maxCrews(p.data) * CREW_HEIGHT + 8 : CREW_HEIGHT)}
        suppressCellFocus
      />
    </div>
  );
}
