import { useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import { Drawer } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditRow } from '@contract';
import { DataGrid } from '../../components/DataGrid';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime } from '../../i18n/format';
import { auditWords } from './audit-words';

/** Who changed what: every write, with the record before and after. */
export function AuditPage() {
  const { t } = useTranslation();
  const [open, setOpen] = useState<AuditRow | null>(null);
  const label = (group: string, value: unknown) =>
    typeof value === 'string' && value ? t(`audit.${group}.${value}`, { defaultValue: value }) : '';
  const columns: ColDef<AuditRow>[] = [
    {
      field: 'at',
      headerName: t('audit.at'),
      width: 180,
      valueFormatter: (p) => formatDateTime(p.value as string, { seconds: true }),
    },
    { field: 'userName', headerName: t('audit.user'), width: 110, filter: 'agTextColumnFilter' },
    // What happened, in words; the method it was done with is the detail (drawer, and the column after it).
    {
      colId: 'words',
      headerName: t('audit.what'),
      flex: 1,
      minWidth: 320,
      sortable: false,
      valueGetter: (p) => (p.data ? auditWords(t, p.data) : ''),
      tooltipValueGetter: (p) => (p.data ? p.data.method : null),
    },
    {
      field: 'entity',
      headerName: t('audit.entity'),
      width: 120,
      filter: 'agTextColumnFilter',
      valueFormatter: (p) => label('entities', p.value),
    },
    // Stored in code form (filterable, stable across languages): the technical detail.
    { field: 'method', headerName: t('audit.method'), width: 190, filter: 'agTextColumnFilter' },
  ];
  return (
    <div className="page">
      <PageTitle title={t('audit.title')} />
      <DataGrid method="audit.list" columns={columns} onOpen={setOpen} testId="audit-grid" />
      <Drawer open={open !== null} onClose={() => setOpen(null)} size={640} title={open ? auditWords(t, open) : ''}>
        <p className="small" data-testid="audit-detail">
          {formatDateTime(open?.at, { seconds: true })} · {open?.userName ?? ''} · {t('audit.method')}{' '}
          <code>{open?.method}</code>
          {open?.summary ? (
            <>
              {' '}
              · <code>{open.summary}</code>
            </>
          ) : null}
        </p>
        <h4>{t('audit.before')}</h4>
        <pre style={{ whiteSpace: 'pre-wrap', fontSize: 12 }}>{JSON.stringify(open?.before, null, 2)}</pre>
        <h4>{t('audit.after')}</h4>
        <pre style={{ whiteSpace: 'pre-wrap', fontSize: 12 }}>{JSON.stringify(open?.after, null, 2)}</pre>
      </Drawer>
    </div>
  );
}
