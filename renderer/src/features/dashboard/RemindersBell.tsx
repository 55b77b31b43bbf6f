import { useEffect, useState } from 'react';
import { Badge, Button, List, Popover, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Reminder } from '@contract';
import { call } from '../../api/client';
import { navigate } from '../../navigation';

const EVERY_MS = 5 * 60 * 1000;
const FIRST_AFTER_MS = 700;

/** The header's count of overdue and due-soon work, per module; each line opens the filtered grid. */
export function RemindersBell({ route }: { route: string }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<Reminder[]>([]);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const load = () =>
      void call('reminders.list', {}).then(
        (r) => setItems(r.items),
        () => undefined,
      );
    // The page's own rows first: the bell is counted a moment later.
    const first = setTimeout(load, FIRST_AFTER_MS);
    const timer = setInterval(load, EVERY_MS);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [route]);

  const total = items.reduce((n, r) => n + r.count, 0);
  const content = (
    <List
      size="small"
      style={{ width: 300 }}
      dataSource={items}
      locale={{ emptyText: t('reminders.none') }}
      renderItem={(r) => (
        <List.Item
          className="stat-link"
          onClick={() => {
            setOpen(false);
            navigate(r.link.page, r.link.filters);
          }}
          extra={
            <Badge count={r.count} showZero color={r.tone === 'danger' ? '#cf1322' : '#d46b08'} overflowCount={99999} />
          }
        >
          <Typography.Text>{t(r.label, { days: r.leadDays })}</Typography.Text>
        </List.Item>
      )}
    />
  );
  return (
    <Popover
      content={content}
      title={t('reminders.title')}
      trigger="click"
      open={open}
      onOpenChange={setOpen}
      placement="bottomRight"
    >
      <Button type="text" style={{ color: '#fff' }} aria-label={t('reminders.title')} data-testid="reminders-bell">
        <Badge count={total} size="small" overflowCount={9999} offset={[6, -2]}>
          <BellOutlined style={{ color: '#fff', fontSize: 17 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
