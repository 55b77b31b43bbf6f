import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FIRST_SCREEN_TEST_IDS, newPassword, type SessionUser } from '@contract';
import { call, session } from '../../api/client';
import { useSchemaSubmit } from '../../components/useSchemaSubmit';
import { LanguageSwitch } from './LanguageSwitch';

const setupForm = z
  .object({
    setupCode: z.string().optional(),
    password: newPassword,
    confirm: z.string(),
    demo: z.boolean().optional(),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], error: 'accounts.passwordMismatch' });

/**
 * First run: the admin chooses a password (there is none by default) and may load the demo county.
 * On the office server, over the network, the one-time setup code from its console is asked first.
 */
export function SetupScreen({
  needsCode,
  onDone,
}: {
  needsCode: boolean;
  onDone: (token: string, user: SessionUser) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [loadingDemo, setLoadingDemo] = useState(false);
  const { busy, error, submit } = useSchemaSubmit(form, ['setupCode', 'password', 'confirm']);
  const start = () =>
    submit(setupForm, async (v) => {
      const res = await call('accounts.setup', {
        password: v.password,
        ...(needsCode ? { setupCode: v.setupCode ?? '' } : {}),
      });
      session.set(res.token);
      if (v.demo) {
        setLoadingDemo(true);
        try {
          await call('demo.load', { vegetationRecords: 3000 });
        } finally {
          setLoadingDemo(false);
        }
      }
      onDone(res.token, res.user);
    });
  return (
    <div className="auth-screen">
      <Card className="auth-card" title={t('accounts.setupTitle')} extra={<LanguageSwitch />}>
        <Typography.Paragraph>{t('accounts.setupIntro')}</Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          onFinish={() => void start()}
          initialValues={{ demo: true }}
          data-testid={FIRST_SCREEN_TEST_IDS.setup}
        >
          {needsCode && (
            <Form.Item name="setupCode" label={t('accounts.setupCode')} extra={t('accounts.setupCodeHelp')}>
              <Input autoFocus autoComplete="off" placeholder="XXXX-XXXX-XXXX" data-testid="setup-code" />
            </Form.Item>
          )}
          <Form.Item name="password" label={t('accounts.newPassword')} extra={t('accounts.passwordRule')}>
            <Input.Password autoFocus={!needsCode} autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="confirm" label={t('accounts.confirmPassword')}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="demo" valuePropName="checked">
            <Checkbox>{t('accounts.setupDemo')}</Checkbox>
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" block loading={busy}>
            {loadingDemo ? t('accounts.demoLoading') : t('accounts.setupStart')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
