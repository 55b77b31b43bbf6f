import { z } from 'zod';
import { ADMIN_ONLY, command } from './method';

export const demoMethods = {
  /** Fill an empty database with a realistic demo county. */
  'demo.load': command(
    ADMIN_ONLY,
    z.object({
      vegetationRecords: z.number().int().min(0).max(1_000_000).default(3000),
      seed: z
        .number()
        .int()
        .min(1)
        .max(2 ** 31)
        .default(20260601),
    }),
    z.object({ lines: z.number().int(), townships: z.number().int(), vegetationRecords: z.number().int() }),
  ),
} as const;
