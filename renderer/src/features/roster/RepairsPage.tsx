import { useEffect, useMemo, useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import { Checkbox, DatePicker, Space } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { RepairAreaRow, RepairRow } from '@contract';
import { call } from '../../api/client';
import { showFailure } from '../../components/failure';
import { ListPage } from '../../components/ListPage';
import { useRouteFilters } from '../../navigation';
import { useReferenceOptions } from '../reference/useReferenceOptions';
import { repairFields, repairForm, repairFormValues } from './repairs.forms';
import { useDutyCrews } from './useDutyCrews';
import { lineNameCell } from '../line-file/line-name-cell';

/** 抢修记录: each call judged against its area's promise, and the month's compliance. */
export function RepairsPage() {
  const { t } = useTranslation();
  const [refs] = useReferenceOptions();
  const crews = useDutyCrews();
  const [areas, setAreas] = useState<RepairAreaRow[]>([]);
  // Opened from 首页: the month, area and whether only late arrivals, as the bar showed them.
  const route = useRouteFilters();
  const [month, setMonth] = useState<string | undefined>(typeof route?.month === 'string' ? route.month : undefined);
  const [breachesOnly, setBreachesOnly] = useState(route?.breachesOnly === true);
  const [routed] = useState(() => ({
    areaId: typeof route?.areaId === 'number' ? route.areaId : undefined,
    arrival: route?.arrival as 'onTime' | 'late' | undefined,
  }));
  useEffect(() => void call('repairAreas.list', {}).then((r) => setAreas(r.rows), showFailure), []);

  const minutes = (value: number | null, breach: boolean, promise: number | null) =>
    value === null ? (
      '—'
    ) : (
      <span
        className={breach ? 'row-overdue' : undefined}
        title={promise ? t('repairs.promise', { value: promise }) : undefined}
      >
        {t('repairs.minutes', { value })}
        {breach ? ` · ${t('repairs.breach')}` : ''}
      </span>
    );
  const columns = useMemo<ColDef<RepairRow>[]>(
    () => [
      {
        field: 'receivedAt',
        headerName: t('repairs.receivedAt'),
        width: 150,
        valueFormatter: (p) => String(p.value ?? '').replace('T', ' '),
      },
      { field: 'areaName', headerName: t('repairs.area'), width: 90 },
      { field: 'fault', headerName: t('repairs.fault'), width: 240 },
      { field: 'crewNames', headerName: t('repairs.crewNames'), width: 160 },
      {
        colId: 'arrival',
        headerName: t('repairs.arrivalMinutes'),
        width: 120,
        sortable: false,
        cellRenderer: (p: { data?: RepairRow }) =>
          p.data ? minutes(p.data.arrivalMinutes, p.data.arrivalBreach, p.data.arrivalPromise) : null,
      },
      {
        colId: 'restore',
        headerName: t('repairs.restoreMinutes'),
        width: 120,
        sortable: false,
        cellRenderer: (p: { data?: RepairRow }) =>
          p.data ? minutes(p.data.restoreMinutes, p.data.restoreBreach, p.data.restorePromise) : null,
      },
      { field: 'delayCause', headerName: t('repairs.delayCause'), width: 140 },
      {
        field: 'source',
        headerName: t('repairs.source'),
        width: 100,
        valueFormatter: (p) => (p.value ? t(`repairs.sources.${p.value as string}`) : ''),
      },
      { field: 'orderNo', headerName: t('repairs.orderNo'), width: 170 },
      { field: 'lineName', headerName: t('repairs.line'), width: 130, cellRenderer: lineNameCell(t) },
    ],
    [t], // eslint-disable-line react-hooks/exhaustive-deps
  );
  return (
    <ListPage
      title={t('repairs.title')}
      listMethod="repairs.list"
      columns={columns as ColDef[]}
      schema={repairForm}
      fields={(v) => repairFields(t, areas, refs, crews, v)}
      toForm={repairFormValues}
      newValues={{ source: '95598', receivedAt: dayjs().format('YYYY-MM-DDTHH:mm') }}
      params={{ month, ...routed, breachesOnly: breachesOnly || undefined }}
      filters={
        <Space>
          <DatePicker
            picker="month"
            allowClear
            placeholder={t('repairs.month')}
            defaultValue={month ? dayjs(`${month}-01`) : undefined}
            onChange={(d) => setMonth(d ? d.format('YYYY-MM') : undefined)}
          />
          <Checkbox
            checked={breachesOnly}
            onChange={(e) => setBreachesOnly(e.target.checked)}
            data-testid="repairs-breaches-only"
          >
            {t('repairs.breachesOnly')}
          </Checkbox>
        </Space>
      }
      save={(v) => call('repairs.save', v)}
      remove={(ids) => call('repairs.delete', { ids })}
      testId="repairs-page"
    />
  );
}
