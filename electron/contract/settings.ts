import { z } from 'zod';
import { ADMIN_ONLY, EVERYONE, command, query } from './method';

export const settingValue = z.union([z.number().finite(), z.string().max(200), z.boolean()]);

export const settingRow = z.object({
  key: z.string(),
  group: z.string(),
  value: settingValue,
  defaultValue: settingValue,
  unit: z.string().nullable(),
  /** Where the default comes from, e.g. '《电力设施保护条例实施细则》第十六条'. */
  source: z.string(),
  /** ✅ read on a (third-party) copy, ⚠️ widely repeated but unconfirmed (DOMAIN.md). */
  confirmed: z.boolean(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type SettingRow = z.infer<typeof settingRow>;

export const settingsMethods = {
  'settings.list': query(
    EVERYONE,
    z.object({ group: z.string().max(40).optional() }),
    z.object({ rows: z.array(settingRow) }),
  ),
  'settings.update': command(
    ADMIN_ONLY,
    z.object({ key: z.string().min(1).max(80), value: settingValue }),
    z.object({ setting: settingRow, regraded: z.number().int().min(0) }),
  ),
  'settings.reset': command(
    ADMIN_ONLY,
    z.object({ key: z.string().min(1).max(80) }),
    z.object({ setting: settingRow, regraded: z.number().int().min(0) }),
  ),
} as const;
