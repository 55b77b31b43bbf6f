import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { ApiError, type FieldIssue } from '@contract';

/** A translated sentence for any error the core or the transport can raise. */
export function errorText(t: TFunction, err: unknown): string {
  if (err instanceof ApiError) {
    const key = err.message;
    return t(key, { ...err.params, defaultValue: t(`errors.${err.code === 'RULE' ? 'internal' : 'validation'}`) });
  }
  return t('errors.internal');
}

export function issueText(t: TFunction, issue: FieldIssue): string {
  return t(issue.message, { ...issue.params, defaultValue: t('validation.custom') });
}

/**
 * Puts field issues next to their fields. Returns the issues that have no field on this form
 * (the caller shows those at the top).
 */
export function applyFieldIssues(
  form: FormInstance,
  t: TFunction,
  issues: FieldIssue[],
  fieldNames: string[],
): FieldIssue[] {
  const byField = new Map<string, string[]>();
  const rest: FieldIssue[] = [];
  for (const issue of issues) {
    const name = String(issue.path[0] ?? '');
    if (!fieldNames.includes(name)) {
      rest.push(issue);
      continue;
    }
    byField.set(name, [...(byField.get(name) ?? []), issueText(t, issue)]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return rest;
}
