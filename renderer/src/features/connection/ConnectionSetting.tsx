import { useEffect, useState } from 'react';
import { Button, Card, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ConnectionChoice as Choice } from '@contract';
import { ConnectionChoice } from './ConnectionChoice';

/** On the settings page of the desktop app: how this PC reaches its ledgers, and (admins) a change of it. */
export function ConnectionSetting({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation();
  const bridge = window.griddesk?.connection;
  const [current, setCurrent] = useState<Choice | null>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    void bridge?.get().then((r) => setCurrent(r.current));
  }, [bridge]);
  if (!bridge || !current) return null;
  return (
    <Card
      size="small"
      title={t('connection.current')}
      style={{ marginBottom: 16 }}
      data-testid="connection-setting"
      extra={
        isAdmin && (
          <Button size="small" onClick={() => setOpen(true)}>
            {t('connection.change')}
          </Button>
        )
      }
    >
      <Typography.Text>
        {current.mode === 'client'
          ? t('connection.currentClient', { server: current.server })
          : t('connection.currentStandalone')}
      </Typography.Text>
      {current.mode === 'client' && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          <code>{current.fingerprint}</code>
        </Typography.Text>
      )}
      <Modal
        open={open}
        title={t('connection.title')}
        footer={null}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        width={560}
      >
        <ConnectionChoice bridge={bridge} initial={current} onStayed={() => setOpen(false)} />
      </Modal>
    </Card>
  );
}
