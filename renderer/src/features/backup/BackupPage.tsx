import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Table, Typography, App as AntApp } from 'antd';
import { CloudDownloadOutlined, RollbackOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { BackupFileRow, DailyBackupProgress } from '@contract';
import { call, session } from '../../api/client';
import { PageTitle } from '../../components/PageTitle';
import { DatabaseUpkeep, fileSize } from './DatabaseUpkeep';
import { formatDateTime } from '../../i18n/format';
import { showFailure } from '../../components/failure';

/** Admins: back up now, see the automatic backups, restore one (after a clear warning). */
export function BackupPage() {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const [rows, setRows] = useState<BackupFileRow[]>([]);
  const [folder, setFolder] = useState('');
  const [keep, setKeep] = useState(0);
  const [busy, setBusy] = useState(false);
  const [daily, setDaily] = useState<DailyBackupProgress | null>(null);

  const load = useCallback(() => {
    call('backup.list', {}).then(
      (r) => {
        setRows(r.rows);
        setFolder(r.folder);
        setKeep(r.keep);
        setDaily(r.daily);
      },
      (e: unknown) => showFailure(e),
    );
  }, []);
  useEffect(load, [load]);
  // While the day's backup is written in the background, its progress is looked at every second.
  useEffect(() => {
    if (!daily?.running) return;
    const timer = setTimeout(load, 1000);
    return () => clearTimeout(timer);
  }, [daily, load]);

  const backupNow = async () => {
    setBusy(true);
    try {
      const b = await call('backup.create', {});
      void message.success(t('backup.created', { name: b.name }));
      load();
    } catch (e) {
      showFailure(e);
    } finally {
      setBusy(false);
    }
  };

  const restore = (row: BackupFileRow) =>
    modal.confirm({
      title: t('backup.restoreTitle'),
      content: t('backup.restoreWarning', { name: row.name }),
      okText: t('backup.restore'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const res = await call('backup.restore', { name: row.name });
          // The core has ended every session; forget ours now, whatever happens to the dialog.
          session.set(null);
          modal.success({
            title: t('backup.restored'),
            content: t('backup.restoredDetail', { aside: res.keptAside }),
            onOk: () => window.location.reload(),
            afterClose: () => window.location.reload(),
          });
        } catch (e) {
          showFailure(e);
        }
      },
    });

  return (
    <div className="page" style={{ overflow: 'auto' }}>
      <PageTitle title={t('backup.title')}>
        <Button
          type="primary"
          icon={<CloudDownloadOutlined />}
          loading={busy}
          onClick={() => void backupNow()}
          data-testid="backup-now"
        >
          {t('backup.now')}
        </Button>
      </PageTitle>
      <DatabaseUpkeep />
      {daily?.running && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('backup.dailyRunning', { percent: daily.percent })}
          data-testid="daily-backup-progress"
        />
      )}
      {daily && !daily.running && daily.lastError && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('backup.dailyFailed', { message: daily.lastError })}
        />
      )}
      <Alert
        type="info"
        showIcon
        title={t('backup.intro', { keep })}
        description={<Typography.Text copyable>{folder}</Typography.Text>}
      />
      <Table<BackupFileRow>
        size="small"
        rowKey="name"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t('backup.none') }}
        columns={[
          { title: t('backup.name'), dataIndex: 'name' },
          {
            title: t('backup.createdAt'),
            dataIndex: 'createdAt',
            width: 200,
            render: (v: string) => formatDateTime(v),
          },
          { title: t('backup.size'), dataIndex: 'size', width: 110, render: fileSize },
          {
            title: '',
            width: 110,
            render: (_, r) => (
              <Button size="small" danger icon={<RollbackOutlined />} onClick={() => restore(r)}>
                {t('backup.restore')}
              </Button>
            ),
          },
        ]}
      />
    </div>
  );
}
