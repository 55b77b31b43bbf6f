import { useState, type ReactNode } from 'react';
import { Button, Dropdown, Layout, Menu, Modal, Space, Tag } from 'antd';
import { SafetyOutlined, AuditOutlined, DashboardOutlined, DeleteOutlined, DatabaseOutlined, SettingOutlined, TeamOutlined, UserOutlined, ApartmentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Role } from '@contract';
import { useAuth } from './features/accounts/auth-context';
import { ChangePasswordForm } from './features/accounts/ChangePasswordForm';
import { LanguageSwitch } from './features/accounts/LanguageSwitch';
import { UsersPage } from './features/accounts/UsersPage';
import { AuditPage } from './features/audit/AuditPage';
import { BackupPage } from './features/backup/BackupPage';
import { RecycleBinPage } from './features/recycle/RecycleBinPage';
import { LinesPage, TeamsPage, TownshipsPage, VillagesPage } from './features/reference/ReferencePages';
import { SettingsPage } from './features/settings/SettingsPage';
import { VegetationPage } from './features/vegetation/VegetationPage';
import { DashboardPage } from './features/dashboard/DashboardPage';
import { RemindersBell } from './features/dashboard/RemindersBell';
import { GlobalSearch } from './features/search/GlobalSearch';
import { PrintPage } from './features/print/PrintPage';
import { navigate, useHashRoute } from './navigation';

interface Route {
  key: string;
  label: string;
  icon?: ReactNode;
  page?: () => ReactNode;
  roles?: Role[];
  children?: Route[];
}

export function Shell() {
  const { t } = useTranslation();
  const auth = useAuth();
  const route = useHashRoute('home');
  const go = (k: string) => navigate(k);
  const [pwOpen, setPwOpen] = useState(false);

  const routes: Route[] = [
    { key: 'home', label: t('nav.home'), icon: <DashboardOutlined />, page: () => <DashboardPage /> },
    { key: 'vegetation', label: t('nav.vegetation'), icon: <ApartmentOutlined />, page: () => <VegetationPage /> },
    {
      key: 'reference',
      label: t('nav.reference'),
      icon: <DatabaseOutlined />,
      children: [
        { key: 'lines', label: t('nav.lines'), page: () => <LinesPage /> },
        { key: 'townships', label: t('nav.townships'), page: () => <TownshipsPage /> },
        { key: 'villages', label: t('nav.villages'), page: () => <VillagesPage /> },
        { key: 'teams', label: t('nav.teams'), icon: <TeamOutlined />, page: () => <TeamsPage /> },
      ],
    },
    { key: 'recycle', label: t('nav.recycle'), icon: <DeleteOutlined />, page: () => <RecycleBinPage /> },
    { key: 'audit', label: t('nav.audit'), icon: <AuditOutlined />, roles: ['manager', 'admin'], page: () => <AuditPage /> },
    { key: 'users', label: t('nav.users'), icon: <UserOutlined />, roles: ['admin'], page: () => <UsersPage /> },
    { key: 'settings', label: t('nav.settings'), icon: <SettingOutlined />, page: () => <SettingsPage /> },
    { key: 'backup', label: t('nav.backup'), icon: <SafetyOutlined />, roles: ['admin'], page: () => <BackupPage /> },
  ];
  const visible = (r: Route) => !r.roles || auth.can(...r.roles);
  // Printable documents take the whole window (no menu, no header): what you see is the paper.
  if (route.startsWith('print/')) return <PrintPage template={route.slice('print/'.length)} />;
  const flat = routes.flatMap((r) => (r.children ? r.children : [r])).filter(visible);
  const current = flat.find((r) => r.key === route) ?? flat[0]!;
  const menuItems = routes.filter(visible).map((r) => ({
    key: r.key,
    icon: r.icon,
    label: r.label,
    children: r.children?.filter(visible).map((c) => ({ key: c.key, label: c.label, icon: c.icon })),
  }));

  return (
    <Layout className="app-layout">
      <Layout.Header className="app-header">
        <span className="brand">
          GridDesk<small>{t('app.tagline')}</small>
        </span>
        <Space>
          <GlobalSearch />
          <RemindersBell route={route} />
          <LanguageSwitch light />
          <Dropdown
            menu={{
              items: [
                { key: 'pw', label: t('common.changePassword'), onClick: () => setPwOpen(true) },
                { key: 'out', label: t('common.logout'), onClick: () => void auth.signOut() },
              ],
            }}
          >
            <Button type="text" style={{ color: '#fff' }} data-testid="user-menu">
              <UserOutlined /> {auth.user.displayName} <Tag style={{ marginInlineStart: 6 }}>{t(`accounts.roles.${auth.user.role}`)}</Tag>
            </Button>
          </Dropdown>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={180} theme="light" breakpoint="lg" collapsible>
          <Menu mode="inline" selectedKeys={[current.key]} defaultOpenKeys={['reference']} items={menuItems} onClick={(e) => go(e.key)} />
        </Layout.Sider>
        <Layout.Content className="app-content">{current.page?.()}</Layout.Content>
      </Layout>
      <Modal open={pwOpen} footer={null} onCancel={() => setPwOpen(false)} destroyOnHidden>
        <ChangePasswordForm onDone={() => setPwOpen(false)} />
      </Modal>
    </Layout>
  );
}
