import type { ColDef } from 'ag-grid-community';
import { useEffect, useMemo, useState } from 'react';
import { Card, InputNumber, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { tripInput, type OutputOf, type TripRow } from '@contract';
import { call } from '../../api/client';
import { showFailure } from '../../components/failure';
import { ListPage } from '../../components/ListPage';
import { useReferenceOptions } from '../reference/useReferenceOptions';
import { useRouteFilters } from '../../navigation';
import { lineNameCell } from '../line-file/line-name-cell';

type ByLine = OutputOf<'trips.byLine'>['rows'][number];

/** 雷击跳闸: each trip, and per line how many trips a year and whether its devices had been tested in time. */
export function TripsPage() {
  const { t } = useTranslation();
  const [refs] = useReferenceOptions();
  // Opened from a bar on 首页: that line's trips in that year.
  const route = useRouteFilters();
  const [year, setYear] = useState(typeof route?.year === 'number' ? route.year : new Date().getFullYear());
  const lineId = typeof route?.lineId === 'number' ? route.lineId : undefined;
  const [byLine, setByLine] = useState<ByLine[]>([]);
  const [devices, setDevices] = useState<{ value: number; label: string }[]>([]);
  useEffect(() => void call('trips.byLine', { year }).then((r) => setByLine(r.rows), showFailure), [year]);
  useEffect(
    () =>
      void call('lightningDevices.list', {
        startRow: 0,
        endRow: 1000,
        sortModel: [{ colId: 'code', sort: 'asc' }],
      }).then(
        (r) =>
          setDevices(
            r.rows.map((d) => ({ value: d.id, label: `${d.code} ${[d.lineName, d.tower].filter(Boolean).join(' ')}` })),
          ),
        showFailure,
      ),
    [],
  );
  const columns = useMemo<ColDef<TripRow>[]>(
    () => [
      {
        field: 'occurredAt',
        headerName: t('lightning.occurredAt'),
        width: 150,
        valueFormatter: (p) => String(p.value ?? '').replace('T', ' '),
      },
      { field: 'lineName', headerName: t('lightning.line'), width: 150, cellRenderer: lineNameCell(t) },
      { field: 'towers', headerName: t('lightning.towers'), width: 110 },
      {
        field: 'reclosed',
        headerName: t('lightning.reclosed'),
        width: 90,
        sortable: false,
        valueFormatter: (p) => t(p.value ? 'lightning.yes' : 'lightning.no'),
      },
      { field: 'damage', headerName: t('lightning.damage'), width: 160 },
      {
        colId: 'devices',
        headerName: t('lightning.linkedDevices'),
        flex: 1,
        sortable: false,
        valueGetter: (p) => p.data?.deviceCodes.join('、'),
      },
    ],
    [t],
  );
  return (
    <>
      <Card
        size="small"
        title={t('lightning.byLine', { year })}
        extra={<InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} />}
        data-testid="trips-by-line"
      >
        <Table<ByLine>
          size="small"
          rowKey="lineId"
          dataSource={byLine}
          pagination={false}
          scroll={{ y: 170 }}
          columns={[
            { title: t('lightning.line'), dataIndex: 'lineName' },
            { title: t('lightning.tripCount'), dataIndex: 'trips', width: 90 },
            { title: t('lightning.reclosedCount'), dataIndex: 'reclosed', width: 90 },
            { title: t('lightning.deviceCount'), dataIndex: 'devices', width: 110 },
            { title: t('lightning.untested'), dataIndex: 'untestedAtTrip', width: 120 },
            {
              title: t('lightning.testedInTime'),
              dataIndex: 'testedInTime',
              width: 100,
              render: (v: boolean) => <Tag color={v ? 'green' : 'red'}>{t(v ? 'lightning.yes' : 'lightning.no')}</Tag>,
            },
          ]}
        />
      </Card>
      <ListPage
        title={t('lightning.trips')}
        listMethod="trips.list"
        columns={columns as ColDef[]}
        schema={tripInput}
        fields={[
          {
            name: 'lineId',
            label: t('lightning.line'),
            kind: 'select',
            required: true,
            options: refs.lines.map((l) => ({ value: l.id, label: l.name })),
          },
          { name: 'occurredAt', label: t('lightning.occurredAt'), kind: 'datetime', required: true },
          { name: 'towers', label: t('lightning.towers'), kind: 'text' },
          { name: 'reclosed', label: t('lightning.reclosed'), kind: 'checkbox' },
          { name: 'damage', label: t('lightning.damage'), kind: 'text', span: 24 },
          { name: 'deviceIds', label: t('lightning.linkedDevices'), kind: 'multiselect', span: 24, options: devices },
          { name: 'notes', label: t('common.notes'), kind: 'textarea', span: 24 },
        ]}
        newValues={{ reclosed: false, deviceIds: [], lineId }}
        params={{ lineId, year: lineId ? year : undefined }}
        save={async (v) => {
          await call('trips.save', v);
          setByLine((await call('trips.byLine', { year })).rows);
        }}
        remove={(ids) => call('trips.delete', { ids })}
        testId="trips-page"
      />
    </>
  );
}
