import { Button, App as AntApp } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SheetName } from '@contract';
import { call } from '../../api/client';
import { downloadFile, waitForJob } from '../../api/files';
import type { DataGridHandle } from '../DataGrid';
import { errorText } from '../errors';
import { JobProgress } from './JobProgress';

interface Props {
  sheet: SheetName;
  grid: React.RefObject<DataGridHandle | null>;
  /** The page's own filters (preset, line …) that the grid's list call carries. */
  params?: object;
}

/** Exports the grid as the user sees it: its filters and sort, the visible columns and headers. */
export function ExportButton({ sheet, grid, params }: Props) {
  const { t, i18n } = useTranslation();
  const { notification } = AntApp.useApp();

  const run = async () => {
    const view = grid.current?.view();
    if (!view) return;
    const key = `export-${Date.now()}`;
    try {
      const { jobId } = await call('excel.export', {
        sheet,
        list: { ...(params ?? {}), sortModel: view.sortModel, filterModel: view.filterModel },
        columns: view.columns,
        language: i18n.language === 'en' ? 'en' : 'zh-CN',
      });
      const state = await waitForJob(jobId, (s) =>
        notification.open({
          key,
          message: t('excel.exporting'),
          description: <JobProgress state={s} />,
          duration: 0,
          placement: 'bottomRight',
        }),
      );
      if (state.status !== 'done' || state.result?.kind !== 'excel.export')
        throw new Error(state.error?.message ?? 'errors.internal');
      const name = await downloadFile(state.result.outcome.fileId);
      notification.success({
        key,
        message: t('excel.exported', { rows: state.result.outcome.rows, name }),
        duration: 6,
        placement: 'bottomRight',
      });
    } catch (err) {
      notification.error({
        key,
        message: t('excel.exportFailed'),
        description: errorText(t, err),
        placement: 'bottomRight',
      });
    }
  };

  return (
    <Button icon={<DownloadOutlined />} onClick={() => void run()} data-testid={`${sheet}-export`}>
      {t('excel.export')}
    </Button>
  );
}
