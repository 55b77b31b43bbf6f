import { useMemo } from 'react';
import { Button, Card, Col, Row, Spin, Statistic, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DashboardPanel, DrillLink } from '@contract';
import { call } from '../../api/client';
import { LoadFailed, useLoaded } from '../../components/failure';
import { Chart } from '../../components/Chart';
import { PageTitle } from '../../components/PageTitle';
import { navigate } from '../../navigation';

const TONES = { danger: '#cf1322', warning: '#d46b08', normal: undefined, success: '#389e0d' } as const;

function open(link: DrillLink, extra: Record<string, unknown> = {}) {
  navigate(link.page, { ...link.filters, ...extra });
}

function StatsPanel({ panel }: { panel: Extract<DashboardPanel, { kind: 'stats' }> }) {
  const { t } = useTranslation();
  return (
    <Card title={t(panel.title)} size="small" data-testid={`panel-${panel.id}`}>
      <Row gutter={16}>
        {panel.items.map((item) => (
          <Col key={item.label} flex="1">
            <div
              className={item.link ? 'stat-link' : undefined}
              onClick={() => item.link && open(item.link)}
              role={item.link ? 'link' : undefined}
              data-testid={`stat-${item.label}`}
            >
              <Statistic
                title={t(item.label, { unit: item.unit })}
                value={item.value}
                valueStyle={{ color: TONES[item.tone] }}
                precision={Number.isInteger(item.value) ? 0 : 2}
              />
            </div>
          </Col>
        ))}
      </Row>
    </Card>
  );
}

function BarPanel({ panel }: { panel: Extract<DashboardPanel, { kind: 'bar' }> }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      // A category is a name from the data (a line) or an i18n key (a status).
      yAxis: {
        type: 'category',
        inverse: true,
        data: panel.categories.map((c) => t(c.name, { defaultValue: c.name })),
      },
      series: panel.series.map((s) => ({
        type: 'bar',
        stack: 'total',
        name: t(s.label),
        itemStyle: { color: s.color },
        data: s.data,
        barMaxWidth: 18,
      })),
    }),
    [panel, t],
  );
  return (
    <Card title={t(panel.title, { unit: panel.unit })} size="small" data-testid={`panel-${panel.id}`}>
      {panel.categories.length === 0 ? (
        <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>
      ) : (
        <Chart
          option={option}
          height={Math.max(220, panel.categories.length * 26 + 60)}
          onClick={({ dataIndex, seriesIndex }) =>
            open(panel.link, { ...panel.categories[dataIndex]!.filters, ...panel.series[seriesIndex]!.filters })
          }
          testId={`chart-${panel.id}`}
        />
      )}
    </Card>
  );
}

/** 首页: what is late and where, live from the ledgers; every number opens the grid behind it. */
export function DashboardPage() {
  const { t } = useTranslation();
  const loaded = useLoaded(() => call('dashboard.panels', {}), []);
  const panels = loaded.data?.panels ?? null;
  const load = loaded.reload;

  const stats = panels?.filter((p) => p.kind === 'stats') ?? [];
  const bars = panels?.filter((p) => p.kind === 'bar') ?? [];
  return (
    <div className="page page-scroll page-rows" data-testid="dashboard">
      <PageTitle title={t('dashboard.title')}>
        <Button icon={<ReloadOutlined />} onClick={load} aria-label={t('common.refresh')} />
      </PageTitle>
      {panels === null && loaded.failed ? (
        <LoadFailed error={loaded.error} onRetry={load} />
      ) : panels === null ? (
        <Spin />
      ) : (
        <>
          <Row gutter={[12, 12]}>
            {stats.map((p) => (
              <Col key={p.id} xs={24} xl={12}>
                {p.kind === 'stats' && <StatsPanel panel={p} />}
              </Col>
            ))}
          </Row>
          <Row gutter={[12, 12]}>
            {bars.map((p) => (
              <Col key={p.id} xs={24}>
                {p.kind === 'bar' && <BarPanel panel={p} />}
              </Col>
            ))}
          </Row>
        </>
      )}
    </div>
  );
}
