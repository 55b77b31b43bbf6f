import { useEffect, useState } from 'react';
import { Form, Input, InputNumber, Modal, App as AntApp } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ApiError, UPGRADE_TRANSITIONS, type UpgradeAction } from '@contract';
import { call } from '../../api/client';
import { DateInput } from '../../components/DateInput';
import { dateRule } from '../../components/date-rule';
import { showFailure } from '../../components/failure';

/** One action on one or many requests: a comment (a reason where required), the project fields when funding. */
export function UpgradeActionModal({
  action,
  ids,
  onClose,
  onDone,
}: {
  action: UpgradeAction | null;
  ids: number[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (action) form.resetFields();
  }, [action, form]);
  if (!action) return null;
  const needsReason = UPGRADE_TRANSITIONS[action].needsReason === true;
  const accepting = action === 'accept' || action === 'failAcceptance';

  const send = async (overBudgetConfirmed: boolean) => {
    const v = form.getFieldsValue() as {
      comment?: string;
      projectNo?: string;
      fundingYear?: number;
      fundingSource?: string;
      approvedAmount?: number;
      acceptedOn?: string | null;
      inspectors?: string;
      punch?: string;
    };
    const acceptance = accepting
      ? {
          date: v.acceptedOn || dayjs().format('YYYY-MM-DD'),
          inspectors: v.inspectors ?? '',
          punchItems: (v.punch ?? '')
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean),
        }
      : undefined;
    setBusy(true);
    try {
      await call('upgrades.transition', {
        ids,
        action,
        comment: v.comment || null,
        projectNo: v.projectNo || null,
        fundingYear: v.fundingYear,
        fundingSource: v.fundingSource || null,
        approvedAmount: v.approvedAmount,
        overBudgetConfirmed,
        acceptance,
      });
      void message.success(t('upgrades.done', { count: ids.length }));
      onDone();
    } catch (err) {
      if (err instanceof ApiError && err.message === 'upgrades.errors.overBudget') {
        modal.confirm({
          title: t('upgrades.overBudgetTitle'),
          content: t('upgrades.overBudget', err.params),
          okButtonProps: { danger: true },
          onOk: () => send(true),
        });
      } else showFailure(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={`${t(`upgrades.actions.${action}`)}（${ids.length}）`}
      okText={t(`upgrades.actions.${action}`)}
      okButtonProps={
        {
          loading: busy,
          danger: action === 'reject' || action === 'failAcceptance',
          'data-testid': 'upgrade-action-ok',
        } as never
      }
      onCancel={onClose}
      onOk={async () => {
        // A missing reason is shown at its field; the rejected check is not an error of the page.
        const valid = await form.validateFields().then(
          () => true,
          () => false,
        );
        if (valid) await send(false);
      }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" data-testid="upgrade-action-form">
        <Form.Item
          name="comment"
          label={t('upgrades.comment')}
          rules={needsReason ? [{ required: true, whitespace: true, message: t('upgrades.commentRequired') }] : []}
        >
          <Input.TextArea rows={2} maxLength={500} autoFocus />
        </Form.Item>
        {accepting && (
          <>
            <Form.Item
              name="acceptedOn"
              label={t('upgrades.acceptedOn')}
              rules={[{ required: true, message: t('validation.required') }, dateRule(t)]}
              initialValue={dayjs().format('YYYY-MM-DD')}
            >
              <DateInput style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name="inspectors"
              label={t('upgrades.inspectors')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="punch" label={t('upgrades.punchItems')} extra={t('upgrades.punchHelp')}>
              <Input.TextArea rows={3} />
            </Form.Item>
          </>
        )}
        {action === 'fund' && (
          <>
            <Form.Item name="projectNo" label={t('upgrades.projectNo')} rules={[{ required: true }]}>
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item
              name="fundingYear"
              label={t('upgrades.fundingYear')}
              rules={[{ required: true }]}
              initialValue={new Date().getFullYear()}
            >
              <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="fundingSource" label={t('upgrades.fundingSource')}>
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item name="approvedAmount" label={t('upgrades.approvedAmount')}>
              <InputNumber min={0} step={0.1} style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
