import { useEffect, useMemo, useRef, useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import { Button, Input, App as AntApp } from 'antd';
import { DeleteOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { MethodName, SheetName } from '@contract';
import { DataGrid, type DataGridHandle, type ListMethod } from './DataGrid';
import { FormDrawer, type FieldDef } from './FormDrawer';
import { PageTitle } from './PageTitle';
import { ExcelActions } from './office/ExcelActions';
import { useDeleteSelected } from './useDeleteSelected';
import { useAuth } from '../features/accounts/auth-context';
import { useRouteFilters } from '../navigation';

export interface ListPageProps<M extends ListMethod, S extends z.ZodType> {
  title: string;
  /** The ledger's spreadsheet (import, export, template), where it has one. */
  sheet?: SheetName;
  listMethod: M;
  columns: ColDef[];
  schema: S;
  fields: FieldDef[] | ((values: Record<string, unknown>) => FieldDef[]);
  newValues: Record<string, unknown>;
  /** The page's own filters, sent with every list call, and the controls that set them. */
  params?: object;
  filters?: React.ReactNode;
  /** A row as the form wants it (e.g. a list of skills as one picker per skill). */
  toForm?: (row: Record<string, unknown>) => Record<string, unknown>;
  testId?: string;
  save: (values: z.output<S>) => Promise<unknown>;
  remove: (ids: number[]) => Promise<{ count: number }>;
}

/** The page plain ledgers share: grid, search, the page's filters, add/edit drawer, Excel, delete to the recycle bin. */
export function ListPage<M extends ListMethod, S extends z.ZodType>(props: ListPageProps<M, S>) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const auth = useAuth();
  // Who may add, edit and delete: whoever the contract lets call the ledger's save (x.list → x.save).
  const canEdit = auth.may(props.listMethod.replace(/\.list$/, '.save') as MethodName);
  const grid = useRef<DataGridHandle>(null);
  const routeFilters = useRouteFilters();
  const [search, setSearch] = useState<string | undefined>(() =>
    typeof routeFilters?.search === 'string' ? routeFilters.search : undefined,
  );
  useEffect(() => {
    if (typeof routeFilters?.search === 'string') setSearch(routeFilters.search);
  }, [routeFilters?.search]);
  const [selected, setSelected] = useState(0);
  const [editing, setEditing] = useState<Record<string, unknown> | null>(null);
  const remove = useDeleteSelected(grid, props.remove);
  const params = useMemo(() => ({ ...(props.params ?? {}), search }), [search, JSON.stringify(props.params)]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <div className="page" data-testid={props.testId}>
      <PageTitle title={props.title}>
        <Input.Search
          key={search ?? ''}
          defaultValue={search}
          allowClear
          style={{ width: 220 }}
          onSearch={(s) => setSearch(s || undefined)}
          placeholder={t('common.search')}
        />
        {canEdit && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing({ ...props.newValues })}
            data-testid="list-add"
          >
            {t('common.add')}
          </Button>
        )}
        {canEdit && (
          <Button danger icon={<DeleteOutlined />} disabled={selected === 0} onClick={remove}>
            {t('common.delete')}
          </Button>
        )}
        {props.sheet && <ExcelActions sheet={props.sheet} grid={grid} params={params} canImport={canEdit} />}
        <Button icon={<ReloadOutlined />} onClick={() => grid.current?.refresh()} aria-label={t('common.refresh')} />
      </PageTitle>
      {props.filters && <div className="toolbar">{props.filters}</div>}
      <DataGrid
        ref={grid}
        method={props.listMethod}
        columns={props.columns as never}
        params={params as never}
        selectable={canEdit}
        onOpen={
          canEdit
            ? (row) => setEditing(props.toForm ? props.toForm({ ...(row as object) }) : { ...(row as object) })
            : undefined
        }
        onDeleteKey={canEdit ? remove : undefined}
        onSelectionChanged={setSelected}
        onClearFilters={search ? () => setSearch(undefined) : undefined}
      />
      <FormDrawer
        open={editing !== null}
        title={`${editing?.id ? t('common.edit') : t('common.add')} · ${props.title}`}
        schema={props.schema}
        fields={props.fields}
        initialValues={editing ?? {}}
        width={props.toForm ? 640 : 560}
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
