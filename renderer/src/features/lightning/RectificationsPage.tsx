import type { ColDef } from 'ag-grid-community';
import { useMemo, useState } from 'react';
import { Checkbox, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RectificationRow } from '@contract';
import { DataGrid } from '../../components/DataGrid';
import { PageTitle } from '../../components/PageTitle';
import { useRouteFilters } from '../../navigation';
import { lineNameCell } from '../line-file/line-name-cell';

const GRADE_COLORS = { general: 'blue', serious: 'orange', critical: 'red' } as const;

/** 整改: every failed test's rectification, its deadline by grade, and the retest that closed it. */
export function RectificationsPage() {
  const { t } = useTranslation();
  const route = useRouteFilters();
  const [openOnly, setOpenOnly] = useState(route?.status !== 'done');
  const columns = useMemo<ColDef<RectificationRow>[]>(
    () => [
      { field: 'deviceCode', headerName: t('lightning.code'), width: 110, pinned: 'left' },
      { field: 'lineName', headerName: t('lightning.line'), width: 140, cellRenderer: lineNameCell(t) },
      {
        field: 'grade',
        headerName: t('lightning.grade'),
        width: 80,
        cellRenderer: (p: { data?: RectificationRow }) =>
          p.data ? <Tag color={GRADE_COLORS[p.data.grade]}>{t(`lightning.grades.${p.data.grade}`)}</Tag> : null,
      },
      { field: 'reason', headerName: t('lightning.reasons'), flex: 1, minWidth: 260, sortable: false },
      { field: 'foundOn', headerName: t('lightning.foundOn'), width: 110 },
      {
        field: 'dueOn',
        headerName: t('lightning.dueOn'),
        width: 130,
        cellRenderer: (p: { data?: RectificationRow }) =>
          p.data ? (
            <span className={p.data.overdue ? 'row-overdue' : undefined}>
              {p.data.dueOn}
              {p.data.overdue ? ` ${t('lightning.overdue')}` : ''}
            </span>
          ) : null,
      },
      {
        field: 'status',
        headerName: t('lightning.status'),
        width: 150,
        valueFormatter: (p) => (p.value ? t(`lightning.statuses.${p.value as string}`) : ''),
      },
      { field: 'closedOn', headerName: t('lightning.retest'), width: 110 },
    ],
    [t],
  );
  return (
    <div className="page" data-testid="rectifications-page">
      <PageTitle title={t('lightning.rectifications')} />
      <div className="toolbar">
        <Checkbox checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)}>
          {t('lightning.openOnly')}
        </Checkbox>
      </div>
      <DataGrid method="rectifications.list" columns={columns} params={{ status: openOnly ? 'open' : undefined }} />
    </div>
  );
}
