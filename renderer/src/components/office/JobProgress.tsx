import { Progress, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { JobState } from '@contract';

/** A job's phase and how far it has got; indeterminate while the total is not known yet. */
export function JobProgress({ state }: { state: JobState | null }) {
  const { t } = useTranslation();
  if (!state) return null;
  const percent = state.total > 0 ? Math.min(100, Math.floor((state.done / state.total) * 100)) : undefined;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="job-progress">
      <Typography.Text>
        {t(state.phase)}
        {state.total > 0
          ? ` ${state.done.toLocaleString()} / ${state.total.toLocaleString()}`
          : state.done > 0
            ? ` ${state.done.toLocaleString()}`
            : ''}
      </Typography.Text>
      <Progress
        percent={percent ?? 100}
        status={state.status === 'failed' ? 'exception' : state.status === 'done' ? 'success' : 'active'}
        showInfo={percent !== undefined}
      />
    </Space>
  );
}
