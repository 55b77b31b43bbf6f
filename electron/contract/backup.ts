import { z } from 'zod';
import { ADMIN_ONLY, command, query } from './method';

export const backupFile = z.object({ name: z.string(), size: z.number().int().min(0), createdAt: z.string() });
export type BackupFileRow = z.infer<typeof backupFile>;

export const backupMethods = {
  'backup.list': query(ADMIN_ONLY, z.object({}), z.object({ rows: z.array(backupFile), folder: z.string(), keep: z.number().int() })),
  'backup.create': command(ADMIN_ONLY, z.object({}), backupFile),
  /** Replaces the ledgers with a verified backup; the current database is kept aside as a backup too. */
  'backup.restore': command(
    ADMIN_ONLY,
    z.object({ name: z.string().min(1).max(200) }),
    z.object({ restoredFrom: z.string(), keptAside: z.string() }),
  ),
} as const;
