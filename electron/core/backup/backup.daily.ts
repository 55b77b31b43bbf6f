import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { loadSettings } from '../settings/settings.repository';
import { localDate } from '../shared/time';
import type { DailyBackupProgress } from '../../contract';
import {
  backupFolders,
  hasDailyBackup,
  pruneBackups,
  writeBackup,
  type BackupFile,
  type BackupProgress,
} from './backup.files';

/** The backup folders as the settings name them (backup.folder, else beside the database). */
export async function backupFoldersOf(db: Kysely<DB>, dbFile: string): Promise<string[]> {
  return backupFolders(dbFile, (await loadSettings(db)).string('backup.folder'));
}

/**
 * The day's backup, unless one was made today (local date); then the oldest automatic ones beyond
 * `backup.keep` go. Called at start and every hour while the app runs: a desk left on for weeks
 * still gets one a day.
 */
export async function dailyBackupIfDue(
  sqlite: Database.Database,
  db: Kysely<DB>,
  dbFile: string,
  now: Date,
  onProgress?: BackupProgress,
): Promise<BackupFile | null> {
  const settings = await loadSettings(db);
  const folders = backupFolders(dbFile, settings.string('backup.folder'));
  if (hasDailyBackup(folders, localDate(now))) return null;
  const made = await writeBackup(sqlite, folders, 'daily', now, onProgress);
  pruneBackups(folders, settings.number('backup.keep'));
  return made;
}

/**
 * The day's backup in the background: started right after the app opens (the window and the server
 * answer meanwhile) and looked for every hour; one at a time, and a restore or close waits for it.
 */
export class DailyBackups {
  private current: Promise<void> | null = null;
  private state: DailyBackupProgress = { running: false, percent: 0, lastError: null };

  constructor(
    private readonly source: () => { sqlite: Database.Database; db: Kysely<DB>; file: string } | null,
    private readonly clock: () => Date,
  ) {}

  get progress(): DailyBackupProgress {
    return { ...this.state };
  }

  /** Starts the backup if today's is not made yet; the returned promise ends with it (never rejects). */
  runIfDue(): Promise<void> {
    if (this.current) return this.current;
    const from = this.source();
    if (!from) return Promise.resolve();
    this.state = { running: true, percent: 0, lastError: null };
    this.current = dailyBackupIfDue(from.sqlite, from.db, from.file, this.clock(), (done, total) => {
      this.state.percent = total > 0 ? Math.floor((done / total) * 100) : 0;
    })
      .then(() => {
        this.state = { running: false, percent: 100, lastError: null };
      })
      .catch((err: unknown) => {
        console.error('[backup] daily backup failed:', err);
        this.state = { running: false, percent: 0, lastError: err instanceof Error ? err.message : String(err) };
      })
      .finally(() => {
        this.current = null;
      });
    return this.current;
  }

  /** Waits for a backup under way (before a restore swaps the file, or the app closes). */
  async idle(): Promise<void> {
    await this.current;
  }
}
