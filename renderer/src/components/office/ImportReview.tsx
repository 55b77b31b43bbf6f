import { Alert, Button, Checkbox, Descriptions, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ColumnMapping, ImportPreview, UnknownReference } from '@contract';
import { navigate } from '../../navigation';

interface Props {
  preview: ImportPreview;
  mapping: ColumnMapping;
  onMapping: (next: ColumnMapping) => void;
  createReferences: boolean;
  onCreateReferences: (on: boolean) => void;
  /** Problems that remain once the missing names are created (when the clerk chose to create them). */
  problemsLeft: number;
  /** Drops the office's remembered mapping for this layout and checks again from the headers. */
  onForgetLayout: () => void;
}

/** What the check found: the counts, the columns still to map, names the reference data lacks, each problem, and the mapping. */
export function ImportReview({
  preview,
  mapping,
  onMapping,
  createReferences,
  onCreateReferences,
  problemsLeft,
  onForgetLayout,
}: Props) {
  const { t } = useTranslation();
  const headerOptions = preview.headers.map((h, i) => ({ value: i, label: h || `#${i + 1}` }));
  const fieldLabel = (key: string) => {
    const f = preview.fields.find((x) => x.key === key);
    return f ? t(f.label, { defaultValue: f.label.split('.').pop() }) : key;
  };
  const columnSelect = (key: string, width = 220) => (
    <Select
      allowClear
      style={{ width }}
      placeholder={t('import.notImported')}
      value={mapping[key] ?? undefined}
      options={headerOptions}
      onChange={(v?: number) => onMapping({ ...mapping, [key]: v ?? null })}
      aria-label={fieldLabel(key)}
    />
  );
  const missing = preview.missingColumns;

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Descriptions size="small" bordered column={3} data-testid="import-summary">
        <Descriptions.Item label={t('import.file')} span={3}>
          {preview.fileName}（{t('import.headerRow', { row: preview.headerRow })}）
        </Descriptions.Item>
        <Descriptions.Item label={t('import.rows')}>{preview.rowCount}</Descriptions.Item>
        <Descriptions.Item label={t('import.new')}>{preview.newCount}</Descriptions.Item>
        <Descriptions.Item label={t('import.updated')}>{preview.updateCount}</Descriptions.Item>
        <Descriptions.Item label={t('import.unchanged')}>{preview.unchangedCount}</Descriptions.Item>
        <Descriptions.Item label={t('import.problems')} span={2}>
          <Typography.Text type={preview.problemCount ? 'danger' : 'success'} data-testid="import-problem-count">
            {preview.problemCount}
          </Typography.Text>
          {preview.problemRows > 0 && (
            <Typography.Text type="secondary">
              {t('import.problemRows', { count: preview.problemRows })}
            </Typography.Text>
          )}
        </Descriptions.Item>
      </Descriptions>

      {preview.mappingSource === 'remembered' && (
        <Alert
          type="info"
          showIcon
          data-testid="import-remembered"
          message={t('import.remembered')}
          action={
            <Button size="small" onClick={onForgetLayout}>
              {t('import.forgetLayout')}
            </Button>
          }
        />
      )}

      {missing.map((key) => (
        <Alert
          key={key}
          type="warning"
          showIcon
          data-testid={`import-missing-${key}`}
          message={t('import.columnMissing', { column: fieldLabel(key) })}
          description={
            <Space direction="vertical">
              <span>{t('import.columnMissingHint', { column: fieldLabel(key) })}</span>
              {columnSelect(key)}
            </Space>
          }
        />
      ))}

      {missing.length === 0 && preview.unknownReferences.length > 0 && (
        <UnknownReferences
          list={preview.unknownReferences}
          allowed={preview.canCreateReferences}
          create={createReferences}
          onCreate={onCreateReferences}
        />
      )}

      {missing.length === 0 && preview.problemCount > 0 && (
        <>
          {problemsLeft === 0 ? (
            <Alert
              type="info"
              showIcon
              message={t('import.allFixedByCreating', { count: preview.problemCount })}
              data-testid="import-problems-note"
            />
          ) : (
            <Alert
              type="warning"
              showIcon
              message={t('import.fixAndRetry', { count: problemsLeft })}
              data-testid="import-problems-note"
            />
          )}
          <Table
            size="small"
            rowKey={(p) => `${p.row}-${p.field}-${p.message}`}
            dataSource={preview.problems}
            pagination={{ pageSize: 8, showSizeChanger: false }}
            data-testid="import-problems"
            columns={[
              { title: t('import.row'), dataIndex: 'row', width: 60 },
              { title: t('import.column'), dataIndex: 'column', width: 130 },
              {
                title: t('import.problem'),
                render: (_, p) => t(p.message, { ...p.params, defaultValue: t('validation.custom') }),
              },
              { title: t('import.value'), dataIndex: 'value', width: 140, ellipsis: true },
            ]}
          />
        </>
      )}
      <Typography.Text type="secondary">{t(preview.keyRule)}</Typography.Text>

      <Typography.Title level={5}>{t('import.mapping')}</Typography.Title>
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={preview.fields}
        data-testid="import-mapping"
        columns={[
          {
            title: t('import.field'),
            render: (_, f) => (
              <>
                {t(f.label, { defaultValue: f.label.split('.').pop() })}
                {f.required && <Typography.Text type="danger"> *</Typography.Text>}
              </>
            ),
          },
          { title: t('import.sheetColumn'), render: (_, f) => columnSelect(f.key) },
          { title: t('import.example'), render: (_, f) => preview.sample[0]?.[f.key] ?? '' },
        ]}
      />
    </Space>
  );
}

const KIND_COLOR: Record<UnknownReference['kind'], string> = {
  line: 'red',
  township: 'blue',
  village: 'cyan',
  team: 'purple',
};

/** Names the sheet uses that the reference data lacks: create them here, or (lines) go to the register. */
function UnknownReferences({
  list,
  allowed,
  create,
  onCreate,
}: {
  list: UnknownReference[];
  allowed: boolean;
  create: boolean;
  onCreate: (on: boolean) => void;
}) {
  const { t } = useTranslation();
  const creatable = list.some((r) => r.creatable);
  return (
    <div data-testid="import-unknown">
      <Typography.Title level={5}>{t('import.unknown.title')}</Typography.Title>
      <Table
        size="small"
        rowKey={(r) => `${r.kind}|${r.name}|${r.township ?? ''}`}
        dataSource={list}
        pagination={list.length > 6 ? { pageSize: 6, showSizeChanger: false } : false}
        columns={[
          {
            title: t('import.unknown.kind'),
            width: 80,
            render: (_, r) => <Tag color={KIND_COLOR[r.kind]}>{t(`import.unknown.kinds.${r.kind}`)}</Tag>,
          },
          { title: t('import.unknown.name'), render: (_, r) => (r.township ? `${r.name}（${r.township}）` : r.name) },
          { title: t('import.unknown.rows'), width: 70, dataIndex: 'rows' },
          {
            title: '',
            width: 170,
            render: (_, r) =>
              r.kind === 'line' ? (
                <Button size="small" type="link" onClick={() => navigate('lines')}>
                  {t('import.unknown.toLines')}
                </Button>
              ) : !r.creatable ? (
                <Typography.Text type="secondary">{t('import.unknown.needsTownship')}</Typography.Text>
              ) : null,
          },
        ]}
      />
      {creatable && allowed && (
        <Checkbox
          checked={create}
          onChange={(e) => onCreate(e.target.checked)}
          data-testid="import-create-references"
          style={{ marginTop: 8 }}
        >
          {t('import.unknown.create')}
        </Checkbox>
      )}
      {creatable && !allowed && <Typography.Text type="secondary">{t('import.unknown.askEditor')}</Typography.Text>}
    </div>
  );
}
