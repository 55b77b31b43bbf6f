import { useState } from 'react';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ApiError, fieldIssuesFromZod } from '@contract';
import { applyFieldIssues, errorText, issueText } from './errors';

/** For small inline forms (login, password): check with the schema, call, put errors at the fields. */
export function useSchemaSubmit(form: FormInstance, fieldNames: string[]) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit<S extends z.ZodType>(schema: S, action: (values: z.output<S>) => Promise<void>) {
    setError(null);
    const parsed = schema.safeParse(form.getFieldsValue(true));
    if (!parsed.success) {
      applyFieldIssues(form, t, fieldIssuesFromZod(parsed.error.issues), fieldNames);
      return;
    }
    setBusy(true);
    try {
      await action(parsed.data);
    } catch (err) {
      const rest = err instanceof ApiError && err.issues ? applyFieldIssues(form, t, err.issues, fieldNames) : [];
      if (!(err instanceof ApiError && err.issues?.length)) setError(errorText(t, err));
      else if (rest.length) setError(rest.map((i) => issueText(t, i)).join('；'));
    } finally {
      setBusy(false);
    }
  }

  return { busy, error, submit };
}
