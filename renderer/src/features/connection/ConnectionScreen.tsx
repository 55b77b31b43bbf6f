import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ConnectionChoice as Choice } from '@contract';
import type { ConnectionBridge } from '@contract';
import { LanguageSwitch } from '../accounts/LanguageSwitch';
import { ConnectionChoice } from './ConnectionChoice';

/** The desktop app's first start: 单机 or the office server, before anything else. */
export function ConnectionScreen({
  bridge,
  initial,
  onStayed,
}: {
  bridge: ConnectionBridge;
  initial: Choice;
  onStayed: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="auth-screen">
      <Card className="auth-card connection-card" title={t('connection.title')} extra={<LanguageSwitch />}>
        <ConnectionChoice bridge={bridge} initial={initial} onStayed={onStayed} />
      </Card>
    </div>
  );
}
