import { useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Space, Typography } from 'antd';
import { ReloadOutlined, SwapOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError, fingerprintGroups, type ConnectionChoice as Choice } from '@contract';
import type { ConnectionBridge } from '@contract';
import { LanguageSwitch } from '../accounts/LanguageSwitch';
import { ConnectionChoice } from './ConnectionChoice';

/** The errors that mean "the ledgers cannot be reached", as opposed to a refusal by the core. */
export const isConnectionFailure = (err: unknown): err is ApiError =>
  err instanceof ApiError &&
  ['errors.serverUnreachable', 'errors.certificateChanged', 'errors.offline'].includes(err.message);

const Fingerprint = ({ value }: { value: string }) => (
  <code className="fingerprint">
    {fingerprintGroups(value).map((g) => (
      <div key={g}>{g}</div>
    ))}
  </code>
);

interface Props {
  error: ApiError;
  /** The desktop app's connection settings; absent in a browser (only 重试 there). */
  bridge?: ConnectionBridge;
  onRetry: () => Promise<void>;
}

/**
 * A desk that cannot reach its office server: which server, what went wrong in words, and the way
 * out — try again, or point this desk at another server (no session on the old one needed).
 */
export function ServerUnreachable({ error, bridge, onRetry }: Props) {
  const { t } = useTranslation();
  const [retrying, setRetrying] = useState(false);
  const [changing, setChanging] = useState(false);
  const [current, setCurrent] = useState<Choice>({ mode: 'standalone' });
  useEffect(() => {
    void bridge?.get().then((c) => setCurrent(c.current));
  }, [bridge]);

  const certificate = error.message === 'errors.certificateChanged';
  const server = String(error.params?.server ?? (current.mode === 'client' ? new URL(current.server).host : ''));
  const reason = certificate
    ? 'certificate'
    : String(error.params?.reason ?? (error.message === 'errors.offline' ? 'offline' : 'other'));
  const pinned = String(error.params?.pinned ?? (current.mode === 'client' ? current.fingerprint : ''));

  const retry = async () => {
    setRetrying(true);
    try {
      await onRetry();
    } finally {
      setRetrying(false);
    }
  };

  return (
    <div className="auth-screen">
      <Card
        className="auth-card connection-card"
        title={t(changing ? 'unreachable.changeTitle' : 'unreachable.title')}
        extra={<LanguageSwitch />}
        data-testid="server-unreachable"
      >
        {changing && bridge ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Paragraph type="secondary">{t('unreachable.changeIntro', { server })}</Typography.Paragraph>
            <ConnectionChoice bridge={bridge} initial={current} onStayed={() => void retry()} />
            <Button block onClick={() => setChanging(false)}>
              {t('common.cancel')}
            </Button>
          </Space>
        ) : (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Alert
              type={certificate ? 'error' : 'warning'}
              showIcon
              title={t(`unreachable.reasons.${reason}`, { defaultValue: t('unreachable.reasons.other') })}
              data-testid="unreachable-reason"
            />
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label={t('unreachable.server')}>
                <span data-testid="unreachable-server">{server || t('unreachable.thisApp')}</span>
              </Descriptions.Item>
              {certificate && pinned && (
                <Descriptions.Item label={t('unreachable.pinned')}>
                  <span data-testid="fingerprint-pinned">
                    <Fingerprint value={pinned} />
                  </span>
                </Descriptions.Item>
              )}
              {certificate && (
                <Descriptions.Item label={t('unreachable.presented')}>
                  <span data-testid="fingerprint-presented">
                    <Fingerprint value={String(error.params?.presented ?? '')} />
                  </span>
                </Descriptions.Item>
              )}
            </Descriptions>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              {t(certificate ? 'unreachable.adviceCertificate' : 'unreachable.advice')}
            </Typography.Paragraph>
            <Space>
              <Button
                type="primary"
                icon={<ReloadOutlined />}
                loading={retrying}
                onClick={() => void retry()}
                data-testid="unreachable-retry"
                autoFocus
              >
                {t('unreachable.retry')}
              </Button>
              {bridge && (
                <Button icon={<SwapOutlined />} onClick={() => setChanging(true)} data-testid="unreachable-change">
                  {t('unreachable.change')}
                </Button>
              )}
            </Space>
          </Space>
        )}
      </Card>
    </div>
  );
}
