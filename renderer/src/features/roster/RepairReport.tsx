import { useEffect, useRef, useState } from 'react';
import { Alert, Button, DatePicker, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { MonthlyReport } from '@contract';
import { call } from '../../api/client';
import { PageTitle } from '../../components/PageTitle';
import { showFailure } from '../../components/failure';

/** A month's promises kept and broken, per area and per crew, with every breach and its cause. */
export function RepairReportPage() {
  const { t } = useTranslation();
  const [month, setMonth] = useState(() => dayjs().format('YYYY-MM'));
  const [report, setReport] = useState<MonthlyReport | null>(null);
  // The page opens on this month; when it has no calls yet, on the latest month that has some.
  const firstLoad = useRef(true);
  const [jumped, setJumped] = useState(false);
  const shownMonth = useRef(month);
  shownMonth.current = month;
  useEffect(() => {
    void call('repairs.monthly', { month }).then(
      (r) => {
        if (shownMonth.current !== month) return; // the user has picked another month meanwhile
        const latest = r.latestMonthWithCalls;
        const empty = r.areas.every((a) => a.calls === 0);
        if (firstLoad.current && empty && latest && latest !== month) {
          firstLoad.current = false;
          setJumped(true);
          setMonth(latest);
          return;
        }
        firstLoad.current = false;
        setReport(r);
      },
      (err: unknown) => showFailure(err),
    );
  }, [month]);
  const calls = report?.areas.reduce((n, a) => n + a.calls, 0) ?? 0;
  const latest = report?.latestMonthWithCalls;
  const num = (v: number | null) => (v === null ? '—' : v);
  const rate = (calls: number, breaches: number) =>
    calls ? `${Math.round(((calls - breaches) / calls) * 1000) / 10}%` : '—';
  return (
    <div className="page page-scroll" data-testid="repair-report">
      <PageTitle title={t('repairs.report')}>
        <DatePicker
          picker="month"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          onChange={(d) => {
            if (!d) return;
            firstLoad.current = false;
            setJumped(false);
            setMonth(d.format('YYYY-MM'));
          }}
          data-testid="report-month"
        />
      </PageTitle>
      {report && jumped && report.month === month && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('repairs.openedLatest', { month })}
          data-testid="report-jumped"
        />
      )}
      {report && calls === 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('repairs.noCallsInMonth', { month })}
          action={
            latest && latest !== month ? (
              <Button size="small" onClick={() => setMonth(latest)} data-testid="report-go-latest">
                {t('repairs.goLatest', { month: latest })}
              </Button>
            ) : undefined
          }
          data-testid="report-empty"
        />
      )}
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
          {
            title: t('repairs.arrivalBreaches'),
            dataIndex: 'arrivalBreaches',
            render: (v: number) => <span className={v ? 'row-overdue' : undefined}>{v}</span>,
          },
          { title: t('repairs.compliance'), key: 'rate', render: (_, r) => rate(r.calls, r.arrivalBreaches) },
          { title: t('repairs.restoreBreaches'), dataIndex: 'restoreBreaches' },
          {
            title: t('repairs.avgArrival'),
            key: 'avgArrival',
            render: (_, r) => `${num(r.avgArrival)}（${t('repairs.vsAverage')} ${r.avgArrivalPromise}）`,
          },
          {
            title: t('repairs.avgRepair'),
            key: 'avgRepair',
            render: (_, r) => `${num(r.avgRepair)}（${t('repairs.vsAverage')} ${num(r.avgRepairPromise)}）`,
          },
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
          {
            title: t('repairs.arrivalMinutes'),
            key: 'a',
            render: (_, r) => (r.arrivalMinutes === null ? '—' : `${r.arrivalMinutes} / ${r.arrivalPromise}`),
          },
          {
            title: t('repairs.restoreMinutes'),
            key: 'r',
            render: (_, r) => (r.restoreMinutes === null ? '—' : `${r.restoreMinutes} / ${num(r.restorePromise)}`),
          },
          { title: t('repairs.delayCause'), dataIndex: 'delayCause', render: (v: string | null) => v ?? '—' },
        ]}
      />
    </div>
  );
}
