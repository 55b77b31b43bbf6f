import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Dropdown, Input, Select, Space, Tag, App as AntApp } from 'antd';
import {
  DeleteOutlined,
  EditOutlined,
  PlusOutlined,
  PrinterOutlined,
  ReloadOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  HAZARD_GRADES,
  VEGETATION_PRESETS,
  VEGETATION_STATUSES,
  presetsOf,
  vegetationInput,
  type VegetationListInput,
  type VegetationRow,
} from '@contract';
import { call } from '../../api/client';
import { attempt, showFailure } from '../../components/failure';
import { DataGrid, type DataGridHandle } from '../../components/DataGrid';
import { FormDrawer } from '../../components/FormDrawer';
import { PageTitle } from '../../components/PageTitle';
import { ExcelActions } from '../../components/office/ExcelActions';
import { AttachmentsPanel } from '../../components/office/AttachmentsPanel';
import { useDeleteSelected } from '../../components/useDeleteSelected';
import { useAuth } from '../accounts/auth-context';
import { dropOpenFromRoute, navigate, replaceRouteFilters, useRouteFilters } from '../../navigation';
import { useReferenceOptions } from '../reference/useReferenceOptions';
import { DisputeDrawer } from './DisputeDrawer';
import { JudgePreview } from './JudgePreview';
import { vegetationColumns } from './vegetation.columns';
import { vegetationFields } from './vegetation.fields';

type Filters = Omit<VegetationListInput, 'startRow' | 'endRow' | 'sortModel' | 'filterModel'>;
function withoutOpen(f: (Filters & { open?: number }) | null): Filters | null {
  if (!f) return null;
  const { open: _open, ...rest } = f;
  return rest;
}

const NEW_RECORD = { treeClass: 'general', status: 'unscheduled', action: 'trim', treeCount: 1, plantedInZone: false };

export function VegetationPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const auth = useAuth();
  const canEdit = auth.may('vegetation.save');
  const grid = useRef<DataGridHandle>(null);
  const [refs] = useReferenceOptions();
  // Opened from the first screen or a reminder: start with the filters of the number clicked.
  // A search hit opens its record ({ open: id }).
  const routeFilters = useRouteFilters() as (Filters & { open?: number }) | null;
  const [filters, setFilters] = useState<Filters>(() => withoutOpen(routeFilters) ?? {});
  useEffect(() => {
    if (!routeFilters) return;
    setFilters(withoutOpen(routeFilters) ?? {});
    const id = routeFilters.open;
    if (typeof id === 'number') {
      dropOpenFromRoute('vegetation');
      void call('vegetation.get', { id }).then(
        (row) => (canEdit ? setEditing({ ...row }) : setFilters({ search: row.landowner ?? row.lineName })),
        (err: unknown) => showFailure(err),
      );
    }
  }, [JSON.stringify(routeFilters)]); // eslint-disable-line react-hooks/exhaustive-deps
  const [selected, setSelected] = useState(0);
  const [editing, setEditing] = useState<Record<string, unknown> | null>(null);
  const [disputeFor, setDisputeFor] = useState<number | null>(null);
  const columns = useMemo(() => vegetationColumns(t), [t]);
  const remove = useDeleteSelected(grid, (ids) => call('vegetation.delete', { ids }));
  const set = (patch: Filters) => setFilters((f) => ({ ...f, ...patch }));
  // Quick filters combine (AND) with each other and the dropdowns; a link may bring one as `preset`.
  const presets = presetsOf(filters);
  const anyFilter = Object.values(filters).some((v) => v !== undefined && !(Array.isArray(v) && v.length === 0));
  // The filters live in the address, so 返回 from a print page comes back to the same list.
  useEffect(() => replaceRouteFilters('vegetation', filters), [filters]);

  // Ctrl+N: new record; Ctrl+F: the search box. (Enter opens and Delete deletes in the grid; Ctrl+S saves a form.)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || editing !== null) return;
      if (e.key.toLowerCase() === 'n' && canEdit) {
        e.preventDefault();
        setEditing({ ...NEW_RECORD });
      }
      if (e.key.toLowerCase() === 'f') {
        e.preventDefault();
        document.querySelector<HTMLInputElement>('[data-testid="veg-search"] input')?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canEdit, editing]);

  const open = (row: VegetationRow) => setEditing({ ...row });
  const editSelected = () =>
    attempt(async () => {
      const id = grid.current?.selectedIds()[0];
      if (id) open(await call('vegetation.get', { id }));
    });

  return (
    <div className="page">
      <PageTitle title={t('vegetation.title')}>
        {canEdit && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing({ ...NEW_RECORD })}
            data-testid="veg-add"
          >
            {t('common.add')}
          </Button>
        )}
        {canEdit && (
          <Button icon={<EditOutlined />} disabled={selected !== 1} onClick={() => void editSelected()}>
            {t('common.edit')}
          </Button>
        )}
        <Button
          icon={<TeamOutlined />}
          disabled={selected !== 1}
          onClick={() => setDisputeFor(grid.current?.selectedIds()[0] ?? null)}
          data-testid="veg-dispute"
        >
          {t('vegetation.dispute')}
        </Button>
        {canEdit && (
          <Button danger icon={<DeleteOutlined />} disabled={selected === 0} onClick={remove} data-testid="veg-delete">
            {t('common.delete')}
          </Button>
        )}
        <Dropdown
          menu={{
            items: [
              { key: 'workOrder', label: t('print.workOrder.menu', { count: selected }), disabled: selected === 0 },
              { key: 'hazardList', label: t('print.hazardList.menu'), disabled: !filters.lineId },
            ],
            onClick: ({ key }) =>
              key === 'workOrder'
                ? navigate('print/workOrder', { ids: grid.current?.selectedIds() ?? [] })
                : navigate('print/hazardList', { lineId: filters.lineId }),
          }}
        >
          <Button icon={<PrinterOutlined />} data-testid="veg-print">
            {t('print.print')}
          </Button>
        </Dropdown>
        <ExcelActions sheet="vegetation" grid={grid} params={filters} canImport={canEdit} />
        <Button icon={<ReloadOutlined />} onClick={() => grid.current?.refresh()} aria-label={t('common.refresh')} />
      </PageTitle>

      <div className="toolbar" data-testid="veg-filters">
        <Space size={4}>
          {VEGETATION_PRESETS.map((p) => (
            <Tag.CheckableTag
              key={p}
              checked={presets.includes(p)}
              onChange={(on) =>
                set({ preset: undefined, presets: on ? [...presets, p] : presets.filter((x) => x !== p) })
              }
              data-testid={`preset-${p}`}
            >
              {t(`vegetation.presets.${p}`)}
            </Tag.CheckableTag>
          ))}
        </Space>
        <Select
          mode="multiple"
          allowClear
          style={{ minWidth: 150 }}
          placeholder={t('vegetation.hazardGrade')}
          value={filters.grades ?? []}
          options={HAZARD_GRADES.map((g) => ({ value: g, label: t(`vegetation.grades.${g}`) }))}
          onChange={(grades: Filters['grades']) => set({ grades: grades?.length ? grades : undefined })}
          data-testid="filter-grade"
        />
        <Select
          mode="multiple"
          allowClear
          style={{ minWidth: 150 }}
          placeholder={t('vegetation.status')}
          value={filters.statuses ?? []}
          options={VEGETATION_STATUSES.map((s) => ({ value: s, label: t(`vegetation.statuses.${s}`) }))}
          onChange={(statuses: Filters['statuses']) => set({ statuses: statuses?.length ? statuses : undefined })}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 190 }}
          placeholder={t('vegetation.filterLine')}
          value={filters.lineId}
          options={refs.lines.map((l) => ({ value: l.id, label: l.name }))}
          onChange={(lineId?: number) => set({ lineId })}
          data-testid="filter-line"
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 140 }}
          placeholder={t('vegetation.filterTownship')}
          value={filters.townshipId}
          options={refs.townships.map((x) => ({ value: x.id, label: x.name }))}
          onChange={(townshipId?: number) => set({ townshipId })}
        />
        <Input.Search
          key={filters.search ?? ''}
          defaultValue={filters.search}
          allowClear
          style={{ width: 260 }}
          placeholder={t('vegetation.searchPlaceholder')}
          title={t('vegetation.searchHint')}
          onSearch={(search) => set({ search: search || undefined })}
          data-testid="veg-search"
        />
      </div>

      <DataGrid
        ref={grid}
        method="vegetation.list"
        columns={columns}
        params={filters}
        selectable
        onOpen={canEdit ? open : undefined}
        onDeleteKey={canEdit ? remove : undefined}
        onSelectionChanged={setSelected}
        emptyTitle={t('vegetation.emptyTitle')}
        emptyHint={t('vegetation.emptyHint')}
        onClearFilters={anyFilter ? () => setFilters({}) : undefined}
        testId="vegetation-grid"
      />

      <FormDrawer
        open={editing !== null}
        title={editing?.id ? t('vegetation.editRecord') : t('vegetation.newRecord')}
        schema={vegetationInput}
        fields={(v) => vegetationFields(t, refs, v.townshipId as number | undefined)}
        initialValues={editing ?? {}}
        footerExtra={(v) => <JudgePreview values={v} />}
        below={
          typeof editing?.id === 'number' ? (
            <AttachmentsPanel entity="vegetation" entityId={editing.id} canEdit={canEdit} />
          ) : null
        }
        onClose={() => setEditing(null)}
        onSubmit={async (values) => {
          const { record, warnings } = await call('vegetation.save', values);
          warnings.forEach((w) => void message.warning(t(w)));
          void message.success(`${t('common.saved')}：${t(`vegetation.grades.${record.hazardGrade}`)}`);
          setEditing(null);
          grid.current?.refresh();
        }}
        testId="vegetation-form"
      />
      <DisputeDrawer
        recordId={disputeFor}
        canEdit={canEdit}
        onClose={() => setDisputeFor(null)}
        onChanged={() => grid.current?.refresh()}
      />
    </div>
  );
}
