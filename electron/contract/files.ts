import { z } from 'zod';
import { EVERYONE, query } from './method';

/** Files cross the one JSON contract in chunks, so both transports (IPC, HTTP) carry them unchanged. */
export const FILE_CHUNK_BYTES = 1024 * 1024;
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

export const fileId = z.string().regex(/^[a-f0-9]{32}$/);
const base64 = z
  .string()
  .max(Math.ceil(FILE_CHUNK_BYTES / 3) * 4)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'files.badChunk' });

export const filesMethods = {
  /**
   * Stages an uploaded file (an import sheet, an attachment) for the caller only. Staging changes
   * no ledger, so it is a query: the command that uses the file is the audited write.
   */
  'files.upload': query(
    EVERYONE,
    z.object({
      uploadId: fileId.optional(),
      name: z.string().trim().min(1).max(200),
      offset: z.number().int().min(0).max(MAX_UPLOAD_BYTES),
      data: base64,
      done: z.boolean(),
    }),
    z.object({ fileId, size: z.number().int().min(0) }),
  ),
  /** Reads a file made for the caller (an export, a template, a print) in chunks. */
  'files.read': query(
    EVERYONE,
    z.object({ fileId, offset: z.number().int().min(0) }),
    z.object({ name: z.string(), size: z.number().int(), data: z.string(), nextOffset: z.number().int().nullable() }),
  ),
} as const;
