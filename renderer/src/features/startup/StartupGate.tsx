import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Space, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FIRST_SCREEN_TEST_IDS, type StartupBridge, type StartupState } from '@contract';
import { LanguageSwitch } from '../accounts/LanguageSwitch';

const STEP_OF = { opening: 0, backup: 0, migrate: 1, ready: 2, failed: 0 } as const;

/**
 * The desktop window opens before the ledgers: it shows the daily backup and the database upgrade as
 * they run, and a failure in words with what to do. In a browser (no bridge) it is not there at all.
 */
export function StartupGate({ children }: { children: ReactNode }) {
  const bridge = window.griddesk?.startup;
  const [state, setState] = useState<StartupState | null>(bridge ? null : { phase: 'ready' });
  useEffect(() => {
    if (!bridge) return;
    const stop = bridge.onChange(setState);
    void bridge.get().then((s) => setState((seen) => seen ?? s));
    return stop;
  }, [bridge]);
  if (state?.phase === 'ready') return <>{children}</>;
  if (state?.phase === 'failed' && bridge) return <StartupFailure state={state} bridge={bridge} />;
  return <StartupProgress state={state ?? { phase: 'opening' }} />;
}

function StartupProgress({ state }: { state: StartupState }) {
  const { t } = useTranslation();
  return (
    <div className="auth-screen" data-testid={FIRST_SCREEN_TEST_IDS.startup}>
      <Card title={t('startup.title')} style={{ width: 460 }}>
        <Steps
          size="small"
          current={STEP_OF[state.phase]}
          items={[
            { title: t('startup.steps.backup') },
            { title: t('startup.steps.migrate') },
            { title: t('startup.steps.ready') },
          ]}
        />
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }} data-testid="startup-phase">
          {t(`startup.phases.${state.phase}`)}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}

function StartupFailure({ state, bridge }: { state: StartupState; bridge: StartupBridge }) {
  const { t } = useTranslation();
  const failure = state.failure ?? { code: 'unknown', folder: '', detail: '' };
  return (
    <div className="auth-screen" data-testid={FIRST_SCREEN_TEST_IDS.startupFailure}>
      <Card title={t('startup.failedTitle')} style={{ width: 560 }} extra={<LanguageSwitch />}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Alert
            type="error"
            showIcon
            title={t(`startup.failures.${failure.code}.what`)}
            description={t(`startup.failures.${failure.code}.todo`)}
          />
          {failure.folder && <Typography.Text>{t('startup.folder', { folder: failure.folder })}</Typography.Text>}
          {failure.detail && (
            <details>
              <summary>{t('startup.detail')}</summary>
              <Typography.Text code copyable style={{ whiteSpace: 'pre-wrap' }} data-testid="startup-detail">
                {failure.detail}
              </Typography.Text>
            </details>
          )}
          <Space>
            <Button type="primary" onClick={() => void bridge.openDataFolder()}>
              {t('startup.openFolder')}
            </Button>
            <Button onClick={() => void bridge.quit()}>{t('startup.quit')}</Button>
          </Space>
        </Space>
      </Card>
    </div>
  );
}
