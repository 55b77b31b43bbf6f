import type { ButtonProps } from 'antd';
import { useState } from 'react';
import { Alert, DatePicker, Form, Modal, Select, App as AntApp } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AutoPlanOutcome, JobState, PlanTeam, ReferenceOptions } from '@contract';
import { call } from '../../api/client';
import { waitForJob } from '../../api/files';
import { JobProgress } from '../../components/office/JobProgress';
import { showFailure } from '../../components/failure';

/** 自动编排: a range and a scope; the job's draft comes back to the board, nothing written yet. */
export function AutoPlanModal({
  open,
  refs,
  teams,
  from,
  onClose,
  onDraft,
}: {
  open: boolean;
  refs: ReferenceOptions;
  teams: PlanTeam[];
  from: string;
  onClose: () => void;
  onDraft: (jobId: string, outcome: AutoPlanOutcome) => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs(from), dayjs(from).add(27, 'day')]);
  const [townshipIds, setTownships] = useState<number[]>([]);
  const [lineIds, setLines] = useState<number[]>([]);
  const [teamIds, setTeams] = useState<number[]>([]);
  const [job, setJob] = useState<JobState | null>(null);

  const runPlan = async () => {
    try {
      const { jobId } = await call('trimming.autoPlan', {
        from: range[0].format('YYYY-MM-DD'),
        to: range[1].format('YYYY-MM-DD'),
        townshipIds: townshipIds.length ? townshipIds : undefined,
        lineIds: lineIds.length ? lineIds : undefined,
        teamIds: teamIds.length ? teamIds : undefined,
      });
      const state = await waitForJob(jobId, setJob);
      if (state.status === 'done' && state.result?.kind === 'trimming.autoPlan') {
        onDraft(jobId, state.result.outcome);
        setJob(null);
        onClose();
      } else if (state.error) void message.error(t(state.error.message, state.error.params ?? {}));
    } catch (e) {
      showFailure(e);
      setJob(null);
    }
  };

  return (
    <Modal
      open={open}
      title={t('trimming.auto.title')}
      okText={t('trimming.auto.run')}
      onOk={() => void runPlan()}
      confirmLoading={job?.status === 'running'}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'auto-run' } as ButtonProps}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('trimming.auto.intro')} style={{ marginBottom: 12 }} />
      <Form layout="vertical">
        <Form.Item label={t('trimming.auto.range')}>
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item label={t('trimming.auto.townships')}>
          <Select
            mode="multiple"
            allowClear
            value={townshipIds}
            onChange={setTownships}
            options={refs.townships.map((x) => ({ value: x.id, label: x.name }))}
            optionFilterProp="label"
          />
        </Form.Item>
        <Form.Item label={t('trimming.auto.lines')}>
          <Select
            mode="multiple"
            allowClear
            value={lineIds}
            onChange={setLines}
            options={refs.lines.map((x) => ({ value: x.id, label: x.name }))}
            optionFilterProp="label"
          />
        </Form.Item>
        <Form.Item label={t('trimming.auto.teams')}>
          <Select
            mode="multiple"
            allowClear
            value={teamIds}
            onChange={setTeams}
            options={teams.map((x) => ({ value: x.id, label: x.name }))}
            optionFilterProp="label"
          />
        </Form.Item>
      </Form>
      <JobProgress state={job} />
    </Modal>
  );
}
