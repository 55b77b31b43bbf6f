import type { ButtonProps } from 'antd';
import { useState } from 'react';
import { Alert, Input, List, Modal, App as AntApp } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PackageInput, PlanViolation } from '@contract';
import { call } from '../../api/client';
import { ruleText } from './trimming-text';
import { showFailure } from '../../components/failure';

/**
 * Places (or moves) a package: the rules are checked first, by the same checker the automatic plan
 * uses; a placement within the rules is saved at once, one that breaks a rule is shown with the
 * rule and saved only as an override with a reason (which the core writes to the audit log).
 */
export function usePlacement(recordLabel: (id: number) => string, onSaved: () => void) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [pending, setPending] = useState<{ input: PackageInput; violations: PlanViolation[] } | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  const save = async (input: PackageInput) => {
    setBusy(true);
    try {
      await call('trimming.savePackage', input);
      void message.success(t('trimming.saved'));
      setPending(null);
      setReason('');
      onSaved();
    } catch (e) {
      showFailure(e);
    } finally {
      setBusy(false);
    }
  };

  const place = async (input: PackageInput) => {
    try {
      const { violations } = await call('trimming.check', input);
      if (violations.length === 0) return save(input);
      setReason('');
      setPending({ input, violations });
    } catch (e) {
      showFailure(e);
    }
  };

  const modal = (
    <Modal
      open={pending !== null}
      title={t('trimming.conflictTitle')}
      okText={t('trimming.overrideSave')}
      okButtonProps={{ disabled: !reason.trim(), danger: true, 'data-testid': 'override-save' } as ButtonProps}
      confirmLoading={busy}
      onOk={() => pending && void save({ ...pending.input, overrideReason: reason.trim() })}
      onCancel={() => setPending(null)}
      destroyOnHidden
    >
      <List
        size="small"
        dataSource={pending?.violations ?? []}
        renderItem={(v) => <List.Item data-testid="violation">{ruleText(t, v, recordLabel)}</List.Item>}
      />
      <Alert type="warning" showIcon title={t('trimming.conflictIntro')} style={{ margin: '8px 0' }} />
      <Input.TextArea
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        rows={2}
        maxLength={300}
        placeholder={t('trimming.overrideReason')}
        aria-label={t('trimming.overrideReason')}
        data-testid="override-reason"
        autoFocus
      />
    </Modal>
  );
  return { place, modal };
}
