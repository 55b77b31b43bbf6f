import type { ColDef } from 'ag-grid-community';
import { useMemo, useState } from 'react';
import { Button, Checkbox, Drawer, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  LIGHTNING_DEVICE_TYPES,
  LIGHTNING_SITES,
  lightningDeviceInput,
  type LightningDeviceRow,
  type LightningDeviceType,
} from '@contract';
import { call } from '../../api/client';
import { ListPage } from '../../components/ListPage';
import type { FieldDef } from '../../components/FormDrawer';
import { useRouteFilters } from '../../navigation';
import { useReferenceOptions } from '../reference/useReferenceOptions';
import { VerdictTag } from './lightning-ui';
import { DeviceHistory } from './DeviceHistory';
import { lineNameCell } from '../line-file/line-name-cell';

/** 防雷设施: every rod, arrester, ground wire and ground, when it was last tested, what it gave, when it is due. */
export function DevicesPage() {
  const { t } = useTranslation();
  const [refs] = useReferenceOptions();
  const route = useRouteFilters();
  const [kind, setKind] = useState<LightningDeviceType | undefined>(undefined);
  const [overdue, setOverdue] = useState(route?.overdue === true);
  const [red, setRed] = useState(route?.red === true);
  const [history, setHistory] = useState<LightningDeviceRow | null>(null);
  const columns = useMemo<ColDef<LightningDeviceRow>[]>(
    () => [
      {
        field: 'code',
        headerName: t('lightning.code'),
        width: 110,
        pinned: 'left',
        cellClass: (p) => (p.data?.red ? 'row-overdue' : ''),
      },
      {
        field: 'kind',
        headerName: t('lightning.kind'),
        width: 120,
        valueFormatter: (p) => (p.value ? t(`lightning.kinds.${p.value as string}`) : ''),
      },
      {
        field: 'site',
        headerName: t('lightning.site'),
        width: 130,
        valueFormatter: (p) => (p.value ? t(`lightning.sites.${p.value as string}`) : ''),
      },
      { field: 'lineName', headerName: t('lightning.line'), width: 140, cellRenderer: lineNameCell(t) },
      { field: 'tower', headerName: t('lightning.tower'), width: 80 },
      { field: 'siteName', headerName: t('lightning.siteName'), width: 140 },
      { field: 'soilResistivity', headerName: t('lightning.soilResistivity'), width: 120 },
      {
        colId: 'lastTestedOn',
        headerName: t('lightning.lastTestedOn'),
        width: 110,
        sortable: false,
        valueGetter: (p) => p.data?.lastTestedOn ?? '—',
      },
      {
        colId: 'lastVerdict',
        headerName: t('lightning.lastVerdict'),
        width: 100,
        sortable: false,
        cellRenderer: (p: { data?: LightningDeviceRow }) =>
          p.data?.lastTestedOn ? <VerdictTag t={t} verdict={p.data.lastVerdict} /> : '—',
      },
      {
        colId: 'nextDueOn',
        headerName: t('lightning.nextDueOn'),
        width: 190,
        sortable: false,
        cellRenderer: (p: { data?: LightningDeviceRow }) =>
          p.data ? (
            <span className={p.data.overdue ? 'row-overdue' : undefined} data-testid="next-due">
              {p.data.nextDueOn}（{t(`lightning.dueReasons.${p.data.dueReason}`)}）
              {p.data.overdue ? ` ${t('lightning.overdue')}` : ''}
            </span>
          ) : null,
      },
      {
        colId: 'history',
        headerName: '',
        width: 90,
        sortable: false,
        cellRenderer: (p: { data?: LightningDeviceRow }) =>
          p.data ? (
            <Button size="small" onClick={() => setHistory(p.data!)}>
              {t('lightning.history')}
            </Button>
          ) : null,
      },
    ],
    [t],
  );
  const fields = (v: Record<string, unknown>): FieldDef[] => [
    {
      name: 'kind',
      label: t('lightning.kind'),
      kind: 'select',
      required: true,
      options: LIGHTNING_DEVICE_TYPES.map((k) => ({ value: k, label: t(`lightning.kinds.${k}`) })),
    },
    { name: 'code', label: t('lightning.code'), kind: 'text', required: true },
    {
      name: 'site',
      label: t('lightning.site'),
      kind: 'select',
      required: true,
      options: LIGHTNING_SITES.map((k) => ({ value: k, label: t(`lightning.sites.${k}`) })),
    },
    {
      name: 'lineId',
      label: t('lightning.line'),
      kind: 'select',
      required: v.site === 'tower',
      options: refs.lines.map((l) => ({ value: l.id, label: l.name })),
    },
    { name: 'tower', label: t('lightning.tower'), kind: 'text' },
    { name: 'siteName', label: t('lightning.siteName'), kind: 'text' },
    { name: 'model', label: t('lightning.model'), kind: 'text' },
    { name: 'installDate', label: t('lightning.installDate'), kind: 'date' },
    { name: 'soilResistivity', label: t('lightning.soilResistivity'), kind: 'number', hidden: v.site !== 'tower' },
    {
      name: 'transformerKva',
      label: t('lightning.transformerKva'),
      kind: 'number',
      required: v.site === 'transformer',
      hidden: v.site !== 'transformer',
    },
    {
      name: 'ratedKv',
      label: t('lightning.ratedKv'),
      kind: 'number',
      required: v.kind === 'arrester',
      hidden: v.kind !== 'arrester',
    },
    { name: 'u1maInitial', label: t('lightning.u1maInitial'), kind: 'number', hidden: v.kind !== 'arrester' },
    { name: 'hasGroundWire', label: t('lightning.hasGroundWire'), kind: 'checkbox', hidden: v.site !== 'tower' },
    { name: 'radialElectrodes', label: t('lightning.radialElectrodes'), kind: 'checkbox', hidden: v.site !== 'tower' },
    { name: 'nearStation', label: t('lightning.nearStation'), kind: 'checkbox', hidden: v.site !== 'tower' },
    { name: 'notes', label: t('common.notes'), kind: 'textarea', span: 24 },
  ];
  return (
    <>
      <ListPage
        title={t('lightning.devices')}
        sheet="lightningDevices"
        listMethod="lightningDevices.list"
        columns={columns as ColDef[]}
        schema={lightningDeviceInput}
        fields={fields}
        newValues={{
          kind: 'grounding',
          site: 'tower',
          hasGroundWire: true,
          radialElectrodes: false,
          nearStation: false,
        }}
        params={{ kind, overdue: overdue || undefined, red: red || undefined }}
        filters={
          <>
            <Select
              allowClear
              style={{ width: 160 }}
              placeholder={t('lightning.kind')}
              value={kind}
              onChange={setKind}
              options={LIGHTNING_DEVICE_TYPES.map((k) => ({ value: k, label: t(`lightning.kinds.${k}`) }))}
            />
            <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)} data-testid="lightning-overdue">
              {t('lightning.overdueOnly')}
            </Checkbox>
            <Checkbox checked={red} onChange={(e) => setRed(e.target.checked)} data-testid="lightning-red">
              {t('lightning.redOnly')}
            </Checkbox>
          </>
        }
        save={(v) => call('lightningDevices.save', v)}
        remove={(ids) => call('lightningDevices.delete', { ids })}
        testId="lightning-devices-page"
      />
      <Drawer
        open={history !== null}
        size={720}
        title={`${history?.code ?? ''} · ${t('lightning.history')}`}
        onClose={() => setHistory(null)}
        destroyOnHidden
      >
        {history && <DeviceHistory device={history} />}
      </Drawer>
    </>
  );
}
