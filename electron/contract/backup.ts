import { z } from 'zod';
import { ADMIN_ONLY, command, query } from './method';

export const backupFile = z.object({ name: z.string(), size: z.number().int().min(0), createdAt: z.string() });
export type BackupFileRow = z.infer<typeof backupFile>;

/** The database file and how it has grown: for the admin's upkeep card. */
export const databaseHealth = z.object({
  fileBytes: z.number().int().min(0),
  walBytes: z.number().int().min(0),
  /** Pages no longer used; a compaction gives them back to the disk. */
  freeBytes: z.number().int().min(0),
  /** The daily size reading the growth is measured from (about a week old), if any. */
  baseline: z.object({ day: z.string(), bytes: z.number().int().min(0) }).nullable(),
  /** Grown by more than maintenance.growthPct and maintenance.growthMinMb since the baseline. */
  grewUnusually: z.boolean(),
  growthPct: z.number(),
  growthMinMb: z.number(),
  lastMaintenance: z.object({ at: z.string(), by: z.string().nullable() }).nullable(),
});
export type DatabaseHealth = z.infer<typeof databaseHealth>;

export const maintenanceOutcome = z.object({
  beforeBytes: z.number().int(),
  afterBytes: z.number().int(),
  ms: z.number().int(),
});

/** The day's backup, written in the background after the app has started: where it has got to. */
export const dailyBackupProgress = z.object({
  running: z.boolean(),
  percent: z.number().int().min(0).max(100),
  lastError: z.string().nullable(),
});
export type DailyBackupProgress = z.infer<typeof dailyBackupProgress>;

export const backupMethods = {
  'backup.list': query(
    ADMIN_ONLY,
    z.object({}),
    z.object({ rows: z.array(backupFile), folder: z.string(), keep: z.number().int(), daily: dailyBackupProgress }),
  ),
  'backup.create': command(ADMIN_ONLY, z.object({}), backupFile),
  /** Replaces the ledgers with a verified backup; the current database is kept aside as a backup too. */
  'backup.restore': command(
    ADMIN_ONLY,
    z.object({ name: z.string().min(1).max(200) }),
    z.object({ restoredFrom: z.string(), keptAside: z.string() }),
  ),
  'backup.health': query(ADMIN_ONLY, z.object({}), databaseHealth),
  /** Brings the query planner's statistics up to date and compacts the file (ANALYZE, VACUUM) in a job. */
  'backup.maintain': command(ADMIN_ONLY, z.object({}), z.object({ jobId: z.string() })),
} as const;
