import type { ButtonProps } from 'antd';
import { useEffect, useState } from 'react';
import { DatePicker, Form, InputNumber, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { WORK_METHODS, type PlanTeam, type WorkMethod } from '@contract';

/** 安排到…: the keyboard's way onto the board — a team, a day (or a run of days) and the method. */
export function ArrangeModal({
  ids,
  teams,
  from,
  onClose,
  onPlace,
}: {
  ids: number[] | null;
  teams: PlanTeam[];
  from: string;
  onClose: () => void;
  onPlace: (teamId: number, date: string, days: number, method: WorkMethod) => void;
}) {
  const { t } = useTranslation();
  const [teamId, setTeamId] = useState<number | undefined>(teams[0]?.id);
  const [date, setDate] = useState(from);
  const [days, setDays] = useState(1);
  const [method, setMethod] = useState<WorkMethod>('no_outage');
  useEffect(() => {
    if (ids) setDate(from);
  }, [ids, from]);
  return (
    <Modal
      open={ids !== null}
      title={t('trimming.arrangeTitle', { count: ids?.length ?? 0 })}
      onCancel={onClose}
      okButtonProps={{ disabled: !teamId, 'data-testid': 'arrange-ok' } as ButtonProps}
      onOk={() => teamId && onPlace(teamId, date, days, method)}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t('trimming.team')}>
          <Select
            value={teamId}
            onChange={setTeamId}
            options={teams.map((x) => ({ value: x.id, label: x.name }))}
            autoFocus
            aria-label={t('trimming.team')}
            data-testid="arrange-team"
          />
        </Form.Item>
        <Form.Item label={t('trimming.date')}>
          <DatePicker
            value={dayjs(date)}
            onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))}
            allowClear={false}
            style={{ width: '100%' }}
            aria-label={t('trimming.date')}
          />
        </Form.Item>
        <Form.Item label={t('trimming.days')}>
          <InputNumber min={1} max={14} value={days} onChange={(v) => setDays(v ?? 1)} />
        </Form.Item>
        <Form.Item label={t('trimming.method')}>
          <Select
            value={method}
            onChange={setMethod}
            options={WORK_METHODS.map((m) => ({ value: m, label: t(`trimming.methods.${m}`) }))}
            aria-label={t('trimming.method')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
