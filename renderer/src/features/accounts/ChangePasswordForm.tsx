import { Alert, Button, Card, Form, Input, App as AntApp } from 'antd';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { newPassword } from '@contract';
import { call } from '../../api/client';
import { useSchemaSubmit } from '../../components/useSchemaSubmit';

const changeForm = z
  .object({ currentPassword: z.string().min(1, { error: 'validation.required' }), newPassword, confirm: z.string() })
  .refine((v) => v.newPassword === v.confirm, { path: ['confirm'], error: 'accounts.passwordMismatch' });

/** Change one's own password; `extra` sits in the card's header (the forced change offers language and sign-out there). */
export function ChangePasswordForm({
  mustChange,
  onDone,
  extra,
}: {
  mustChange?: boolean;
  onDone: () => void;
  extra?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm();
  const { busy, error, submit } = useSchemaSubmit(form, ['currentPassword', 'newPassword', 'confirm']);
  const change = () =>
    submit(changeForm, async (v) => {
      await call('accounts.changePassword', { currentPassword: v.currentPassword, newPassword: v.newPassword });
      void message.success(t('accounts.passwordChanged'));
      onDone();
    });
  return (
    <Card
      className="auth-card"
      title={mustChange ? t('accounts.mustChangeTitle') : t('common.changePassword')}
      variant={mustChange ? 'outlined' : 'borderless'}
      extra={extra}
    >
      <Form form={form} layout="vertical" onFinish={() => void change()} data-testid="password-form">
        <Form.Item name="currentPassword" label={t('accounts.currentPassword')}>
          <Input.Password autoFocus autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('accounts.newPassword')} extra={t('accounts.passwordRule')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="confirm" label={t('accounts.confirmPassword')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
