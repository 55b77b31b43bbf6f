import { useEffect, useState, type ReactNode } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Col,
  Drawer,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  App as AntApp,
} from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ApiError, fieldIssuesFromZod, parseDateText, parseDateTimeText, type FieldIssue } from '@contract';
import { DateInput } from './DateInput';
import { applyFieldIssues, errorText, issueText } from './errors';

export interface FieldDef {
  name: string;
  label: string;
  kind:
    | 'text'
    | 'textarea'
    | 'number'
    | 'integer'
    | 'date'
    | 'datetime'
    | 'select'
    | 'multiselect'
    | 'checkbox'
    | 'password';
  options?: { value: string | number; label: string }[];
  required?: boolean;
  help?: ReactNode;
  placeholder?: string;
  /** Grid columns out of 24 (default 12: two fields a row). */
  span?: number;
  disabled?: boolean;
  hidden?: boolean;
  min?: number;
  max?: number;
  step?: number;
}

type Values = Record<string, unknown>;

/** Form values (dates as typed, date-times as typed, '' for empty text) → plain values the schema accepts. */
function toPlain(fields: FieldDef[], values: Values): Values {
  const out: Values = { ...values };
  for (const f of fields) {
    const v = values[f.name];
    if (f.kind === 'date' || f.kind === 'datetime') {
      const parsed = typeof v === 'string' ? parseOf(f)(v) : null;
      out[f.name] = parsed?.ok ? parsed.value : (v ?? null);
    }
    if ((f.kind === 'number' || f.kind === 'integer') && (v === undefined || v === '')) out[f.name] = null;
    if (f.kind === 'checkbox') out[f.name] = Boolean(v);
    if ((f.kind === 'text' || f.kind === 'textarea') && v === undefined) out[f.name] = f.required ? '' : null;
  }
  return out;
}

const parseOf = (f: FieldDef) => (f.kind === 'datetime' ? parseDateTimeText : parseDateText);

/** Dates typed that are not dates: named at their field with the import's message, never dropped. */
function dateIssues(fields: FieldDef[], values: Values): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const f of fields) {
    const v = values[f.name];
    if ((f.kind !== 'date' && f.kind !== 'datetime') || typeof v !== 'string') continue;
    const parsed = parseOf(f)(v);
    if (!parsed.ok) issues.push({ path: [f.name], message: parsed.message, params: parsed.params });
  }
  return issues;
}

function control(f: FieldDef): ReactNode {
  switch (f.kind) {
    case 'textarea':
      return <Input.TextArea rows={3} maxLength={1000} showCount disabled={f.disabled} />;
    case 'number':
    case 'integer':
      return (
        <InputNumber
          style={{ width: '100%' }}
          step={f.step ?? (f.kind === 'integer' ? 1 : 0.1)}
          min={f.min}
          max={f.max}
          disabled={f.disabled}
          placeholder={f.placeholder}
        />
      );
    case 'date':
      return <DateInput style={{ width: '100%' }} disabled={f.disabled} placeholder={f.placeholder} />;
    case 'datetime':
      return <DateInput withTime style={{ width: '100%' }} disabled={f.disabled} placeholder={f.placeholder} />;
    case 'select':
      return (
        <Select
          options={f.options}
          showSearch={{ optionFilterProp: 'label' }}
          allowClear={!f.required}
          disabled={f.disabled}
          placeholder={f.placeholder}
        />
      );
    case 'multiselect':
      return (
        <Select mode="multiple" options={f.options} showSearch={{ optionFilterProp: 'label' }} disabled={f.disabled} />
      );
    case 'checkbox':
      return <Checkbox disabled={f.disabled}>{f.label}</Checkbox>;
    case 'password':
      return <Input.Password autoComplete="new-password" disabled={f.disabled} />;
    default:
      return <Input disabled={f.disabled} placeholder={f.placeholder} allowClear />;
  }
}

export interface FormDrawerProps<S extends z.ZodType> {
  open: boolean;
  title: string;
  schema: S;
  /** The fields, or a function of the current values (e.g. villages of the chosen township). */
  fields: FieldDef[] | ((values: Values) => FieldDef[]);
  initialValues: Values;
  /** Called with schema-checked values; throw ApiError to show the core's answer on the form. */
  onSubmit: (values: z.output<S>) => Promise<void>;
  onClose: () => void;
  /** Shown below the fields, e.g. a live judgement preview; receives the current values. */
  footerExtra?: (values: Values) => ReactNode;
  /** Shown under the form (e.g. the record's attachments). */
  below?: ReactNode;
  width?: number;
  testId?: string;
}

/**
 * The one form pattern: antd Form in a drawer, checked by the same zod schema as the core, with the
 * core's errors put next to their fields and a version conflict offering the other person's version.
 */
export function FormDrawer<S extends z.ZodType>(props: FormDrawerProps<S>) {
  const { t } = useTranslation();
  const { modal } = AntApp.useApp();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [topErrors, setTopErrors] = useState<string[]>([]);
  const [conflict, setConflict] = useState<Values | null>(null);
  /** Who saved the other version, and when (from the audit log), when the core knows. */
  const [savedBy, setSavedBy] = useState<{ by: string; at: string } | null>(null);
  /** The record the edits apply to: what was opened, or the other person's version once loaded. */
  const [base, setBase] = useState<Values>(props.initialValues);
  const values = Form.useWatch([], form) as Values | undefined;
  const fields = typeof props.fields === 'function' ? props.fields(values ?? props.initialValues) : props.fields;
  const names = fields.map((f) => f.name);

  useEffect(() => {
    if (!props.open) return;
    form.resetFields();
    form.setFieldsValue(props.initialValues);
    setBase(props.initialValues);
    setTopErrors([]);
    setConflict(null);
    setSavedBy(null);
  }, [props.open, props.initialValues]); // eslint-disable-line react-hooks/exhaustive-deps

  const showIssues = (issues: FieldIssue[]) => {
    const rest = applyFieldIssues(form, t, issues, names);
    setTopErrors(rest.map((i) => `${i.path.join('.')}: ${issueText(t, i)}`));
  };

  const submit = async () => {
    setTopErrors([]);
    const typed = { ...base, ...form.getFieldsValue(true) } as Values;
    const badDates = dateIssues(fields, typed);
    if (badDates.length) {
      showIssues(badDates);
      return;
    }
    const plain = toPlain(fields, typed);
    const parsed = props.schema.safeParse(plain);
    if (!parsed.success) {
      showIssues(fieldIssuesFromZod(parsed.error.issues));
      return;
    }
    setSaving(true);
    try {
      await props.onSubmit(parsed.data);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'CONFLICT') {
        setConflict((err.current ?? null) as Values | null);
        setSavedBy(err.params?.by ? { by: String(err.params.by), at: String(err.params.at) } : null);
      } else if (err instanceof ApiError && err.issues?.length) showIssues(err.issues);
      else setTopErrors([errorText(t, err)]);
    } finally {
      setSaving(false);
    }
  };

  const close = () => {
    if (form.isFieldsTouched() && !saving) {
      modal.confirm({
        title: t('common.unsaved'),
        okText: t('common.confirm'),
        cancelText: t('common.cancel'),
        onOk: props.onClose,
      });
    } else props.onClose();
  };

  /** What the other person changed, field by field, so the user can decide what to keep. */
  const theirChanges = conflict
    ? fields
        .filter((f) => !f.hidden && f.kind !== 'password')
        .filter((f) => JSON.stringify(conflict[f.name] ?? null) !== JSON.stringify(base[f.name] ?? null))
        .map((f) => {
          const v = conflict[f.name];
          const shown =
            f.options?.find((o) => o.value === v)?.label ??
            (v === null || v === undefined || v === '' ? '—' : String(v));
          return `${f.label}：${shown}`;
        })
    : [];

  const loadTheirs = () => {
    if (!conflict) return;
    form.setFieldsValue(conflict);
    // Their version becomes the base: saving now writes over what the user has just seen.
    setBase(conflict);
    setConflict(null);
  };

  return (
    <Drawer
      open={props.open}
      title={props.title}
      size={props.width ?? 720}
      onClose={close}
      destroyOnHidden
      data-testid={props.testId}
      footer={props.footerExtra?.(values ?? {})}
      extra={
        <Space>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => void submit()} data-testid="form-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {conflict && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            savedBy
              ? t('errors.conflictBy', { by: savedBy.by, at: dayjs(savedBy.at).format('MM-DD HH:mm') })
              : t('errors.conflict')
          }
          description={theirChanges.length > 0 ? theirChanges.join('；') : undefined}
          action={
            <Button size="small" onClick={loadTheirs}>
              {t('common.refresh')}
            </Button>
          }
          data-testid="conflict-alert"
        />
      )}
      {topErrors.length > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={topErrors.join('；')} />
      )}
      <Form
        form={form}
        layout="vertical"
        onKeyDown={(e) => {
          if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
            e.preventDefault();
            void submit();
          }
        }}
      >
        <Row gutter={16}>
          {fields
            .filter((f) => !f.hidden)
            .map((f) => (
              <Col span={f.span ?? 12} key={f.name}>
                <Form.Item
                  name={f.name}
                  label={f.kind === 'checkbox' ? undefined : f.label}
                  required={f.required}
                  extra={f.help}
                  valuePropName={f.kind === 'checkbox' ? 'checked' : 'value'}
                  data-testid={`field-${f.name}`}
                >
                  {control(f)}
                </Form.Item>
              </Col>
            ))}
        </Row>
      </Form>
      {props.below}
    </Drawer>
  );
}
