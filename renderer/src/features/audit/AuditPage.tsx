import { useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import { Drawer } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditRow } from '@contract';
import { DataGrid } from '../../components/DataGrid';
import { PageTitle } from '../../components/PageTitle';

/** Who changed what: every write, with the record before and after. */
export function AuditPage() {
  const { t } = useTranslation();
  const [open, setOpen] = useState<AuditRow | null>(null);
  const label = (group: string, value: unknown) => (typeof value === 'string' && value ? t(`audit.${group}.${value}`, { defaultValue: value }) : '');
  const columns: ColDef<AuditRow>[] = [
    { field: 'at', headerName: t('audit.at'), width: 180, valueFormatter: (p) => (p.value ? new Date(p.value as string).toLocaleString() : '') },
    { field: 'username', headerName: t('audit.user'), width: 110, filter: 'agTextColumnFilter' },
    // Stored in code form (filterable, stable across languages), shown in the user's language.
    { field: 'method', headerName: t('audit.method'), width: 180, filter: 'agTextColumnFilter', valueFormatter: (p) => label('methods', p.value) },
    { field: 'entity', headerName: t('audit.entity'), width: 120, filter: 'agTextColumnFilter', valueFormatter: (p) => label('entities', p.value) },
    { field: 'entityId', headerName: t('audit.entityId'), width: 90 },
    { field: 'summary', headerName: t('audit.summary'), flex: 1, filter: 'agTextColumnFilter', valueFormatter: (p) => label('summaries', p.value) },
  ];
  return (
    <div className="page">
      <PageTitle title={t('audit.title')} />
      <DataGrid method="audit.list" columns={columns} onOpen={setOpen} testId="audit-grid" />
      <Drawer open={open !== null} onClose={() => setOpen(null)} size={640} title={`${open?.method ?? ''} · ${open?.summary ?? ''}`}>
        <h4>{t('audit.before')}</h4>
        <pre style={{ whiteSpace: 'pre-wrap', fontSize: 12 }}>{JSON.stringify(open?.before, null, 2)}</pre>
        <h4>{t('audit.after')}</h4>
        <pre style={{ whiteSpace: 'pre-wrap', fontSize: 12 }}>{JSON.stringify(open?.after, null, 2)}</pre>
      </Drawer>
    </div>
  );
}
