import type { ColDef } from 'ag-grid-community';
import { useEffect, useMemo, useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { lightningTestInput, type LightningTestRow, type OutputOf } from '@contract';
import { call } from '../../api/client';
import { showFailure } from '../../components/failure';
import { ListPage } from '../../components/ListPage';
import type { FieldDef } from '../../components/FormDrawer';
import { VerdictTag } from './lightning-ui';
import { lineNameCell } from '../line-file/line-name-cell';

type Device = OutputOf<'lightningDevices.list'>['rows'][number];

/** The form's counter is 正常 / 不正常 / not chosen (未测), stored as counterOk true / false / null. */
const testForm = lightningTestInput.extend({ counter: z.enum(['ok', 'bad']).nullable().optional() });

/** 试验记录: each test with its readings, judged when saved against the standards (the reasons on the row). */
export function TestsPage() {
  const { t } = useTranslation();
  const [devices, setDevices] = useState<Device[]>([]);
  const [verdict, setVerdict] = useState<'pass' | 'fail' | undefined>(undefined);
  useEffect(() => {
    void call('lightningDevices.list', { startRow: 0, endRow: 1000, sortModel: [{ colId: 'code', sort: 'asc' }] }).then(
      (r) => setDevices(r.rows),
      showFailure,
    );
  }, []);
  const columns = useMemo<ColDef<LightningTestRow>[]>(
    () => [
      { field: 'deviceCode', headerName: t('lightning.code'), width: 110, pinned: 'left' },
      {
        field: 'deviceKind',
        headerName: t('lightning.kind'),
        width: 120,
        sortable: false,
        valueFormatter: (p) => (p.value ? t(`lightning.kinds.${p.value as string}`) : ''),
      },
      { field: 'lineName', headerName: t('lightning.line'), width: 140, cellRenderer: lineNameCell(t) },
      { field: 'testedOn', headerName: t('lightning.testedOn'), width: 110 },
      { field: 'tester', headerName: t('lightning.tester'), width: 90 },
      { field: 'groundingOhm', headerName: t('lightning.groundingOhm'), width: 110 },
      { field: 'insulationMohm', headerName: t('lightning.insulationMohm'), width: 120 },
      { field: 'u1maKv', headerName: t('lightning.u1maKv'), width: 100, sortable: false },
      { field: 'leakageUa', headerName: t('lightning.leakageUa'), width: 150 },
      {
        field: 'verdict',
        headerName: t('lightning.verdict'),
        width: 100,
        cellRenderer: (p: { data?: LightningTestRow }) =>
          p.data ? <VerdictTag t={t} verdict={p.data.verdict} /> : null,
      },
      {
        colId: 'reasons',
        headerName: t('lightning.reasons'),
        flex: 1,
        minWidth: 240,
        sortable: false,
        // The failing readings, then the readings a complete test needs that were not taken (未测).
        valueGetter: (p) => {
          const j = p.data?.judgement;
          if (!j) return '';
          const failed = j.items.filter((i) => !i.pass).map((i) => i.reason);
          const untested = j.missing.length
            ? [t('lightning.notTaken', { checks: j.missing.map((c) => t(`lightning.checks.${c}`)).join('、') })]
            : [];
          return [...failed, ...untested].join('；');
        },
      },
    ],
    [t],
  );
  const fields = (v: Record<string, unknown>): FieldDef[] => {
    const device = devices.find((d) => d.id === v.deviceId);
    const arrester = device?.kind === 'arrester';
    return [
      {
        name: 'deviceId',
        label: t('lightning.device'),
        kind: 'select',
        required: true,
        span: 24,
        options: devices.map((d) => ({
          value: d.id,
          label: `${d.code} ${[d.lineName, d.tower, d.siteName].filter(Boolean).join(' ')}`,
        })),
      },
      { name: 'testedOn', label: t('lightning.testedOn'), kind: 'date', required: true },
      { name: 'tester', label: t('lightning.tester'), kind: 'text', required: true },
      { name: 'instrument', label: t('lightning.instrument'), kind: 'text' },
      { name: 'weather', label: t('lightning.weather'), kind: 'text' },
      {
        name: 'groundingOhm',
        label: t('lightning.groundingOhm'),
        kind: 'number',
        required: device !== undefined && !arrester,
      },
      // An arrester's readings: those taken are judged, those left empty are recorded as 未测.
      {
        name: 'insulationMohm',
        label: t('lightning.insulationMohm'),
        kind: 'number',
        hidden: !arrester,
        placeholder: t('lightning.leaveEmpty'),
      },
      {
        name: 'u1maKv',
        label: t('lightning.u1maKv'),
        kind: 'number',
        hidden: !arrester,
        placeholder: t('lightning.leaveEmpty'),
      },
      {
        name: 'leakageUa',
        label: t('lightning.leakageUa'),
        kind: 'number',
        hidden: !arrester,
        placeholder: t('lightning.leaveEmpty'),
      },
      {
        name: 'counter',
        label: t('lightning.checks.counter'),
        kind: 'select',
        hidden: !arrester,
        options: [
          { value: 'ok', label: t('lightning.counterStates.ok') },
          { value: 'bad', label: t('lightning.counterStates.bad') },
        ],
        placeholder: t('lightning.leaveEmpty'),
      },
      { name: 'notes', label: t('common.notes'), kind: 'textarea', span: 24 },
    ];
  };
  return (
    <ListPage
      title={t('lightning.tests')}
      listMethod="lightningTests.list"
      columns={columns as ColDef[]}
      schema={testForm}
      toForm={(row) => ({ ...row, counter: row.counterOk === true ? 'ok' : row.counterOk === false ? 'bad' : null })}
      fields={fields}
      newValues={{}}
      params={{ verdict }}
      filters={
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('lightning.verdict')}
          value={verdict}
          onChange={setVerdict}
          options={(['pass', 'fail'] as const).map((v) => ({ value: v, label: t(`lightning.verdicts.${v}`) }))}
          data-testid="test-verdict"
        />
      }
      // Only an arrester has a discharge counter; not chosen = not tested.
      save={({ counter, ...v }) =>
        call('lightningTests.save', {
          ...v,
          counterOk: devices.find((d) => d.id === v.deviceId)?.kind === 'arrester' && counter ? counter === 'ok' : null,
        })
      }
      remove={(ids) => call('lightningTests.delete', { ids })}
      testId="lightning-tests-page"
    />
  );
}
