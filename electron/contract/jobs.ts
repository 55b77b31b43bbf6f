import { z } from 'zod';
import { EVERYONE, command, query } from './method';
import { importPreview, importOutcome, exportOutcome } from './excel';
import { generateOutcome } from './roster';
import { maintenanceOutcome } from './backup';
import { autoPlanOutcome } from './trimming';

export const jobId = z.string().regex(/^[a-f0-9]{24}$/);

export const JOB_STATUSES = ['running', 'done', 'failed', 'cancelled'] as const;

/** What a finished job produced, by kind. */
export const jobResult = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('excel.analyse'), preview: importPreview }),
  z.object({ kind: z.literal('excel.commit'), outcome: importOutcome }),
  z.object({ kind: z.literal('excel.export'), outcome: exportOutcome }),
  z.object({ kind: z.literal('roster.generate'), outcome: generateOutcome }),
  z.object({ kind: z.literal('backup.maintain'), outcome: maintenanceOutcome }),
  z.object({ kind: z.literal('trimming.autoPlan'), outcome: autoPlanOutcome }),
]);
export type JobResult = z.infer<typeof jobResult>;
export type JobKind = JobResult['kind'];

export const jobState = z.object({
  jobId,
  kind: z.string(),
  status: z.enum(JOB_STATUSES),
  /** i18n key of the current step (reading, checking, writing …). */
  phase: z.string(),
  done: z.number().int().min(0),
  total: z.number().int().min(0),
  result: jobResult.nullable(),
  error: z
    .object({
      code: z.string(),
      message: z.string(),
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    })
    .nullable(),
});
export type JobState = z.infer<typeof jobState>;

/** Long work (import, export) runs beside the app; the window asks how far it has got. */
export const jobsMethods = {
  'jobs.get': query(EVERYONE, z.object({ jobId }), jobState),
  'jobs.cancel': command(EVERYONE, z.object({ jobId }), z.object({ cancelled: z.boolean() })),
} as const;
