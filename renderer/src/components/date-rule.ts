import type { TFunction } from 'i18next';
import { parseDateText } from '@contract';

/** An antd Form.Item rule for a DateInput: text that is not a date is named with the import's message. */
export const dateRule = (t: TFunction) => ({
  validator: (_: unknown, value: unknown) => {
    if (typeof value !== 'string') return Promise.resolve();
    const parsed = parseDateText(value);
    return parsed.ok ? Promise.resolve() : Promise.reject(new Error(t(parsed.message, parsed.params ?? {})));
  },
});
