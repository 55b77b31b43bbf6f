import { useState } from 'react';
import { Alert, Input, Modal, App as AntApp } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, type InputOf, type RosterView, type Violation } from '@contract';
import { call } from '../../api/client';
import { violationText } from './roster-text';
import { showFailure } from '../../components/failure';

type Change = InputOf<'roster.check'>;
interface Pending {
  violations: Violation[];
  count: number;
  save: (reason: string) => Promise<unknown>;
}

/**
 * Hand edits: every change is checked at once; one that breaks a hard rule is shown with the rules
 * it breaks and saved only as a deliberate override with a reason.
 */
export function useRosterEdit(view: RosterView | null, reload: () => void) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [pending, setPending] = useState<Pending | null>(null);
  const [reason, setReason] = useState('');

  const done = () => {
    void message.success(t('roster.saved'));
    reload();
  };
  const fail = (err: unknown) => showFailure(err);

  async function assign(change: Change) {
    try {
      const { violations } = await call('roster.check', change);
      if (violations.length === 0) {
        await call('roster.assign', change);
        done();
        return;
      }
      setReason('');
      setPending({
        violations,
        count: violations.length,
        // failure: shown by the dialog's onOk below, which catches what save() throws.
        save: (r) => call('roster.assign', { ...change, overrideReason: r }),
      });
    } catch (err) {
      fail(err);
    }
  }

  async function unassign(id: number) {
    try {
      await call('roster.unassign', { id });
      done();
    } catch (err) {
      if (err instanceof ApiError && err.message === 'roster.errors.needsOverride') {
        setReason('');
        setPending({
          violations: [],
          count: Number(err.params?.count ?? 1),
          // failure: shown by the dialog's onOk below, which catches what save() throws.
          save: (r) => call('roster.unassign', { id, overrideReason: r }),
        });
      } else fail(err);
    }
  }

  const dialog = (
    <Modal
      open={pending !== null}
      title={t('roster.conflictTitle')}
      okText={t('roster.overrideSave')}
      okButtonProps={{ danger: true, disabled: reason.trim() === '', 'data-testid': 'override-save' } as never}
      cancelText={t('common.cancel')}
      onCancel={() => setPending(null)}
      onOk={async () => {
        try {
          await pending!.save(reason.trim());
          setPending(null);
          done();
        } catch (err) {
          fail(err);
        }
      }}
      destroyOnHidden
    >
      <div data-testid="roster-conflict">
        {pending && view && (
          <Alert
            type="error"
            showIcon
            message={
              pending.violations.length
                ? pending.violations.map((v) => violationText(t, v, view)).join('；')
                : t('roster.errors.needsOverride', { count: pending.count })
            }
            style={{ marginBottom: 12 }}
          />
        )}
        <p>{t('roster.conflictIntro')}</p>
        <Input.TextArea
          rows={2}
          maxLength={200}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('roster.overrideReason')}
          aria-label={t('roster.overrideReason')}
          autoFocus
        />
      </div>
    </Modal>
  );
  return { assign, unassign, dialog };
}
