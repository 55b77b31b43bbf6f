import { useState } from 'react';
import { Button, Modal, Progress, Space, Typography } from 'antd';
import { CloudDownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useUpdateState } from './useUpdateState';

/**
 * In the header: a new version downloading (with its progress), then ready — with the offer to
 * restart now or let it install when the app quits. Nothing shows while there is nothing new.
 */
export function UpdateIndicator() {
  const { t } = useTranslation();
  const view = useUpdateState();
  const [open, setOpen] = useState(false);
  const state = view?.state;
  if (state?.phase === 'downloading') {
    return (
      <Space
        size={6}
        style={{ color: '#fff' }}
        data-testid="update-progress"
        title={t('updates.downloading', { version: state.version, percent: state.percent })}
      >
        <CloudDownloadOutlined />
        <Progress
          percent={state.percent}
          size={[80, 6]}
          strokeColor="#fff"
          railColor="rgba(255,255,255,0.3)"
          format={(p) => <span style={{ color: '#fff' }}>{p}%</span>}
        />
      </Space>
    );
  }
  if (state?.phase !== 'ready') return null;
  return (
    <>
      <Button
        size="small"
        type="primary"
        ghost
        icon={<CloudDownloadOutlined />}
        style={{ color: '#fff', borderColor: '#fff' }}
        onClick={() => setOpen(true)}
        data-testid="update-ready"
      >
        {t('updates.ready', { version: state.version })}
      </Button>
      <Modal
        open={open}
        title={t('updates.ready', { version: state.version })}
        onCancel={() => setOpen(false)}
        footer={
          <Space>
            <Button onClick={() => setOpen(false)} data-testid="update-later">
              {t('updates.later')}
            </Button>
            <Button
              type="primary"
              onClick={() => void window.griddesk?.updates?.restartNow()}
              data-testid="update-restart"
            >
              {t('updates.restartNow')}
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph>{t('updates.readyHint')}</Typography.Paragraph>
      </Modal>
    </>
  );
}
