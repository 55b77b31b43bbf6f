import { Alert, Button, Card, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { FIRST_SCREEN_TEST_IDS, contract, type SessionUser } from '@contract';
import { call } from '../../api/client';
import { useSchemaSubmit } from '../../components/useSchemaSubmit';
import { LanguageSwitch } from './LanguageSwitch';

export function LoginScreen({ onDone }: { onDone: (token: string, user: SessionUser) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const { busy, error, submit } = useSchemaSubmit(form, ['username', 'password']);
  const login = () =>
    submit(contract['accounts.login'].input, async (v) => {
      const res = await call('accounts.login', v);
      onDone(res.token, res.user);
    });
  return (
    <div className="auth-screen">
      <Card className="auth-card" title={t('app.name')} extra={<LanguageSwitch />}>
        <Form form={form} layout="vertical" onFinish={() => void login()} data-testid={FIRST_SCREEN_TEST_IDS.login}>
          <Form.Item name="username" label={t('accounts.username')}>
            <Input prefix={<UserOutlined />} autoFocus autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label={t('accounts.password')}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('accounts.login')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
