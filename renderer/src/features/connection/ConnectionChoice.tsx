import { useState } from 'react';
import { Alert, Button, Checkbox, Descriptions, Input, Radio, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  FIRST_SCREEN_TEST_IDS,
  fingerprintGroups,
  serverAddress,
  type ConnectionChoice as Choice,
  type ServerIdentity,
  type ConnectionBridge,
} from '@contract';
import { session } from '../../api/client';

interface Props {
  bridge: ConnectionBridge;
  initial: Choice;
  /** Standalone kept as it is: nothing restarts, the caller goes on (to the first-run setup). */
  onStayed: () => void;
}

/**
 * 单机 or the office server. For a server: its address, then the certificate it presents, whose
 * fingerprint the user compares with the server's screen and confirms before anything is saved.
 */
export function ConnectionChoice({ bridge, initial, onStayed }: Props) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Choice['mode']>(initial.mode);
  const [server, setServer] = useState(initial.mode === 'client' ? initial.server : '');
  const [identity, setIdentity] = useState<ServerIdentity | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [restarting, setRestarting] = useState(false);

  const probe = async () => {
    setError(null);
    setIdentity(null);
    setConfirmed(false);
    const address = server.trim().replace(/\/+$/, '');
    if (!serverAddress.safeParse(address).success) return setError(t('connection.badAddress'));
    setBusy(true);
    try {
      const r = await bridge.probe(address);
      if (r.ok) setIdentity(r.identity);
      else setError(t(r.message, r.params ?? {}));
    } finally {
      setBusy(false);
    }
  };

  const proceed = async () => {
    setError(null);
    setBusy(true);
    try {
      const choice: Choice =
        mode === 'client' && identity
          ? { mode: 'client', server: server.trim().replace(/\/+$/, ''), fingerprint: identity.fingerprint }
          : { mode: 'standalone' };
      const r = await bridge.choose(choice, session.token);
      if (!r.ok) setError(t(r.message ?? 'errors.internal', r.params ?? {}));
      else if (r.restarting) setRestarting(true);
      else onStayed();
    } finally {
      setBusy(false);
    }
  };

  if (restarting)
    return <Alert type="info" showIcon title={t('connection.restarting')} data-testid="connection-restarting" />;
  const ready = mode === 'standalone' || (identity !== null && confirmed);
  return (
    <Space
      orientation="vertical"
      size="middle"
      style={{ width: '100%' }}
      data-testid={FIRST_SCREEN_TEST_IDS.connection}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('connection.intro')}
      </Typography.Paragraph>
      <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as Choice['mode'])} style={{ width: '100%' }}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Radio value="standalone" data-testid="mode-standalone">
            <b>{t('connection.standalone')}</b>
            <div className="connection-hint">{t('connection.standaloneHint')}</div>
          </Radio>
          <Radio value="client" data-testid="mode-client">
            <b>{t('connection.client')}</b>
            <div className="connection-hint">{t('connection.clientHint')}</div>
          </Radio>
        </Space>
      </Radio.Group>
      {mode === 'client' && (
        <>
          <div>
            <Typography.Text>{t('connection.address')}</Typography.Text>
            <Space.Compact style={{ width: '100%', marginTop: 4 }}>
              <Input
                value={server}
                onChange={(e) => {
                  setServer(e.target.value);
                  setIdentity(null);
                  setConfirmed(false);
                }}
                onPressEnter={() => void probe()}
                placeholder="https://192.168.1.20:5781"
                aria-label={t('connection.address')}
                autoFocus
              />
              <Button onClick={() => void probe()} loading={busy && !identity} data-testid="connection-probe">
                {t('connection.probe')}
              </Button>
            </Space.Compact>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('connection.addressHint')}
            </Typography.Text>
          </div>
          {identity && (
            <>
              <Descriptions
                size="small"
                column={1}
                bordered
                title={t('connection.certificate')}
                data-testid="connection-certificate"
              >
                <Descriptions.Item label={t('connection.subject')}>{identity.subject}</Descriptions.Item>
                <Descriptions.Item label={t('connection.validTo')}>{identity.validTo}</Descriptions.Item>
                <Descriptions.Item label={t('connection.fingerprint')}>
                  <code className="fingerprint">
                    {fingerprintGroups(identity.fingerprint).map((g) => (
                      <div key={g}>{g}</div>
                    ))}
                  </code>
                </Descriptions.Item>
              </Descriptions>
              <Alert type="warning" showIcon title={t('connection.compare')} />
              <Checkbox
                checked={confirmed}
                onChange={(e) => setConfirmed(e.target.checked)}
                data-testid="connection-confirm"
              >
                {t('connection.confirm')}
              </Checkbox>
            </>
          )}
        </>
      )}
      {error && <Alert type="error" showIcon title={error} data-testid="connection-error" />}
      <Button
        type="primary"
        block
        disabled={!ready}
        loading={busy && (mode === 'standalone' || !!identity)}
        onClick={() => void proceed()}
        data-testid="connection-continue"
      >
        {t('connection.continue')}
      </Button>
    </Space>
  );
}
