import { lazy, Suspense, useState, type ReactNode } from 'react';
import { Button, Dropdown, Layout, Menu, Modal, Space, Spin, Tag } from 'antd';
import {
  CalendarOutlined,
  SafetyOutlined,
  AuditOutlined,
  DashboardOutlined,
  IdcardOutlined,
  DeleteOutlined,
  DatabaseOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
  ApartmentOutlined,
  ScheduleOutlined,
  ToolOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { MethodName } from '@contract';
import { useAuth } from './features/accounts/auth-context';
import { ChangePasswordForm } from './features/accounts/ChangePasswordForm';
import { LanguageSwitch } from './features/accounts/LanguageSwitch';
import { UpdateIndicator } from './features/updates/UpdateIndicator';
import { VegetationPage } from './features/vegetation/VegetationPage';
import { RemindersBell } from './features/dashboard/RemindersBell';
import { GlobalSearch } from './features/search/GlobalSearch';
import { navigate, useHashRoute } from './navigation';

// Pages load when first opened: the first screen does not wait for charts, print layouts or admin pages.
const UsersPage = lazy(() => import('./features/accounts/UsersPage').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('./features/audit/AuditPage').then((m) => ({ default: m.AuditPage })));
const BackupPage = lazy(() => import('./features/backup/BackupPage').then((m) => ({ default: m.BackupPage })));
const RecycleBinPage = lazy(() =>
  import('./features/recycle/RecycleBinPage').then((m) => ({ default: m.RecycleBinPage })),
);
const reference = () => import('./features/reference/ReferencePages');
const LinesPage = lazy(() => reference().then((m) => ({ default: m.LinesPage })));
const TownshipsPage = lazy(() => reference().then((m) => ({ default: m.TownshipsPage })));
const VillagesPage = lazy(() => reference().then((m) => ({ default: m.VillagesPage })));
const TeamsPage = lazy(() => reference().then((m) => ({ default: m.TeamsPage })));
const LineFilePage = lazy(() => import('./features/line-file/LineFilePage').then((m) => ({ default: m.LineFilePage })));
const LineRiskPage = lazy(() => import('./features/line-file/LineRiskPage').then((m) => ({ default: m.LineRiskPage })));
const TowersPage = lazy(() => import('./features/reference/TowersPage').then((m) => ({ default: m.TowersPage })));
const staff = () => import('./features/staff/StaffPages');
const StaffPage = lazy(() => staff().then((m) => ({ default: m.StaffPage })));
const CertificatesPage = lazy(() => staff().then((m) => ({ default: m.CertificatesPage })));
const TrainingPage = lazy(() => staff().then((m) => ({ default: m.TrainingPage })));
const SkillMatrixPage = lazy(() =>
  import('./features/staff/SkillMatrixPage').then((m) => ({ default: m.SkillMatrixPage })),
);
const RosterPage = lazy(() => import('./features/roster/RosterPage').then((m) => ({ default: m.RosterPage })));
const RepairsPage = lazy(() => import('./features/roster/RepairsPage').then((m) => ({ default: m.RepairsPage })));
const RepairReportPage = lazy(() =>
  import('./features/roster/RepairReport').then((m) => ({ default: m.RepairReportPage })),
);
const AbsencesPage = lazy(() => import('./features/roster/AbsencesPage').then((m) => ({ default: m.AbsencesPage })));
const EquipmentPage = lazy(() =>
  import('./features/upgrades/EquipmentPage').then((m) => ({ default: m.EquipmentPage })),
);
const UpgradesPage = lazy(() => import('./features/upgrades/UpgradesPage').then((m) => ({ default: m.UpgradesPage })));
const lightning = () => import('./features/lightning/pages');
const LightningDevicesPage = lazy(() => lightning().then((m) => ({ default: m.DevicesPage })));
const LightningTestsPage = lazy(() => lightning().then((m) => ({ default: m.TestsPage })));
const CampaignPage = lazy(() => lightning().then((m) => ({ default: m.CampaignPage })));
const RectificationsPage = lazy(() => lightning().then((m) => ({ default: m.RectificationsPage })));
const TripsPage = lazy(() => lightning().then((m) => ({ default: m.TripsPage })));
const trimming = () => import('./features/trimming/pages');
const BoardPage = lazy(() => trimming().then((m) => ({ default: m.BoardPage })));
const OutagesPage = lazy(() => trimming().then((m) => ({ default: m.OutagesPage })));
const TeamsCalendarPage = lazy(() => trimming().then((m) => ({ default: m.TeamsCalendarPage })));
const SettingsPage = lazy(() => import('./features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const DashboardPage = lazy(() =>
  import('./features/dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })),
);
const SearchResultsPage = lazy(() =>
  import('./features/search/SearchResultsPage').then((m) => ({ default: m.SearchResultsPage })),
);
const PrintPage = lazy(() => import('./features/print/PrintPage').then((m) => ({ default: m.PrintPage })));

interface Route {
  key: string;
  label: string;
  icon?: ReactNode;
  page?: () => ReactNode;
  /** The contract method the page cannot work without: the page is shown to whoever may call it. */
  needs?: MethodName;
  children?: Route[];
}

export function Shell() {
  const { t, i18n } = useTranslation();
  const auth = useAuth();
  const route = useHashRoute('home');
  const go = (k: string) => navigate(k);
  const [pwOpen, setPwOpen] = useState(false);

  const routes: Route[] = [
    { key: 'home', label: t('nav.home'), icon: <DashboardOutlined />, page: () => <DashboardPage /> },
    { key: 'vegetation', label: t('nav.vegetation'), icon: <ApartmentOutlined />, page: () => <VegetationPage /> },
    {
      key: 'trimmingGroup',
      label: t('nav.trimmingGroup'),
      icon: <CalendarOutlined />,
      children: [
        { key: 'trimming', label: t('nav.trimming'), page: () => <BoardPage /> },
        { key: 'outages', label: t('nav.outages'), page: () => <OutagesPage /> },
        { key: 'trimmingTeams', label: t('nav.trimmingTeams'), page: () => <TeamsCalendarPage /> },
      ],
    },
    {
      key: 'people',
      label: t('nav.people'),
      icon: <IdcardOutlined />,
      children: [
        { key: 'staff', label: t('nav.staff'), page: () => <StaffPage /> },
        { key: 'certificates', label: t('nav.certificates'), page: () => <CertificatesPage /> },
        { key: 'training', label: t('nav.training'), page: () => <TrainingPage /> },
        { key: 'skills', label: t('nav.skillMatrix'), page: () => <SkillMatrixPage /> },
      ],
    },
    {
      key: 'duty',
      label: t('nav.duty'),
      icon: <ScheduleOutlined />,
      children: [
        { key: 'roster', label: t('nav.roster'), page: () => <RosterPage /> },
        { key: 'repairs', label: t('nav.repairs'), page: () => <RepairsPage /> },
        { key: 'repairReport', label: t('nav.repairReport'), page: () => <RepairReportPage /> },
        { key: 'absences', label: t('nav.absences'), page: () => <AbsencesPage /> },
      ],
    },
    {
      key: 'assets',
      label: t('nav.assets'),
      icon: <ToolOutlined />,
      children: [
        { key: 'upgrades', label: t('nav.upgrades'), page: () => <UpgradesPage /> },
        { key: 'equipment', label: t('nav.equipment'), page: () => <EquipmentPage /> },
      ],
    },
    {
      key: 'lightning',
      label: t('nav.lightning'),
      icon: <ThunderboltOutlined />,
      children: [
        { key: 'lightningDevices', label: t('nav.lightningDevices'), page: () => <LightningDevicesPage /> },
        { key: 'lightningTests', label: t('nav.lightningTests'), page: () => <LightningTestsPage /> },
        { key: 'campaign', label: t('nav.campaign'), page: () => <CampaignPage /> },
        { key: 'rectifications', label: t('nav.rectifications'), page: () => <RectificationsPage /> },
        { key: 'trips', label: t('nav.trips'), page: () => <TripsPage /> },
      ],
    },
    {
      key: 'reference',
      label: t('nav.reference'),
      icon: <DatabaseOutlined />,
      children: [
        { key: 'lines', label: t('nav.lines'), page: () => <LinesPage /> },
        { key: 'lineFile', label: t('nav.lineFile'), page: () => <LineFilePage /> },
        { key: 'lineRisk', label: t('nav.lineRisk'), page: () => <LineRiskPage /> },
        { key: 'towers', label: t('nav.towers'), page: () => <TowersPage /> },
        { key: 'townships', label: t('nav.townships'), page: () => <TownshipsPage /> },
        { key: 'villages', label: t('nav.villages'), page: () => <VillagesPage /> },
        { key: 'teams', label: t('nav.teams'), icon: <TeamOutlined />, page: () => <TeamsPage /> },
      ],
    },
    { key: 'recycle', label: t('nav.recycle'), icon: <DeleteOutlined />, page: () => <RecycleBinPage /> },
    {
      key: 'audit',
      label: t('nav.audit'),
      icon: <AuditOutlined />,
      needs: 'audit.list',
      page: () => <AuditPage />,
    },
    {
      key: 'users',
      label: t('nav.users'),
      icon: <UserOutlined />,
      needs: 'accounts.listUsers',
      page: () => <UsersPage />,
    },
    { key: 'settings', label: t('nav.settings'), icon: <SettingOutlined />, page: () => <SettingsPage /> },
    {
      key: 'backup',
      label: t('nav.backup'),
      icon: <SafetyOutlined />,
      needs: 'backup.list',
      page: () => <BackupPage />,
    },
  ];
  const visible = (r: Route) => !r.needs || auth.may(r.needs);
  // Printable documents take the whole window (no menu, no header): what you see is the paper.
  if (route.startsWith('print/')) {
    return (
      <Suspense fallback={<Spin style={{ margin: 40 }} />}>
        <PrintPage template={route.slice('print/'.length)} />
      </Suspense>
    );
  }
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
          <UpdateIndicator />
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
              <UserOutlined /> {auth.user.displayName}{' '}
              <Tag style={{ marginInlineStart: 6 }}>{t(`accounts.roles.${auth.user.role}`)}</Tag>
            </Button>
          </Dropdown>
        </Space>
      </Layout.Header>
      <Layout>
        {/* English labels are longer: a wider menu, so none is cut. */}
        <Layout.Sider width={i18n.language === 'en' ? 244 : 180} theme="light" breakpoint="lg" collapsible>
          <Menu
            mode="inline"
            selectedKeys={route === 'search' ? [] : [current.key]}
            defaultOpenKeys={['trimmingGroup', 'people', 'duty', 'assets', 'reference']}
            items={menuItems}
            onClick={(e) => go(e.key)}
          />
        </Layout.Sider>
        <Layout.Content className="app-content">
          <Suspense fallback={<Spin style={{ margin: 40 }} />}>
            {route === 'search' ? <SearchResultsPage /> : current.page?.()}
          </Suspense>
        </Layout.Content>
      </Layout>
      <Modal open={pwOpen} footer={null} onCancel={() => setPwOpen(false)} destroyOnHidden>
        <ChangePasswordForm onDone={() => setPwOpen(false)} />
      </Modal>
    </Layout>
  );
}
