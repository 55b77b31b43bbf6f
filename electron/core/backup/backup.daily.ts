import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { loadSettings } from '../settings/settings.repository';
import { localDate } from '../shared/time';
import { backupFolders, hasDailyBackup, pruneBackups, writeBackup, type BackupFile } from './backup.files';

/** The backup folders as the settings name them (backup.folder, else beside the database). */
export async function backupFoldersOf(db: Kysely<DB>, dbFile: string): Promise<string[]> {
  return backupFolders(dbFile, (await loadSettings(db)).string('backup.folder'));
}

/**
 * The day's backup, unless one was made today (local date); then the oldest automatic ones beyond
 * `backup.keep` go. Called at start and every hour while the app runs: a desk left on for weeks
 * still gets one a day.
 */
export async function dailyBackupIfDue(sqlite: Database.Database, db: Kysely<DB>, dbFile: string, now: Date): Promise<BackupFile | null> {
  const settings = await loadSettings(db);
  const folders = backupFolders(dbFile, settings.string('backup.folder'));
  if (hasDailyBackup(folders, localDate(now))) return null;
  const made = await writeBackup(sqlite, folders, 'daily', now);
  pruneBackups(folders, settings.number('backup.keep'));
  return made;
}
