import { useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { TOWER_KINDS, towerInput } from '@contract';
import { call } from '../../api/client';
import { ListPage } from '../../components/ListPage';
import { useRouteFilters } from '../../navigation';
import { useReferenceOptions } from './useReferenceOptions';
import { lineNameCell } from '../line-file/line-name-cell';

const number = { filter: 'agNumberColumnFilter', filterParams: { maxNumConditions: 1 } };

/** 杆塔: a line's towers one by one — type, and where known position and altitude (一线一档). */
export function TowersPage() {
  const { t } = useTranslation();
  const [refs] = useReferenceOptions();
  // Opened from a line: that line's towers.
  const route = useRouteFilters();
  const [lineId, setLineId] = useState<number | undefined>(
    typeof route?.lineId === 'number' ? route.lineId : undefined,
  );
  const lines = refs.lines.map((l) => ({ value: l.id, label: l.name }));
  const kinds = TOWER_KINDS.map((k) => ({ value: k, label: t(`reference.towerKinds.${k}`) }));
  return (
    <ListPage
      title={t('nav.towers')}
      sheet="towers"
      listMethod="towers.list"
      testId="towers-page"
      params={{ lineId }}
      filters={
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('reference.allLines')}
          style={{ width: 200 }}
          value={lineId}
          onChange={(v?: number) => setLineId(v)}
          options={lines}
          data-testid="filter-line"
        />
      }
      columns={[
        { field: 'lineName', headerName: t('reference.line'), width: 180, cellRenderer: lineNameCell(t) },
        {
          field: 'number',
          headerName: t('reference.towerNumber'),
          width: 90,
          valueFormatter: (p: { value?: number }) => (p.value ? `#${p.value}` : ''),
          ...number,
        },
        {
          field: 'kind',
          headerName: t('reference.towerKind'),
          width: 100,
          valueFormatter: (p: { value?: string }) => (p.value ? t(`reference.towerKinds.${p.value}`) : ''),
        },
        { field: 'longitude', headerName: t('reference.longitude'), width: 120, ...number },
        { field: 'latitude', headerName: t('reference.latitude'), width: 120, ...number },
        { field: 'altitude', headerName: t('reference.altitude'), width: 110, ...number },
        { field: 'notes', headerName: t('common.notes'), width: 240 },
      ]}
      schema={towerInput}
      fields={[
        { name: 'lineId', label: t('reference.line'), kind: 'select', required: true, options: lines },
        { name: 'number', label: t('reference.towerNumber'), kind: 'number', required: true, min: 1 },
        { name: 'kind', label: t('reference.towerKind'), kind: 'select', required: true, options: kinds },
        { name: 'altitude', label: t('reference.altitude'), kind: 'number' },
        { name: 'longitude', label: t('reference.longitude'), kind: 'number', min: -180 },
        { name: 'latitude', label: t('reference.latitude'), kind: 'number', min: -90 },
        { name: 'notes', label: t('common.notes'), kind: 'textarea', span: 24 },
      ]}
      newValues={{ lineId, kind: 'tangent' }}
      save={(v) => call('towers.save', v)}
      remove={(ids) => call('towers.delete', { ids })}
    />
  );
}
