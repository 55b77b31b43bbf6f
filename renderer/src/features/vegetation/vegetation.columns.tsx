import type { ColDef } from 'ag-grid-community';
import { Tag, Tooltip } from 'antd';
import type { TFunction } from 'i18next';
import type { HazardBasis, VegetationRow } from '@contract';
import { tagCell } from '../../components/tag-cell';
import { lineNameCell } from '../line-file/line-name-cell';

const GRADE_COLORS = { emergency: 'red', major: 'orange', general: 'green' } as const;
const STATUS_COLORS = {
  unscheduled: 'default',
  scheduled: 'blue',
  notified: 'cyan',
  in_progress: 'blue',
  done: 'green',
  blocked: 'magenta',
} as const;

export function basisText(t: TFunction, b: HazardBasis): string {
  return t('vegetation.basisText', {
    measure: t(`vegetation.measures.${b.measure}`),
    value: b.value,
    minimum: b.minimum,
    source: b.source,
  });
}

const basisTip = (t: TFunction, b: HazardBasis) =>
  `${basisText(t, b)}；${t('vegetation.basisMargin', { margin: b.margin })}`;

export function GradeTag({ row, t }: { row: Pick<VegetationRow, 'hazardGrade' | 'hazardBasis'>; t: TFunction }) {
  return (
    <Tooltip title={basisTip(t, row.hazardBasis)}>
      <Tag color={GRADE_COLORS[row.hazardGrade]} data-testid="grade-tag">
        {t(`vegetation.grades.${row.hazardGrade}`)}
      </Tag>
    </Tooltip>
  );
}

const text = { filter: 'agTextColumnFilter', filterParams: { maxNumConditions: 1, buttons: ['reset'] } };
const number = { filter: 'agNumberColumnFilter', filterParams: { maxNumConditions: 1, buttons: ['reset'] } };
const date = { filter: 'agDateColumnFilter', filterParams: { maxNumConditions: 1, buttons: ['reset'] } };

export function vegetationColumns(t: TFunction): ColDef<VegetationRow>[] {
  return [
    {
      field: 'lineName',
      headerName: t('vegetation.line'),
      width: 170,
      pinned: 'left',
      ...text,
      cellRenderer: lineNameCell(t),
    },
    { field: 'towerRange', headerName: t('vegetation.towerRange'), width: 110, pinned: 'left', ...number },
    {
      field: 'hazardGrade',
      headerName: t('vegetation.hazardGrade'),
      width: 100,
      pinned: 'left',
      // The grid's own tooltip and plain-DOM tags: React components in every row made the first screen slower.
      tooltipValueGetter: (p) => (p.data ? basisTip(t, p.data.hazardBasis) : null),
      cellRenderer: tagCell<VegetationRow>((r) => ({
        text: t(`vegetation.grades.${r.hazardGrade}`),
        tone: GRADE_COLORS[r.hazardGrade],
        testId: 'grade-tag',
      })),
    },
    {
      field: 'status',
      headerName: t('vegetation.status'),
      width: 100,
      cellRenderer: tagCell<VegetationRow>((r) => ({
        text: t(`vegetation.statuses.${r.status}`),
        tone: STATUS_COLORS[r.status],
      })),
    },
    {
      field: 'dueDate',
      headerName: t('vegetation.dueDate'),
      width: 140,
      ...date,
      cellRenderer: tagCell<VegetationRow>((r) => ({
        text: `${r.dueDate ?? '—'}${r.overdue ? ` ${t('vegetation.overdue')}` : ''}`,
        className: r.overdue ? 'row-overdue' : undefined,
      })),
    },
    { field: 'townshipName', headerName: t('vegetation.township'), width: 100, ...text },
    { field: 'villageName', headerName: t('vegetation.village'), width: 100, ...text },
    { field: 'landowner', headerName: t('vegetation.landowner'), width: 90, ...text },
    { field: 'species', headerName: t('vegetation.species'), width: 90, ...text },
    { field: 'treeCount', headerName: t('vegetation.treeCount'), width: 80, ...number },
    { field: 'verticalDistance', headerName: t('vegetation.verticalDistance'), width: 115, ...number },
    { field: 'horizontalDistance', headerName: t('vegetation.horizontalDistance'), width: 115, ...number },
    {
      field: 'action',
      headerName: t('vegetation.action'),
      width: 80,
      valueFormatter: (p) => (p.value ? t(`vegetation.actions.${p.value as string}`) : ''),
    },
    {
      field: 'plannedDate',
      headerName: t('vegetation.plannedDate'),
      width: 150,
      ...date,
      // Planned for after the deadline: marked, with the planner's reason as the tooltip.
      tooltipValueGetter: (p) =>
        p.data?.plannedLate ? `${t('vegetation.deadline')} ${p.data.deadline}：${p.data.lateReason ?? ''}` : null,
      cellRenderer: tagCell<VegetationRow>((r) => ({
        text: `${r.plannedDate ?? ''}${r.plannedLate ? ` ${t('vegetation.plannedLate')}` : ''}`,
        className: r.plannedLate ? 'row-overdue' : undefined,
      })),
    },
    { field: 'foundDate', headerName: t('vegetation.foundDate'), width: 115, ...date },
    { field: 'teamName', headerName: t('vegetation.team'), width: 120, ...text },
    { field: 'completedDate', headerName: t('vegetation.completedDate'), width: 115, ...date },
    { field: 'nextDueDate', headerName: t('vegetation.nextDueDate'), width: 115, ...date },
    {
      colId: 'basis',
      headerName: t('vegetation.basis'),
      width: 420,
      sortable: false,
      valueGetter: (p) => (p.data ? basisText(t, p.data.hazardBasis) : ''),
    },
  ];
}
