import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button, Space, Spin } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError, allows, contract, type MethodName, type SessionUser } from '@contract';
import { call, session } from '../../api/client';
import { clearViewState } from '../../navigation';
import { Shell } from '../../Shell';
import { ConnectionScreen } from '../connection/ConnectionScreen';
import { isConnectionFailure, ServerUnreachable } from '../connection/ServerUnreachable';
import { AuthContext, type Auth } from './auth-context';
import { ChangePasswordForm } from './ChangePasswordForm';
import { LanguageSwitch } from './LanguageSwitch';
import { LoginScreen } from './LoginScreen';
import { SetupScreen } from './SetupScreen';

type State =
  | { kind: 'loading' }
  | { kind: 'connection' }
  | { kind: 'unreachable'; error: ApiError }
  | { kind: 'setup'; needsCode: boolean }
  | { kind: 'login' }
  | { kind: 'in'; user: SessionUser };

/** The desktop app's first start → 单机 or the office server; first run → setup; no session → login; initial password → change it; then the app. */
export function AuthGate() {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ kind: 'loading' });

  const check = useCallback(async (askedConnection = false) => {
    const bridge = window.griddesk?.connection;
    if (bridge && !askedConnection && !(await bridge.get()).chosen) {
      setState({ kind: 'connection' });
      return;
    }
    try {
      if (session.token) {
        setState({ kind: 'in', user: await call('accounts.me', {}) });
        return;
      }
    } catch (err) {
      if (isConnectionFailure(err)) return setState({ kind: 'unreachable', error: err });
      session.set(null);
    }
    try {
      const { needsSetup, needsCode } = await call('accounts.setupStatus', {});
      setState(needsSetup ? { kind: 'setup', needsCode } : { kind: 'login' });
    } catch (err) {
      // Never a spinner for good: a server that cannot be reached gets a screen that says so and a way out.
      setState({
        kind: 'unreachable',
        error: isConnectionFailure(err) ? err : new ApiError({ code: 'INTERNAL', message: 'errors.offline' }),
      });
    }
  }, []);

  useEffect(() => {
    void check();
    return session.onSignedOut(() => setState({ kind: 'login' }));
  }, [check]);

  const signedIn = (token: string, user: SessionUser) => {
    session.set(token);
    setState({ kind: 'in', user });
  };

  const auth = useMemo<Auth | null>(() => {
    if (state.kind !== 'in') return null;
    return {
      user: state.user,
      may: (method: MethodName) => allows(contract[method].access, state.user.role),
      signOut: async () => {
        try {
          await call('accounts.logout', {});
        } catch {
          // Signed out here whatever the server says: an unreachable server ends its session by expiry.
        } finally {
          session.set(null);
          // The next person at this PC starts from the first screen, with nothing of this one's open.
          clearViewState();
          setState({ kind: 'login' });
        }
      },
    };
  }, [state]);

  if (state.kind === 'loading')
    return (
      <div className="auth-screen">
        <Spin size="large" />
      </div>
    );
  if (state.kind === 'connection') {
    const bridge = window.griddesk?.connection;
    return bridge ? (
      <ConnectionScreen bridge={bridge} initial={{ mode: 'standalone' }} onStayed={() => void check(true)} />
    ) : null;
  }
  if (state.kind === 'unreachable')
    return <ServerUnreachable error={state.error} bridge={window.griddesk?.connection} onRetry={() => check(true)} />;
  if (state.kind === 'setup') return <SetupScreen needsCode={state.needsCode} onDone={signedIn} />;
  if (state.kind === 'login') return <LoginScreen onDone={signedIn} />;
  if (state.user.mustChangePassword) {
    return (
      <div className="auth-screen">
        <ChangePasswordForm
          mustChange
          onDone={() => setState({ kind: 'in', user: { ...state.user, mustChangePassword: false } })}
          // Not this person's PC, or not now: they can leave (or switch language) without changing anything.
          extra={
            <Space size={0}>
              <LanguageSwitch />
              <Button
                type="text"
                icon={<LogoutOutlined />}
                onClick={() => void auth?.signOut()}
                data-testid="forced-change-sign-out"
              >
                {t('common.logout')}
              </Button>
            </Space>
          }
        />
      </div>
    );
  }
  return (
    <AuthContext.Provider value={auth}>
      <Shell />
    </AuthContext.Provider>
  );
}
