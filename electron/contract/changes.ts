import { z } from 'zod';
import { EVERYONE, query } from './method';

export const dataChange = z.object({
  version: z.number().int(),
  entities: z.array(z.string()),
  by: z.string().nullable(),
  at: z.string(),
});
export type DataChange = z.infer<typeof dataChange>;

export const changesMethods = {
  /** What other people saved since `version` (0: just tell me the current version). */
  'changes.since': query(
    EVERYONE,
    z.object({ version: z.number().int().min(0) }),
    z.object({ version: z.number().int(), reset: z.boolean(), changes: z.array(dataChange) }),
  ),
} as const;
