import { useCallback, useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Descriptions,
  Divider,
  Drawer,
  Empty,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Tag,
  Timeline,
  App as AntApp,
} from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { COORDINATION_LEVELS, DISPUTE_PARTIES, contract, type DisputeRow, type VegetationRow } from '@contract';
import { call } from '../../api/client';
import { attempt } from '../../components/failure';
import { DateInput } from '../../components/DateInput';
import { dateRule } from '../../components/date-rule';
import { useSchemaSubmit } from '../../components/useSchemaSubmit';

interface Props {
  recordId: number | null;
  canEdit: boolean;
  onClose: () => void;
  onChanged: () => void;
}

/** 受阻: who disputes, what was explained, who coordinates, each negotiation, and the money. */
export function DisputeDrawer({ recordId, canEdit, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [record, setRecord] = useState<VegetationRow | null>(null);
  const [dispute, setDispute] = useState<DisputeRow | null>(null);
  const [history, setHistory] = useState<DisputeRow[]>([]);
  const [openForm] = Form.useForm();
  const [entryForm] = Form.useForm();
  const [moneyForm] = Form.useForm();
  const [closeForm] = Form.useForm();
  const opening = useSchemaSubmit(openForm, ['parties', 'lawExplained', 'coordinationLevel', 'note']);
  const adding = useSchemaSubmit(entryForm, ['entryDate', 'party', 'content']);
  const paying = useSchemaSubmit(moneyForm, [
    'parties',
    'lawExplained',
    'coordinationLevel',
    'compensationAgreed',
    'compensationPaid',
    'paidDate',
  ]);
  const closing = useSchemaSubmit(closeForm, ['note']);

  const load = useCallback(
    () =>
      attempt(async () => {
        if (!recordId) return;
        const [r, d] = await Promise.all([
          call('vegetation.get', { id: recordId }),
          call('vegetation.dispute.get', { recordId }),
        ]);
        setRecord(r);
        setDispute(d.dispute);
        setHistory(d.history);
        if (d.dispute) {
          moneyForm.setFieldsValue({ ...d.dispute, paidDate: d.dispute.paidDate ?? null });
        }
      }),
    [recordId, moneyForm],
  );

  useEffect(() => {
    openForm.resetFields();
    entryForm.resetFields();
    closeForm.resetFields();
    void load();
  }, [load, openForm, entryForm, closeForm]);

  const after = (res: { dispute: DisputeRow; warnings: string[] }) => {
    res.warnings.forEach((w) => void message.warning(t(w), 6));
    void message.success(t('common.saved'));
    onChanged();
    return load();
  };

  const partyOptions = DISPUTE_PARTIES.map((p) => ({ value: p, label: t(`vegetation.parties.${p}`) }));
  const levelOptions = COORDINATION_LEVELS.map((l) => ({ value: l, label: t(`vegetation.levels.${l}`) }));
  const disputeFields = (
    <>
      <Form.Item name="parties" label={t('vegetation.disputeParties')}>
        <Select mode="multiple" options={partyOptions} />
      </Form.Item>
      <Form.Item name="coordinationLevel" label={t('vegetation.coordinationLevel')}>
        <Select options={levelOptions} />
      </Form.Item>
      <Form.Item name="lawExplained" valuePropName="checked">
        <Checkbox>{t('vegetation.lawExplained')}</Checkbox>
      </Form.Item>
    </>
  );

  return (
    <Drawer
      open={recordId !== null}
      onClose={onClose}
      size={640}
      title={t('vegetation.disputeTitle')}
      destroyOnHidden
      data-testid="dispute-drawer"
    >
      {record && (
        <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('vegetation.line')}>{record.lineName}</Descriptions.Item>
          <Descriptions.Item label={t('vegetation.towerRange')}>{record.towerRange}</Descriptions.Item>
          <Descriptions.Item label={t('vegetation.landowner')}>{record.landowner ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('vegetation.status')}>
            <Tag>{t(`vegetation.statuses.${record.status}`)}</Tag>
          </Descriptions.Item>
        </Descriptions>
      )}
      {record?.plantedInZone && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('vegetation.plantedInZoneHelp')} />
      )}

      {!dispute && canEdit && record && record.status !== 'done' && (
        <Form
          form={openForm}
          layout="vertical"
          initialValues={{ parties: ['landowner'], coordinationLevel: 'none', lawExplained: false }}
          onFinish={() =>
            void opening.submit(contract['vegetation.dispute.open'].input, async (v) =>
              after(await call('vegetation.dispute.open', v)),
            )
          }
          data-testid="dispute-open-form"
        >
          <Form.Item name="recordId" hidden initialValue={recordId}>
            <Input />
          </Form.Item>
          {disputeFields}
          <Form.Item name="note" label={t('vegetation.disputeNote')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          {opening.error && <Alert type="error" title={opening.error} style={{ marginBottom: 12 }} />}
          <Button type="primary" danger htmlType="submit" loading={opening.busy}>
            {t('vegetation.openDispute')}
          </Button>
        </Form>
      )}
      {!dispute && (!canEdit || record?.status === 'done') && <Empty description={t('vegetation.noDispute')} />}

      {dispute && (
        <>
          <Tag color="magenta" style={{ marginBottom: 12 }}>
            {t('vegetation.disputeOpen')}
          </Tag>
          <Divider titlePlacement="start">{t('vegetation.entries')}</Divider>
          <Timeline
            data-testid="dispute-entries"
            items={dispute.entries.map((e) => ({
              content: (
                <span>
                  <b>{e.entryDate}</b> {e.party ? `[${t(`vegetation.parties.${e.party}`)}] ` : ''}
                  {e.content} <small style={{ color: '#999' }}>— {e.createdBy}</small>
                </span>
              ),
            }))}
          />
          {canEdit && (
            <Form
              form={entryForm}
              layout="inline"
              initialValues={{ entryDate: dayjs().format('YYYY-MM-DD') }}
              onFinish={() =>
                void adding.submit(
                  z
                    .any()
                    .transform((v: Record<string, unknown>): unknown => ({
                      ...v,
                      disputeId: dispute.id,
                      entryDate: v.entryDate || undefined,
                    }))
                    .pipe(contract['vegetation.dispute.addEntry'].input),
                  async (v) => {
                    await after(await call('vegetation.dispute.addEntry', v));
                    entryForm.resetFields(['content']);
                  },
                )
              }
              style={{ rowGap: 8, marginBottom: 8 }}
              data-testid="dispute-entry-form"
            >
              <Form.Item name="entryDate" rules={[dateRule(t)]}>
                <DateInput style={{ width: 150 }} />
              </Form.Item>
              <Form.Item name="party">
                <Select
                  allowClear
                  style={{ width: 120 }}
                  placeholder={t('vegetation.entryParty')}
                  options={partyOptions}
                />
              </Form.Item>
              <Form.Item name="content" style={{ flex: 1, minWidth: 200 }}>
                <Input placeholder={t('vegetation.entryContent')} />
              </Form.Item>
              <Button htmlType="submit" loading={adding.busy}>
                {t('vegetation.addEntry')}
              </Button>
            </Form>
          )}
          {adding.error && <Alert type="error" title={adding.error} />}

          <Divider titlePlacement="start">{t('vegetation.coordinationAndMoney')}</Divider>
          <Form
            form={moneyForm}
            layout="vertical"
            disabled={!canEdit}
            onFinish={() =>
              void paying.submit(
                z
                  .any()
                  .transform((v: Record<string, unknown>): unknown => ({
                    ...v,
                    id: dispute.id,
                    version: dispute.version,
                    paidDate: v.paidDate || null,
                  }))
                  .pipe(contract['vegetation.dispute.update'].input),
                async (v) => after(await call('vegetation.dispute.update', v)),
              )
            }
            data-testid="dispute-money-form"
          >
            {disputeFields}
            <Space wrap>
              <Form.Item name="compensationAgreed" label={t('vegetation.compensationAgreed')}>
                <InputNumber min={0} style={{ width: 160 }} />
              </Form.Item>
              <Form.Item name="compensationPaid" label={t('vegetation.compensationPaid')}>
                <InputNumber min={0} style={{ width: 160 }} />
              </Form.Item>
              <Form.Item name="paidDate" label={t('vegetation.paidDate')} rules={[dateRule(t)]}>
                <DateInput />
              </Form.Item>
            </Space>
            <br />
            {paying.error && <Alert type="error" title={paying.error} style={{ marginBottom: 12 }} />}
            {canEdit && (
              <Button htmlType="submit" loading={paying.busy}>
                {t('common.save')}
              </Button>
            )}
          </Form>

          {canEdit && (
            <>
              <Divider titlePlacement="start">{t('vegetation.closeDispute')}</Divider>
              <Form
                form={closeForm}
                layout="vertical"
                onFinish={() =>
                  void closing.submit(
                    z
                      .any()
                      .transform((v: Record<string, unknown>): unknown => ({
                        ...v,
                        id: dispute.id,
                        version: dispute.version,
                      }))
                      .pipe(contract['vegetation.dispute.close'].input),
                    async (v) => after(await call('vegetation.dispute.close', v)),
                  )
                }
                data-testid="dispute-close-form"
              >
                <Form.Item name="note" label={t('vegetation.closeNote')}>
                  <Input.TextArea rows={2} />
                </Form.Item>
                {closing.error && <Alert type="error" title={closing.error} style={{ marginBottom: 12 }} />}
                <Button type="primary" htmlType="submit" loading={closing.busy}>
                  {t('vegetation.closeDispute')}
                </Button>
              </Form>
            </>
          )}
        </>
      )}
      {history.length > 0 && (
        <>
          <Divider titlePlacement="start">{t('vegetation.disputeHistory')}</Divider>
          {history.map((h) => (
            <p key={h.id}>
              {h.openedAt.slice(0, 10)} → {h.closedAt?.slice(0, 10)}：{h.closeNote}
              {h.compensationPaid ? `（${t('vegetation.compensationPaid')} ${h.compensationPaid}）` : ''}
            </p>
          ))}
        </>
      )}
    </Drawer>
  );
}
