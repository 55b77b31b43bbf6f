import { useState } from 'react';
import { Alert, Button, Drawer, Popconfirm, Result, Space, Steps, Typography, Upload } from 'antd';
import { DownloadOutlined, FileExcelOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ColumnMapping, ImportOutcome, ImportPreview, JobState, SheetName } from '@contract';
import { call } from '../../api/client';
import { downloadFile, uploadFile, waitForJob } from '../../api/files';
import { errorText } from '../errors';
import { attempt, showFailure } from '../failure';
import { JobProgress } from './JobProgress';
import { ImportReview } from './ImportReview';
import { problemTemplates } from './problem-templates';

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
  const [stage, setStage] = useState<Stage>('pick');
  const [fileId, setFileId] = useState<string | null>(null);
  const [job, setJob] = useState<JobState | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [createReferences, setCreateReferences] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const reset = () => {
    setStage('pick');
    setFileId(null);
    setJob(null);
    setPreview(null);
    setOutcome(null);
    setError(null);
    setCreateReferences(false);
  };
  const close = () => {
    if (job?.status === 'running') void attempt(() => call('jobs.cancel', { jobId: job.jobId }));
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
    setJob({
      jobId: '',
      kind: 'upload',
      status: 'running',
      phase: 'jobs.phase.uploading',
      done: 0,
      total: file.size,
      result: null,
      error: null,
    });
    try {
      const id = await uploadFile(file, (f) => setJob((j) => j && { ...j, done: Math.round(f * file.size) }));
      setFileId(id);
      await check(id);
    } catch (err) {
      setError(errorText(t, err));
      setStage('pick');
    }
  };

  const commit = async (rows: 'all' | 'valid') => {
    if (!fileId || !preview) return;
    setStage('writing');
    try {
      const problemTexts =
        rows === 'valid' ? problemTemplates(['import.problem', ...preview.problemMessages]) : undefined;
      const { jobId } = await call('excel.commit', { sheet, fileId, mapping, rows, createReferences, problemTexts });
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

  const forgetLayout = async () => {
    if (!fileId || !preview) return;
    try {
      await call('excel.forgetLayout', { sheet, layout: preview.layout });
      await check(fileId);
    } catch (err) {
      setError(errorText(t, err));
    }
  };

  const mappingChanged = preview !== null && JSON.stringify(mapping) !== JSON.stringify(preview.mapping);
  // Creating the missing names fixes their problems and makes their rows clean.
  const creating = createReferences && (preview?.creatableProblems ?? 0) > 0;
  const problemsLeft = preview ? preview.problemCount - (creating ? preview.creatableProblems : 0) : 1;
  const toWrite = preview ? preview.newCount + preview.updateCount + (creating ? preview.rowsFixedByCreating : 0) : 0;
  const blocked = mappingChanged || !preview || preview.missingColumns.length > 0;

  return (
    <Drawer
      open={open}
      onClose={close}
      mask={false}
      size={760}
      title={
        <Space>
          <FileExcelOutlined />
          {t('import.title', { sheet: t(`import.titles.${sheet}`) })}
        </Space>
      }
      data-testid="import-wizard"
      footer={
        <Space style={{ float: 'right' }}>
          {stage === 'review' && (
            <>
              <Button onClick={reset}>{t('import.another')}</Button>
              {mappingChanged && (
                <Button onClick={() => fileId && void check(fileId, mapping)} data-testid="import-recheck">
                  {t('import.recheck')}
                </Button>
              )}
              {problemsLeft > 0 && toWrite > 0 && (
                <Popconfirm
                  title={t('import.validOnlyConfirm', {
                    count: toWrite,
                    refused: (preview?.problemRows ?? 0) - (creating ? (preview?.rowsFixedByCreating ?? 0) : 0),
                  })}
                  okText={t('import.validOnly', { count: toWrite })}
                  cancelText={t('common.cancel')}
                  onConfirm={() => void commit('valid')}
                  disabled={blocked}
                >
                  <Button disabled={blocked} data-testid="import-commit-valid">
                    {t('import.validOnly', { count: toWrite })}
                  </Button>
                </Popconfirm>
              )}
              <Button
                type="primary"
                icon={<UploadOutlined />}
                disabled={blocked || problemsLeft > 0 || toWrite === 0}
                onClick={() => void commit('all')}
                data-testid="import-commit"
              >
                {t('import.commit', { count: toWrite })}
              </Button>
            </>
          )}
          {stage === 'writing' && job && (
            <Button danger onClick={() => void attempt(() => call('jobs.cancel', { jobId: job.jobId }))}>
              {t('common.cancel')}
            </Button>
          )}
          {stage === 'done' && (
            <Button type="primary" onClick={close}>
              {t('common.close')}
            </Button>
          )}
        </Space>
      }
    >
      <Steps
        size="small"
        current={STEP[stage]}
        items={[
          { title: t('import.stepFile') },
          { title: t('import.stepCheck') },
          { title: t('import.stepWrite') },
          { title: t('import.stepDone') },
        ]}
        style={{ marginBottom: 20 }}
      />
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="import-error" />}

      {stage === 'pick' && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Upload.Dragger
            accept=".xlsx,.csv"
            multiple={false}
            showUploadList={false}
            beforeUpload={(file) => (void pick(file), false)}
            data-testid="import-file"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
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
                showFailure(err);
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
        <ImportReview
          preview={preview}
          mapping={mapping}
          onMapping={setMapping}
          createReferences={createReferences}
          onCreateReferences={setCreateReferences}
          problemsLeft={problemsLeft}
          onForgetLayout={() => void forgetLayout()}
        />
      )}

      {stage === 'done' && outcome && <ImportDone outcome={outcome} />}
    </Drawer>
  );
}

/** What was written, what was created, and the sheet of rows left out. */
function ImportDone({ outcome }: { outcome: ImportOutcome }) {
  const { t } = useTranslation();
  const made = outcome.createdReferences;
  return (
    <Result
      status={outcome.refused ? 'warning' : 'success'}
      title={outcome.refused ? t('import.doneWithRefused', { count: outcome.refused }) : t('import.doneTitle')}
      subTitle={
        <Space direction="vertical">
          <span>{t('import.doneText', outcome)}</span>
          {made.townships + made.villages + made.teams > 0 && (
            <span data-testid="import-created-references">{t('import.createdReferences', made)}</span>
          )}
        </Space>
      }
      extra={
        outcome.refusedFile && (
          <Button
            type="primary"
            icon={<DownloadOutlined />}
            data-testid="import-refused-download"
            onClick={async () => {
              try {
                await downloadFile(outcome.refusedFile!.fileId);
              } catch (err) {
                showFailure(err);
              }
            }}
          >
            {t('import.refusedDownload')}
          </Button>
        )
      }
      data-testid="import-done"
    />
  );
}
