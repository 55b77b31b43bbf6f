import { useEffect, useState } from 'react';
import { DatePicker, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { MonthlyReport } from '@contract';
import { call } from '../../api/client';
import { PageTitle } from '../../components/PageTitle';

/** A month's promises kept and broken, per area and per crew, with every breach and its cause. */
export function RepairReportPage() {
  const { t } = useTranslation();
  const [month, setMonth] = useState(() => dayjs().format('YYYY-MM'));
  const [report, setReport] = useState<MonthlyReport | null>(null);
  useEffect(() => void call('repairs.monthly', { month }).then(setReport), [month]);
  const num = (v: number | null) => (v === null ? '—' : v);
  const rate = (calls: number, breaches: number) => (calls ? `${Math.round(((calls - breaches) / calls) * 1000) / 10}%` : '—');
  return (
    <div className="page page-scroll" data-testid="repair-report">
      <PageTitle title={t('repairs.report')}>
        <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} />
      </PageTitle>
      <Typography.Title level={5}>{t('repairs.byArea')}</Typography.Title>
      <Table
        size="small"
        rowKey="areaId"
        pagination={false}
        dataSource={report?.areas ?? []}
        data-testid="report-areas"
        columns={[
          { title: t('repairs.area'), dataIndex: 'areaName' },
          { title: t('repairs.calls'), dataIndex: 'calls' },
          { title: t('repairs.arrivalBreaches'), dataIndex: 'arrivalBreaches', render: (v: number) => <span className={v ? 'row-overdue' : undefined}>{v}</span> },
          { title: t('repairs.compliance'), key: 'rate', render: (_, r) => rate(r.calls, r.arrivalBreaches) },
          { title: t('repairs.restoreBreaches'), dataIndex: 'restoreBreaches' },
          { title: t('repairs.avgArrival'), key: 'avgArrival', render: (_, r) => `${num(r.avgArrival)}（${t('repairs.vsAverage')} ${r.avgArrivalPromise}）` },
          { title: t('repairs.avgRepair'), key: 'avgRepair', render: (_, r) => `${num(r.avgRepair)}（${t('repairs.vsAverage')} ${num(r.avgRepairPromise)}）` },
        ]}
      />
      <Typography.Title level={5}>{t('repairs.byCrew')}</Typography.Title>
      <Table
        size="small"
        rowKey="crewLabel"
        pagination={false}
        dataSource={report?.crews ?? []}
        columns={[
          { title: t('repairs.crewNames'), dataIndex: 'crewLabel', render: (v: string) => v || t('repairs.noCrew') },
          { title: t('repairs.calls'), dataIndex: 'calls' },
          { title: t('repairs.arrivalBreaches'), dataIndex: 'arrivalBreaches' },
          { title: t('repairs.restoreBreaches'), dataIndex: 'restoreBreaches' },
          { title: t('repairs.avgArrival'), dataIndex: 'avgArrival', render: num },
        ]}
      />
      <Typography.Title level={5}>{t('repairs.breaches')}</Typography.Title>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={report?.breaches ?? []}
        data-testid="report-breaches"
        columns={[
          { title: t('repairs.receivedAt'), dataIndex: 'receivedAt', render: (v: string) => v.replace('T', ' ') },
          { title: t('repairs.area'), dataIndex: 'areaName' },
          { title: t('repairs.fault'), dataIndex: 'fault' },
          { title: t('repairs.arrivalMinutes'), key: 'a', render: (_, r) => (r.arrivalMinutes === null ? '—' : `${r.arrivalMinutes} / ${r.arrivalPromise}`) },
          { title: t('repairs.restoreMinutes'), key: 'r', render: (_, r) => (r.restoreMinutes === null ? '—' : `${r.restoreMinutes} / ${num(r.restorePromise)}`) },
          { title: t('repairs.delayCause'), dataIndex: 'delayCause', render: (v: string | null) => v ?? '—' },
        ]}
      />
    </div>
  );
}
