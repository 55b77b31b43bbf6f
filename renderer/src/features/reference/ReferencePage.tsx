import { useEffect, useMemo, useRef, useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import { Button, Input, App as AntApp } from 'antd';
import { DeleteOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { SheetName } from '@contract';
import { DataGrid, type DataGridHandle, type ListMethod } from '../../components/DataGrid';
import { FormDrawer, type FieldDef } from '../../components/FormDrawer';
import { PageTitle } from '../../components/PageTitle';
import { ExcelActions } from '../../components/office/ExcelActions';
import { useDeleteSelected } from '../../components/useDeleteSelected';
import { useAuth } from '../accounts/auth-context';
import { useRouteFilters } from '../../navigation';

export interface ReferencePageProps<M extends ListMethod, S extends z.ZodType> {
  title: string;
  /** The ledger's spreadsheet (import, export, template). */
  sheet: SheetName;
  listMethod: M;
  columns: ColDef[];
  schema: S;
  fields: FieldDef[];
  newValues: Record<string, unknown>;
  save: (values: z.output<S>) => Promise<unknown>;
  remove: (ids: number[]) => Promise<{ count: number }>;
}

/** The page every reference table shares: grid, search, add/edit drawer, delete to the recycle bin. */
export function ReferencePage<M extends ListMethod, S extends z.ZodType>(props: ReferencePageProps<M, S>) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const auth = useAuth();
  const canEdit = auth.can('planner', 'admin');
  const grid = useRef<DataGridHandle>(null);
  const routeFilters = useRouteFilters();
  const [search, setSearch] = useState<string | undefined>(() => (typeof routeFilters?.search === 'string' ? routeFilters.search : undefined));
  useEffect(() => {
    if (typeof routeFilters?.search === 'string') setSearch(routeFilters.search);
  }, [routeFilters?.search]);
  const [selected, setSelected] = useState(0);
  const [editing, setEditing] = useState<Record<string, unknown> | null>(null);
  const remove = useDeleteSelected(grid, props.remove);
  const params = useMemo(() => ({ search }), [search]);

  return (
    <div className="page">
      <PageTitle title={props.title}>
        <Input.Search key={search ?? ''} defaultValue={search} allowClear style={{ width: 220 }} onSearch={(s) => setSearch(s || undefined)} placeholder={t('common.search')} />
        {canEdit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ ...props.newValues })}>
            {t('common.add')}
          </Button>
        )}
        {canEdit && (
          <Button danger icon={<DeleteOutlined />} disabled={selected === 0} onClick={remove}>
            {t('common.delete')}
          </Button>
        )}
        <ExcelActions sheet={props.sheet} grid={grid} params={params} canImport={canEdit} />
        <Button icon={<ReloadOutlined />} onClick={() => grid.current?.refresh()} aria-label={t('common.refresh')} />
      </PageTitle>
      <DataGrid
        ref={grid}
        method={props.listMethod}
        columns={props.columns as never}
        params={params as never}
        selectable={canEdit}
        onOpen={canEdit ? (row) => setEditing({ ...(row as object) }) : undefined}
        onDeleteKey={canEdit ? remove : undefined}
        onSelectionChanged={setSelected}
      />
      <FormDrawer
        open={editing !== null}
        title={`${editing?.id ? t('common.edit') : t('common.add')} · ${props.title}`}
        schema={props.schema}
        fields={props.fields}
        initialValues={editing ?? {}}
        width={560}
        onClose={() => setEditing(null)}
        onSubmit={async (values) => {
          await props.save(values);
          void message.success(t('common.saved'));
          setEditing(null);
          grid.current?.refresh();
        }}
      />
    </div>
  );
}
