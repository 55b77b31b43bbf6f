import i18n from '../../i18n';

/**
 * The user's wording of problem messages, as templates with their {{params}} left in, for the
 * sheet of refused rows the core writes (the core fills the params per row).
 */
export function problemTemplates(keys: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of keys) {
    const raw = i18n.getResource(i18n.language, 'translation', key) ?? i18n.getResource('zh-CN', 'translation', key);
    if (typeof raw === 'string') out[key] = raw;
  }
  return out;
}
