import { useState } from 'react';
import { Button, Table, Tooltip, Typography } from 'antd';
import { FileExcelOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { RISK_FACTORS, type LineRiskRow, type RiskFactor } from '@contract';
import { call } from '../../api/client';
import { useOthersChanges } from '../../api/changes';
import { downloadFile } from '../../api/files';
import { LoadFailed, attempt, useLoaded } from '../../components/failure';
import { PageTitle } from '../../components/PageTitle';
import { navigate } from '../../navigation';

const COUNTED = [
  'vegetation',
  'lightningDevices',
  'lightningTests',
  'trips',
  'equipment',
  'repairs',
  'lines',
  'settings',
];

/** 线路风险排序: every line's score before the thunderstorm season and 迎峰度夏, with what makes it up. */
export function LineRiskPage() {
  const { t } = useTranslation();
  const loaded = useLoaded(() => call('lineRisk.list', {}), []);
  useOthersChanges(COUNTED, loaded.reload);
  const rows = loaded.data?.rows ?? [];
  const [exporting, setExporting] = useState(false);
  const exportRanking = async () => {
    setExporting(true);
    await attempt(async () => {
      const headers = {
        sheet: t('lineRisk.sheet'),
        countsSheet: t('lineRisk.countsSheet'),
        rank: t('lineRisk.rank'),
        line: t('reference.line'),
        towerCount: t('lineRisk.towerCount'),
        score: t('lineRisk.score'),
        factors: Object.fromEntries(RISK_FACTORS.map((f) => [f, t(`settings.labels.${f}`)])) as Record<
          RiskFactor,
          string
        >,
      };
      await downloadFile((await call('lineRisk.export', { headers })).fileId);
    });
    setExporting(false);
  };
  return (
    <div className="page page-scroll page-rows" data-testid="line-risk">
      <PageTitle title={t('lineRisk.title')}>
        <Button
          icon={<FileExcelOutlined />}
          loading={exporting}
          disabled={rows.length === 0}
          onClick={exportRanking}
          data-testid="line-risk-export"
        >
          {t('lineRisk.export')}
        </Button>
        <Button icon={<ReloadOutlined />} onClick={loaded.reload} aria-label={t('common.refresh')} />
      </PageTitle>
      <Typography.Text type="secondary">{t('lineRisk.how')}</Typography.Text>
      {!loaded.data && loaded.failed ? (
        <LoadFailed error={loaded.error} onRetry={loaded.reload} />
      ) : (
        <Table<LineRiskRow>
          size="small"
          rowKey="lineId"
          loading={!loaded.data}
          dataSource={rows}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('lineRisk.rank'), width: 56, render: (_v, _r, i) => i + 1 },
            {
              title: t('reference.line'),
              dataIndex: 'lineName',
              width: 170,
              render: (name: string, r) => (
                <a onClick={() => navigate('lineFile', { lineId: r.lineId })} data-testid="line-file-link">
                  {name}
                </a>
              ),
            },
            {
              title: t('lineRisk.score'),
              dataIndex: 'score',
              width: 80,
              render: (score: number) => <strong>{score}</strong>,
            },
            ...RISK_FACTORS.map((factor) => ({
              title: t(`settings.labels.${factor}`),
              key: factor,
              width: 120,
              render: (_v: unknown, r: LineRiskRow) => {
                const p = r.parts.find((x) => x.factor === factor)!;
                return p.count === 0 ? (
                  <Typography.Text type="secondary">—</Typography.Text>
                ) : (
                  <Tooltip title={t('lineRisk.part', p)}>
                    <span data-testid={`risk-${r.lineId}-${factor}`}>{p.points}</span>
                  </Tooltip>
                );
              },
            })),
          ]}
        />
      )}
    </div>
  );
}
