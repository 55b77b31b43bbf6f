import { useCallback, useEffect, useState } from 'react';
import { Button, Input, InputNumber, Space, Table, Tag, Typography, App as AntApp } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SettingRow } from '@contract';
import { call } from '../../api/client';
import { PageTitle } from '../../components/PageTitle';
import { useAuth } from '../accounts/auth-context';
import { ConnectionSetting } from '../connection/ConnectionSetting';
import { UpdateSetting } from '../updates/UpdateSetting';
import { showFailure } from '../../components/failure';

/** "clearance.10.bare.vertical" → "10kV 裸导线 垂直距离"; other keys by their last part. */
function settingLabel(t: TFunction, key: string): string {
  const m = /^clearance\.([\d.]+)\.(\w+)\.(vertical|horizontal)$/.exec(key);
  if (m) return `${m[1]}kV ${t(`settings.labels.scopes.${m[2]}`)} · ${t(`settings.labels.measures.${m[3]}`)}`;
  return t(`settings.labels.${key.split('.').pop()}`);
}

/** Every threshold the rules use, with the standard's default and its source; admins may change them. */
export function SettingsPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const auth = useAuth();
  const isAdmin = auth.may('settings.reset');
  const [rows, setRows] = useState<SettingRow[]>([]);
  const [draft, setDraft] = useState<Record<string, number | string>>({});

  const load = useCallback(() => {
    call('settings.list', {}).then(
      (r) => setRows(r.rows),
      (e: unknown) => showFailure(e),
    );
  }, []);
  useEffect(load, [load]);

  const save = async (key: string, reset = false) => {
    try {
      const res = reset
        ? await call('settings.reset', { key })
        : await call('settings.update', { key, value: draft[key]! });
      void message.success(t('settings.regraded', { count: res.regraded }));
      setDraft(({ [key]: _, ...rest }) => rest);
      load();
    } catch (e) {
      showFailure(e);
    }
  };

  return (
    <div className="page" style={{ overflow: 'auto' }}>
      <PageTitle title={t('settings.title')} />
      <ConnectionSetting isAdmin={isAdmin} />
      <UpdateSetting isAdmin={isAdmin} />
      <Typography.Paragraph type="secondary">{t('settings.intro')}</Typography.Paragraph>
      <Table<SettingRow>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        columns={[
          {
            title: t('settings.key'),
            dataIndex: 'key',
            width: 260,
            render: (k: string, r) => (
              <span title={k}>
                {t(`settings.groups.${r.group}`)} · {settingLabel(t, k)}
              </span>
            ),
          },
          {
            title: t('settings.value'),
            width: 240,
            render: (_, r) => {
              const changed = draft[r.key] !== undefined;
              const editor =
                typeof r.value === 'number' ? (
                  <InputNumber
                    value={(draft[r.key] as number | undefined) ?? r.value}
                    step={0.1}
                    disabled={!isAdmin}
                    onChange={(v) => v !== null && setDraft((d) => ({ ...d, [r.key]: v }))}
                    addonAfter={r.unit ?? undefined}
                    style={{ width: 140 }}
                  />
                ) : (
                  <Input
                    value={(draft[r.key] as string | undefined) ?? String(r.value)}
                    disabled={!isAdmin}
                    onChange={(e) => setDraft((d) => ({ ...d, [r.key]: e.target.value }))}
                    style={{ width: 160 }}
                  />
                );
              return (
                <Space>
                  {editor}
                  {isAdmin && changed && (
                    <Button size="small" type="primary" onClick={() => void save(r.key)}>
                      {t('common.save')}
                    </Button>
                  )}
                </Space>
              );
            },
          },
          {
            title: t('settings.defaultValue'),
            width: 150,
            render: (_, r) => (
              <Space>
                {String(r.defaultValue)} {r.unit}
                {isAdmin && r.value !== r.defaultValue && (
                  <Button size="small" onClick={() => void save(r.key, true)}>
                    {t('settings.reset')}
                  </Button>
                )}
              </Space>
            ),
          },
          { title: t('settings.source'), dataIndex: 'source' },
          {
            title: t('settings.confirmed'),
            width: 150,
            render: (_, r) =>
              r.confirmed ? (
                <Tag color="green">{t('settings.confirmedYes')}</Tag>
              ) : (
                <Tag color="orange">{t('settings.confirmedNo')}</Tag>
              ),
          },
        ]}
      />
    </div>
  );
}
