import { useMemo, useRef, useState } from 'react';
import { Button, Select, App as AntApp } from 'antd';
import { RollbackOutlined } from '@ant-design/icons';
import type { ColDef } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import { RECYCLABLE, type Recyclable, type RecycleRow } from '@contract';
import { call } from '../../api/client';
import { DataGrid, type DataGridHandle } from '../../components/DataGrid';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime } from '../../i18n/format';
import { showFailure } from '../../components/failure';

export function RecycleBinPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const grid = useRef<DataGridHandle>(null);
  const [entity, setEntity] = useState<Recyclable | undefined>();
  const params = useMemo(() => ({ entity }), [entity]);

  const restore = async (row: RecycleRow) => {
    try {
      await call('recycle.restore', { entity: row.entity, id: row.id });
      void message.success(`${t('recycle.restored')}：${row.label}`);
      grid.current?.refresh();
    } catch (err) {
      showFailure(err);
    }
  };

  const columns: ColDef<RecycleRow>[] = [
    {
      field: 'entity',
      headerName: t('recycle.entity'),
      width: 110,
      valueFormatter: (p) => (p.value ? t(`recycle.entities.${p.value as string}`) : ''),
    },
    { field: 'label', headerName: t('recycle.label'), flex: 1, filter: 'agTextColumnFilter' },
    {
      field: 'deletedAt',
      headerName: t('recycle.deletedAt'),
      width: 180,
      valueFormatter: (p) => formatDateTime(p.value as string),
    },
    { field: 'deletedBy', headerName: t('recycle.deletedBy'), width: 110 },
    {
      colId: 'restore',
      headerName: '',
      width: 110,
      sortable: false,
      cellRenderer: (p: { data?: RecycleRow }) =>
        p.data ? (
          <Button size="small" icon={<RollbackOutlined />} onClick={() => void restore(p.data!)} data-testid="restore">
            {t('common.restore')}
          </Button>
        ) : null,
    },
  ];

  return (
    <div className="page">
      <PageTitle title={t('recycle.title')}>
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('recycle.entity')}
          options={RECYCLABLE.map((e) => ({ value: e, label: t(`recycle.entities.${e}`) }))}
          onChange={(v?: Recyclable) => setEntity(v)}
        />
      </PageTitle>
      <DataGrid
        ref={grid}
        method="recycle.list"
        columns={columns}
        params={params}
        rowId={(r) => `${r.entity}:${r.id}`}
        testId="recycle-grid"
      />
    </div>
  );
}
