import { useCallback, useEffect, useState } from 'react';
import { Badge, Button, Empty, Modal, Popconfirm, Table, Typography, App as AntApp } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { SignInLock } from '@contract';
import { call } from '../../api/client';
import { showFailure } from '../../components/failure';

const at = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm:ss');

/** The users page's button to the sign-in locks in force, each of which an admin may lift. */
export function SignInLocks() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [open, setOpen] = useState(false);
  const [rows, setRows] = useState<SignInLock[]>([]);
  const load = useCallback(
    () =>
      call('accounts.signInLocks', {}).then(
        (r) => setRows(r.rows),
        (e: unknown) => showFailure(e),
      ),
    [],
  );
  useEffect(() => void load(), [load, open]);

  const lift = async (row: SignInLock) => {
    try {
      await call('accounts.clearSignInLock', { key: row.key });
      void message.success(t('signInLocks.cleared'));
    } catch (e) {
      showFailure(e);
    }
    await load();
  };

  return (
    <>
      <Badge count={rows.length} size="small">
        <Button icon={<LockOutlined />} onClick={() => setOpen(true)} data-testid="sign-in-locks">
          {t('signInLocks.open')}
        </Button>
      </Badge>
      <Modal open={open} title={t('signInLocks.title')} footer={null} width={860} onCancel={() => setOpen(false)}>
        <Typography.Paragraph type="secondary">{t('signInLocks.intro')}</Typography.Paragraph>
        <Table<SignInLock>
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={rows}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('signInLocks.empty')} /> }}
          columns={[
            {
              title: t('signInLocks.scope'),
              render: (_, r) =>
                r.scope === 'pair' ? t('signInLocks.pair', { username: r.username }) : t('signInLocks.address'),
            },
            { title: t('signInLocks.addressCol'), dataIndex: 'address', width: 150 },
            { title: t('signInLocks.failures'), dataIndex: 'failures', width: 90, align: 'right' },
            { title: t('signInLocks.lastAt'), dataIndex: 'lastAt', width: 160, render: at },
            { title: t('signInLocks.lockedUntil'), dataIndex: 'lockedUntil', width: 160, render: at },
            {
              title: '',
              width: 80,
              render: (_, r) => (
                <Popconfirm title={t('signInLocks.clearConfirm')} onConfirm={() => lift(r)}>
                  <Button size="small">{t('signInLocks.clear')}</Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      </Modal>
    </>
  );
}
