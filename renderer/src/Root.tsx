import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useTranslation } from 'react-i18next';
import { AuthGate } from './features/accounts/AuthGate';
import { StartupGate } from './features/startup/StartupGate';

/** Locale for antd and dayjs follows the UI language; zh-CN first. */
export function Root() {
  const { i18n } = useTranslation();
  const zh = i18n.language !== 'en';
  dayjs.locale(zh ? 'zh-cn' : 'en');
  return (
    <ConfigProvider
      locale={zh ? zhCN : enUS}
      button={{ autoInsertSpace: false }}
      theme={{ token: { colorPrimary: '#0b5cad', borderRadius: 4 } }}
    >
      <AntApp>
        <StartupGate>
          <AuthGate />
        </StartupGate>
      </AntApp>
    </ConfigProvider>
  );
}
