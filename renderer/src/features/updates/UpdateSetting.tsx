import { useEffect, useState } from 'react';
import { App, Button, Card, Input, Radio, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { updateSourceSchema, type UpdateSource } from '@contract';
import { session } from '../../api/client';
import { formatDateTime } from '../../i18n/format';
import { useUpdateState } from './useUpdateState';

/** On the settings page of the desktop app: where this desk gets new versions, and its last check. */
export function UpdateSetting({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const view = useUpdateState();
  const bridge = window.griddesk?.updates;
  const [draft, setDraft] = useState<UpdateSource>({ kind: 'never' });
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (view) setDraft(view.source);
  }, [view?.source]); // eslint-disable-line react-hooks/exhaustive-deps -- only when main reports a saved source
  if (!bridge || !view) return null;

  const save = async () => {
    const parsed = updateSourceSchema.safeParse(draft);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'errors.invalid');
    const reply = await bridge.setSource(parsed.data, session.token);
    if (!reply.ok) return setError(reply.message ?? 'errors.internal');
    setError(null);
    message.success(t('updates.saved'));
  };
  const s = view.state;
  const status =
    s.phase === 'current'
      ? t('updates.current', { at: formatDateTime(s.checkedAt) })
      : s.phase === 'checking'
        ? t('updates.checking')
        : s.phase === 'downloading'
          ? t('updates.downloading', { version: s.version, percent: s.percent })
          : s.phase === 'ready'
            ? t('updates.ready', { version: s.version })
            : s.phase === 'error'
              ? t('updates.error', { message: s.message })
              : t('updates.off');

  return (
    <Card
      size="small"
      title={t('updates.settingTitle')}
      style={{ marginBottom: 16 }}
      data-testid="update-setting"
      extra={
        s.phase !== 'off' && (
          <Button size="small" onClick={() => void bridge.checkNow()}>
            {t('updates.checkNow')}
          </Button>
        )
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {view.managedByServer ? (
          <Typography.Text>{t('updates.managedByServer')}</Typography.Text>
        ) : (
          <>
            <Radio.Group
              value={draft.kind}
              disabled={!isAdmin}
              onChange={(e) =>
                setDraft(
                  e.target.value === 'url'
                    ? { kind: 'url', url: '' }
                    : e.target.value === 'folder'
                      ? { kind: 'folder', folder: '' }
                      : { kind: 'never' },
                )
              }
            >
              <Radio value="never">{t('updates.sourceNever')}</Radio>
              <Radio value="url">{t('updates.sourceUrl')}</Radio>
              <Radio value="folder">{t('updates.sourceFolder')}</Radio>
            </Radio.Group>
            {draft.kind === 'url' && (
              <Input
                aria-label={t('updates.sourceUrl')}
                disabled={!isAdmin}
                value={draft.url}
                placeholder={t('updates.urlPlaceholder')}
                onChange={(e) => setDraft({ kind: 'url', url: e.target.value })}
              />
            )}
            {draft.kind === 'folder' && (
              <Input
                aria-label={t('updates.sourceFolder')}
                disabled={!isAdmin}
                value={draft.folder}
                placeholder={t('updates.folderPlaceholder')}
                onChange={(e) => setDraft({ kind: 'folder', folder: e.target.value })}
              />
            )}
            {error && (
              <Typography.Text type="danger" data-testid="update-source-error">
                {t(error)}
              </Typography.Text>
            )}
            {isAdmin && (
              <Button type="primary" size="small" onClick={() => void save()}>
                {t('updates.save')}
              </Button>
            )}
          </>
        )}
        <Typography.Text type="secondary" data-testid="update-status">
          {status}
        </Typography.Text>
      </Space>
    </Card>
  );
}
