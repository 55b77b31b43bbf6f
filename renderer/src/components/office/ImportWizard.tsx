import { useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Result, Select, Space, Steps, Table, Typography, Upload, App as AntApp } from 'antd';
import { FileExcelOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ColumnMapping, ImportPreview, JobState, SheetName } from '@contract';
import { call } from '../../api/client';
import { downloadFile, uploadFile, waitForJob } from '../../api/files';
import { errorText } from '../errors';
import { JobProgress } from './JobProgress';

type Stage = 'pick' | 'checking' | 'review' | 'writing' | 'done';
const STEP: Record<Stage, number> = { pick: 0, checking: 1, review: 1, writing: 2, done: 3 };

interface Props {
  sheet: SheetName;
  open: boolean;
  onClose: () => void;
  /** Called after rows were written: the page refreshes its grid. */
  onImported: () => void;
}

/**
 * Pick a file → check the column mapping and every row's problems → write all rows or none.
 * The drawer leaves the page usable (no mask): the grid scrolls while a big file is read.
 */
export function ImportWizard({ sheet, open, onClose, onImported }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [stage, setStage] = useState<Stage>('pick');
  const [fileId, setFileId] = useState<string | null>(null);
  const [job, setJob] = useState<JobState | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [outcome, setOutcome] = useState<{ created: number; updated: number; unchanged: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reset = () => {
    setStage('pick');
    setFileId(null);
    setJob(null);
    setPreview(null);
    setOutcome(null);
    setError(null);
  };
  const close = () => {
    if (job?.status === 'running') void call('jobs.cancel', { jobId: job.jobId });
    reset();
    onClose();
  };

  const check = async (id: string, map?: ColumnMapping) => {
    setStage('checking');
    setError(null);
    try {
      const { jobId } = await call('excel.analyse', { sheet, fileId: id, mapping: map });
      const state = await waitForJob(jobId, setJob);
      if (state.status !== 'done' || state.result?.kind !== 'excel.analyse') {
        setError(t(state.error?.message ?? 'errors.internal', state.error?.params ?? {}));
        setStage('pick');
        return;
      }
      setPreview(state.result.preview);
      setMapping(state.result.preview.mapping);
      setStage('review');
    } catch (err) {
      setError(errorText(t, err));
      setStage('pick');
    }
  };

  const pick = async (file: File) => {
    setStage('checking');
    setJob({ jobId: '', kind: 'upload', status: 'running', phase: 'jobs.phase.uploading', done: 0, total: file.size, result: null, error: null });
    try {
      const id = await uploadFile(file, (f) => setJob((j) => j && { ...j, done: Math.round(f * file.size) }));
      setFileId(id);
      await check(id);
    } catch (err) {
      setError(errorText(t, err));
      setStage('pick');
    }
  };

  const commit = async () => {
    if (!fileId) return;
    setStage('writing');
    try {
      const { jobId } = await call('excel.commit', { sheet, fileId, mapping });
      const state = await waitForJob(jobId, setJob);
      if (state.status === 'done' && state.result?.kind === 'excel.commit') {
        setOutcome(state.result.outcome);
        setStage('done');
        onImported();
      } else {
        setError(t(state.error?.message ?? 'jobs.cancelledText', state.error?.params ?? {}));
        setStage('review');
      }
    } catch (err) {
      setError(errorText(t, err));
      setStage('review');
    }
  };

  const mappingChanged = preview !== null && JSON.stringify(mapping) !== JSON.stringify(preview.mapping);
  const headerOptions = (preview?.headers ?? []).map((h, i) => ({ value: i, label: h || `#${i + 1}` }));
  const toWrite = preview ? preview.newCount + preview.updateCount : 0;

  return (
    <Drawer
      open={open}
      onClose={close}
      mask={false}
      size={760}
      title={<Space><FileExcelOutlined />{t('import.title', { sheet: t(`import.titles.${sheet}`) })}</Space>}
      data-testid="import-wizard"
      footer={
        <Space style={{ float: 'right' }}>
          {stage === 'review' && (
            <>
              <Button onClick={reset}>{t('import.another')}</Button>
              {mappingChanged && <Button onClick={() => fileId && void check(fileId, mapping)}>{t('import.recheck')}</Button>}
              <Button type="primary" icon={<UploadOutlined />} disabled={mappingChanged || (preview?.problemCount ?? 1) > 0 || toWrite === 0} onClick={() => void commit()} data-testid="import-commit">
                {t('import.commit', { count: toWrite })}
              </Button>
            </>
          )}
          {stage === 'writing' && job && <Button danger onClick={() => void call('jobs.cancel', { jobId: job.jobId })}>{t('common.cancel')}</Button>}
          {stage === 'done' && <Button type="primary" onClick={close}>{t('common.close')}</Button>}
        </Space>
      }
    >
      <Steps size="small" current={STEP[stage]} items={[{ title: t('import.stepFile') }, { title: t('import.stepCheck') }, { title: t('import.stepWrite') }, { title: t('import.stepDone') }]} style={{ marginBottom: 20 }} />
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="import-error" />}

      {stage === 'pick' && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Upload.Dragger accept=".xlsx,.csv" multiple={false} showUploadList={false} beforeUpload={(file) => (void pick(file), false)} data-testid="import-file">
            <p className="ant-upload-drag-icon"><InboxOutlined /></p>
            <p>{t('import.drop')}</p>
            <p className="ant-upload-hint">{t('import.dropHint')}</p>
          </Upload.Dragger>
          <Button
            icon={<FileExcelOutlined />}
            onClick={async () => {
              try {
                const { fileId: id } = await call('excel.template', { sheet });
                await downloadFile(id);
              } catch (err) {
                void message.error(errorText(t, err));
              }
            }}
            data-testid="import-template"
          >
            {t('import.template')}
          </Button>
          <Typography.Paragraph type="secondary">{t(`import.keyRule.${sheet}`)}</Typography.Paragraph>
        </Space>
      )}

      {(stage === 'checking' || stage === 'writing') && <JobProgress state={job} />}

      {stage === 'review' && preview && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Descriptions size="small" bordered column={3} data-testid="import-summary">
            <Descriptions.Item label={t('import.file')} span={3}>{preview.fileName}（{t('import.headerRow', { row: preview.headerRow })}）</Descriptions.Item>
            <Descriptions.Item label={t('import.rows')}>{preview.rowCount}</Descriptions.Item>
            <Descriptions.Item label={t('import.new')}>{preview.newCount}</Descriptions.Item>
            <Descriptions.Item label={t('import.updated')}>{preview.updateCount}</Descriptions.Item>
            <Descriptions.Item label={t('import.unchanged')}>{preview.unchangedCount}</Descriptions.Item>
            <Descriptions.Item label={t('import.problems')} span={2}>
              <Typography.Text type={preview.problemCount ? 'danger' : 'success'} data-testid="import-problem-count">{preview.problemCount}</Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Text type="secondary">{t(preview.keyRule)}</Typography.Text>
          {preview.problemCount > 0 && (
            <>
              <Alert type="warning" showIcon message={t('import.fixAndRetry', { count: preview.problemCount })} />
              <Table
                size="small"
                rowKey={(p) => `${p.row}-${p.field}-${p.message}`}
                dataSource={preview.problems}
                pagination={{ pageSize: 8, showSizeChanger: false }}
                data-testid="import-problems"
                columns={[
                  { title: t('import.row'), dataIndex: 'row', width: 60 },
                  { title: t('import.column'), dataIndex: 'column', width: 130 },
                  { title: t('import.problem'), render: (_, p) => t(p.message, { ...p.params, defaultValue: t('validation.custom') }) },
                  { title: t('import.value'), dataIndex: 'value', width: 140, ellipsis: true },
                ]}
              />
            </>
          )}
          <Typography.Title level={5}>{t('import.mapping')}</Typography.Title>
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={preview.fields}
            data-testid="import-mapping"
            columns={[
              { title: t('import.field'), render: (_, f) => <>{t(f.label, { defaultValue: f.label.split('.').pop() })}{f.required && <Typography.Text type="danger"> *</Typography.Text>}</> },
              {
                title: t('import.sheetColumn'),
                render: (_, f) => (
                  <Select
                    allowClear
                    style={{ width: 220 }}
                    placeholder={t('import.notImported')}
                    value={mapping[f.key] ?? undefined}
                    options={headerOptions}
                    onChange={(v?: number) => setMapping((m) => ({ ...m, [f.key]: v ?? null }))}
                  />
                ),
              },
              { title: t('import.example'), render: (_, f) => preview.sample[0]?.[f.key] ?? '' },
            ]}
          />
        </Space>
      )}

      {stage === 'done' && outcome && (
        <Result status="success" title={t('import.doneTitle')} subTitle={t('import.doneText', outcome)} data-testid="import-done" />
      )}
    </Drawer>
  );
}
