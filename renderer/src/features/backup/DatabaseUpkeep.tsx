import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, App as AntApp } from 'antd';
import { ToolOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DatabaseHealth, JobState } from '@contract';
import { call } from '../../api/client';
import { waitForJob } from '../../api/files';
import { JobProgress } from '../../components/office/JobProgress';
import { formatDateTime } from '../../i18n/format';
import { showFailure } from '../../components/failure';

export const fileSize = (bytes: number) =>
  bytes > 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;

/** The database file, its growth and free space, and the admin's compaction (ANALYZE + VACUUM) with progress. */
export function DatabaseUpkeep() {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const [health, setHealth] = useState<DatabaseHealth | null>(null);
  const [job, setJob] = useState<JobState | null>(null);

  const load = useCallback(() => {
    call('backup.health', {}).then(setHealth, (e: unknown) => showFailure(e));
  }, []);
  useEffect(load, [load]);

  const maintain = () =>
    modal.confirm({
      title: t('backup.upkeep.confirmTitle'),
      content: t('backup.upkeep.confirmText'),
      okText: t('backup.upkeep.run'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const { jobId } = await call('backup.maintain', {});
          const state = await waitForJob(jobId, setJob);
          const outcome = state.result?.kind === 'backup.maintain' ? state.result.outcome : null;
          if (state.status === 'done' && outcome) {
            void message.success(
              t('backup.upkeep.done', {
                before: fileSize(outcome.beforeBytes),
                after: fileSize(outcome.afterBytes),
                seconds: (outcome.ms / 1000).toFixed(1),
              }),
            );
          } else if (state.error) {
            void message.error(t(state.error.message, state.error.params));
          }
          load();
        } catch (e) {
          showFailure(e);
        }
      },
    });

  if (!health) return null;
  const total = health.fileBytes + health.walBytes;
  const running = job?.status === 'running';
  return (
    <Card
      size="small"
      title={t('backup.upkeep.title')}
      data-testid="database-upkeep"
      extra={
        <Button icon={<ToolOutlined />} loading={running} onClick={maintain} data-testid="maintain-now">
          {t('backup.upkeep.run')}
        </Button>
      }
    >
      {health.grewUnusually && health.baseline && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="growth-warning"
          title={t('backup.upkeep.grew', {
            from: fileSize(health.baseline.bytes),
            day: health.baseline.day,
            to: fileSize(total),
            pct: health.growthPct,
            mb: health.growthMinMb,
          })}
        />
      )}
      <Descriptions size="small" column={4}>
        <Descriptions.Item label={t('backup.upkeep.size')}>{fileSize(total)}</Descriptions.Item>
        <Descriptions.Item label={t('backup.upkeep.free')}>{fileSize(health.freeBytes)}</Descriptions.Item>
        <Descriptions.Item label={t('backup.upkeep.baseline')}>
          {health.baseline ? `${fileSize(health.baseline.bytes)}（${health.baseline.day}）` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('backup.upkeep.last')}>
          {health.lastMaintenance
            ? `${formatDateTime(health.lastMaintenance.at)} ${health.lastMaintenance.by ?? ''}`
            : t('backup.upkeep.never')}
        </Descriptions.Item>
      </Descriptions>
      {running && <JobProgress state={job} />}
    </Card>
  );
}
