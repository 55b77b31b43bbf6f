import { useEffect, useState } from 'react';
import { Button, Descriptions, Table } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { LightningDeviceRow, LightningTestRow } from '@contract';
import { call } from '../../api/client';
import { showFailure } from '../../components/failure';
import { Chart } from '../../components/Chart';
import { navigate } from '../../navigation';
import { VerdictTag } from './lightning-ui';

/** A device's readings over the years as a small chart (the reading its type is judged by), and the tests as a list. */
export function DeviceHistory({ device }: { device: LightningDeviceRow }) {
  const { t } = useTranslation();
  const [tests, setTests] = useState<LightningTestRow[]>([]);
  useEffect(() => {
    void call('lightningTests.list', {
      startRow: 0,
      endRow: 200,
      deviceId: device.id,
      sortModel: [{ colId: 'testedOn', sort: 'asc' }],
    }).then((r) => setTests(r.rows), showFailure);
  }, [device.id]);
  const arrester = device.kind === 'arrester';
  const series = arrester
    ? [
        { name: t('lightning.leakageUa'), key: 'leakageUa' as const },
        { name: t('lightning.u1maKv'), key: 'u1maKv' as const },
      ]
    : [{ name: t('lightning.groundingOhm'), key: 'groundingOhm' as const }];
  const limit = tests.at(-1)?.judgement.items.find((i) => i.check === (arrester ? 'leakage' : 'grounding'))?.limit;
  return (
    <div data-testid="device-history">
      <Button
        icon={<PrinterOutlined />}
        style={{ marginBottom: 12 }}
        onClick={() => navigate('print/testReport', { deviceId: device.id })}
        data-testid="print-device-report"
      >
        {t('lightning.printReport')}
      </Button>
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('lightning.kind')}>{t(`lightning.kinds.${device.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('lightning.site')}>
          {[device.lineName, device.tower, device.siteName].filter(Boolean).join(' ')}
        </Descriptions.Item>
        <Descriptions.Item label={t('lightning.nextDueOn')}>
          {device.nextDueOn}（{t(`lightning.dueReasons.${device.dueReason}`)}）
        </Descriptions.Item>
        <Descriptions.Item label={t('lightning.limit')}>{limit ?? '—'}</Descriptions.Item>
      </Descriptions>
      {tests.length > 0 && (
        <Chart
          height={220}
          testId="history-chart"
          option={{
            tooltip: { trigger: 'axis' },
            legend: { top: 0 },
            grid: { left: 50, right: 20, top: 30, bottom: 30 },
            xAxis: { type: 'category', data: tests.map((x) => x.testedOn) },
            yAxis: { type: 'value' },
            series: series.map((s) => ({
              name: s.name,
              type: 'line',
              data: tests.map((x) => x[s.key]),
              markPoint: {
                data: tests
                  .map((x, i) =>
                    x.verdict === 'fail' ? { coord: [i, x[s.key]], value: '×', itemStyle: { color: '#cf1322' } } : null,
                  )
                  .filter(Boolean),
              },
            })),
          }}
        />
      )}
      <Table<LightningTestRow>
        size="small"
        rowKey="id"
        dataSource={[...tests].reverse()}
        pagination={false}
        columns={[
          { title: t('lightning.testedOn'), dataIndex: 'testedOn', width: 110 },
          { title: t('lightning.tester'), dataIndex: 'tester', width: 90 },
          ...series.map((s) => ({ title: s.name, dataIndex: s.key, width: 110 })),
          {
            title: t('lightning.verdict'),
            dataIndex: 'verdict',
            render: (_: unknown, r: LightningTestRow) => (
              <VerdictTag
                t={t}
                verdict={r.verdict}
                reasons={r.judgement.items.filter((i) => !i.pass).map((i) => i.reason)}
              />
            ),
          },
        ]}
      />
    </div>
  );
}
