import type { ColDef } from 'ag-grid-community';
import { useMemo, useState } from 'react';
import { Checkbox, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { CONDITION_LEVELS, DEFECT_GRADES, EQUIPMENT_TYPES, equipmentInput, type EquipmentRow } from '@contract';
import { call } from '../../api/client';
import { ListPage } from '../../components/ListPage';
import { useRouteFilters } from '../../navigation';
import { useReferenceOptions } from '../reference/useReferenceOptions';
import { lineNameCell } from '../line-file/line-name-cell';

const GRADE_COLORS = { general: 'blue', serious: 'orange', critical: 'red' } as const;

/** 设备台账: what the office has, how old and in what state, and which defects must be handled by when. */
export function EquipmentPage() {
  const { t } = useTranslation();
  const [refs] = useReferenceOptions();
  const route = useRouteFilters();
  const [overdueOnly, setOverdueOnly] = useState(route?.defectOverdue === true);
  const columns = useMemo<ColDef<EquipmentRow>[]>(
    () => [
      { field: 'code', headerName: t('equipment.code'), width: 110, pinned: 'left' },
      { field: 'name', headerName: t('equipment.name'), width: 200 },
      {
        field: 'kind',
        headerName: t('equipment.kind'),
        width: 100,
        valueFormatter: (p) => (p.value ? t(`equipment.kinds.${p.value as string}`) : ''),
      },
      { field: 'lineName', headerName: t('equipment.line'), width: 140, cellRenderer: lineNameCell(t) },
      { field: 'location', headerName: t('equipment.location'), width: 110 },
      { field: 'model', headerName: t('equipment.model'), width: 150 },
      { field: 'installYear', headerName: t('equipment.installYear'), width: 100 },
      { colId: 'age', headerName: t('equipment.age'), width: 90, sortable: false, valueGetter: (p) => p.data?.age },
      {
        field: 'condition',
        headerName: t('equipment.condition'),
        width: 100,
        valueFormatter: (p) => (p.value ? t(`equipment.conditions.${p.value as number}`) : ''),
      },
      {
        field: 'defectGrade',
        headerName: t('equipment.defectGrade'),
        width: 100,
        cellRenderer: (p: { data?: EquipmentRow }) =>
          p.data?.defectGrade ? (
            <Tag color={GRADE_COLORS[p.data.defectGrade]}>{t(`equipment.grades.${p.data.defectGrade}`)}</Tag>
          ) : (
            '—'
          ),
      },
      {
        colId: 'defectDueOn',
        headerName: t('equipment.defectDueOn'),
        width: 130,
        sortable: false,
        cellRenderer: (p: { data?: EquipmentRow }) =>
          p.data?.defectDueOn ? (
            <span className={p.data.defectOverdue ? 'row-overdue' : undefined}>
              {p.data.defectDueOn}
              {p.data.defectOverdue ? ` ${t('equipment.overdue')}` : ''}
            </span>
          ) : (
            '—'
          ),
      },
    ],
    [t],
  );
  return (
    <ListPage
      title={t('equipment.title')}
      sheet="equipment"
      listMethod="equipment.list"
      columns={columns as ColDef[]}
      schema={equipmentInput}
      fields={[
        {
          name: 'kind',
          label: t('equipment.kind'),
          kind: 'select',
          required: true,
          options: EQUIPMENT_TYPES.map((k) => ({ value: k, label: t(`equipment.kinds.${k}`) })),
        },
        { name: 'code', label: t('equipment.code'), kind: 'text', required: true },
        { name: 'name', label: t('equipment.name'), kind: 'text', required: true, span: 24 },
        {
          name: 'lineId',
          label: t('equipment.line'),
          kind: 'select',
          options: refs.lines.map((l) => ({ value: l.id, label: l.name })),
        },
        { name: 'location', label: t('equipment.location'), kind: 'text' },
        { name: 'model', label: t('equipment.model'), kind: 'text' },
        { name: 'capacity', label: t('equipment.capacity'), kind: 'text' },
        { name: 'installYear', label: t('equipment.installYear'), kind: 'integer', min: 1950 },
        {
          name: 'condition',
          label: t('equipment.condition'),
          kind: 'select',
          required: true,
          options: CONDITION_LEVELS.map((c) => ({ value: c, label: t(`equipment.conditions.${c}`) })),
        },
        {
          name: 'defectGrade',
          label: t('equipment.defectGrade'),
          kind: 'select',
          options: DEFECT_GRADES.map((g) => ({ value: g, label: t(`equipment.grades.${g}`) })),
        },
        { name: 'defectFoundOn', label: t('equipment.defectFoundOn'), kind: 'date' },
        { name: 'notes', label: t('common.notes'), kind: 'textarea', span: 24 },
      ]}
      newValues={{ kind: 'transformer', condition: 3 }}
      params={{ defectOverdue: overdueOnly || undefined }}
      filters={
        <Checkbox
          checked={overdueOnly}
          onChange={(e) => setOverdueOnly(e.target.checked)}
          data-testid="equipment-overdue"
        >
          {t('equipment.overdueOnly')}
        </Checkbox>
      }
      save={(v) => call('equipment.save', v)}
      remove={(ids) => call('equipment.delete', { ids })}
      testId="equipment-page"
    />
  );
}
