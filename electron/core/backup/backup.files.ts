import { existsSync, mkdirSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { ApiError } from '../../contract';
import { migrations } from '../db/migrations';
import { localDate } from '../shared/time';
import { isSqliteError, openSqliteFile } from '../db/sqlite-file';

/** Backups live beside the database, in backups/, unless `backup.folder` names another disk; named by local time and reason. */
export const backupDir = (dbFile: string) => path.join(path.dirname(dbFile), 'backups');

/**
 * Where backups are written (first) and looked for: the folder the setting names, and always the
 * one beside the database too, so backups made before the setting changed stay listed and restorable.
 */
export function backupFolders(dbFile: string, configured: string): string[] {
  const beside = backupDir(dbFile);
  const chosen = configured.trim() ? path.resolve(configured.trim()) : beside;
  return chosen === beside ? [beside] : [chosen, beside];
}

/** Local time, as the office reads it: a backup made at 07:30 in Beijing is that day's, not the day before's (UTC). */
const stamp = (d: Date) =>
  `${localDate(d).replace(/-/g, '')}-${[d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join('')}`;

/** A folder the app can write backups into: it exists (or can be made) and takes a file. Throws when not. */
export function checkWritableFolder(folder: string): void {
  mkdirSync(folder, { recursive: true });
  const probe = path.join(folder, `.griddesk-write-test-${process.pid}`);
  writeFileSync(probe, 'ok');
  rmSync(probe, { force: true });
}

/** Where the current database goes when a backup replaces it. */
export function asideName(dbFile: string, now: Date): string {
  let name = `griddesk-${stamp(now)}-before-restore.sqlite`;
  for (let i = 2; existsSync(path.join(backupDir(dbFile), name)); i++)
    name = `griddesk-${stamp(now)}-before-restore-${i}.sqlite`;
  return name;
}

export interface BackupFile {
  name: string;
  size: number;
  createdAt: string;
}

/** The backups in these folders, newest first (a name in the first folder hides the same name in a later one). */
export function listBackups(folders: string[]): (BackupFile & { path: string })[] {
  const seen = new Set<string>();
  return folders
    .flatMap((dir) =>
      existsSync(dir)
        ? readdirSync(dir)
            .filter((n) => n.endsWith('.sqlite'))
            .map((name) => ({ dir, name }))
        : [],
    )
    .filter(({ name }) => !seen.has(name) && (seen.add(name), true))
    .map(({ dir, name }) => {
      const st = statSync(path.join(dir, name));
      return { name, size: st.size, createdAt: st.mtime.toISOString(), path: path.join(dir, name) };
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

/** Pages copied per step of SQLite's online backup (4 MiB at 4 KiB pages): a save waits at most one step. */
export const BACKUP_STEP_PAGES = 1024;

/** Called between steps with the pages copied so far and the file's pages. */
export type BackupProgress = (donePages: number, totalPages: number) => void;

/**
 * SQLite's online backup API: a consistent copy while the app keeps working. Into the first folder;
 * when that one cannot be written (a removed disk), beside the database instead, with a warning.
 */
export async function writeBackup(
  sqlite: Database.Database,
  folders: string[],
  reason: string,
  now: Date,
  onProgress?: BackupProgress,
): Promise<BackupFile> {
  try {
    return await writeBackupInto(sqlite, folders[0]!, folders, reason, now, onProgress);
  } catch (err) {
    if (folders.length < 2) throw err;
    console.warn(`[backup] ${folders[0]} cannot be written (${String(err)}); backing up beside the database instead`);
    return writeBackupInto(sqlite, folders.at(-1)!, folders, reason, now, onProgress);
  }
}

/**
 * SQLite's online backup on the app's own connection, step by step: better-sqlite3 runs each step on
 * this thread and yields between steps, so the app answers meanwhile, and the app's own writes are
 * carried into the copy. A first step that meets one of those writes mid-transaction copies nothing
 * and better-sqlite3 reports "done" with no file (0 of 0 pages): that start is tried again shortly.
 */
async function onlineBackup(sqlite: Database.Database, target: string, onProgress?: BackupProgress): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const result = await sqlite.backup(target, {
      progress: ({ totalPages, remainingPages }) => {
        onProgress?.(totalPages - remainingPages, totalPages);
        return BACKUP_STEP_PAGES;
      },
    });
    if (result.totalPages > 0 && existsSync(target)) return;
    if (attempt >= 200) throw new Error(`the database stayed busy; no backup written to ${target}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Into `dir`, under a name no backup folder holds yet (a list shows each name once). */
async function writeBackupInto(
  sqlite: Database.Database,
  dir: string,
  folders: string[],
  reason: string,
  now: Date,
  onProgress?: BackupProgress,
): Promise<BackupFile> {
  mkdirSync(dir, { recursive: true });
  const taken = (n: string) => folders.some((f) => existsSync(path.join(f, n)));
  let name = `griddesk-${stamp(now)}-${reason}.sqlite`;
  for (let i = 2; taken(name); i++) name = `griddesk-${stamp(now)}-${reason}-${i}.sqlite`;
  await onlineBackup(sqlite, path.join(dir, name), onProgress);
  const st = statSync(path.join(dir, name));
  return { name, size: st.size, createdAt: st.mtime.toISOString() };
}

/** Keeps the newest `keep` automatic backups; manual ones and pre-restore copies stay until removed by hand. */
export function pruneBackups(folders: string[], keep: number): number {
  const automatic = listBackups(folders).filter((b) => /-(daily|migration)(-\d+)?\.sqlite$/.test(b.name));
  const old = automatic.slice(keep);
  for (const b of old) unlinkSync(b.path);
  return old.length;
}

/** Was a daily backup written today (local date)? */
export function hasDailyBackup(folders: string[], today: string): boolean {
  const compact = today.replace(/-/g, '');
  return listBackups(folders).some((b) => b.name.startsWith(`griddesk-${compact}`) && b.name.includes('-daily'));
}

/** A backup name the user picked: only plain names inside the backup folders, never a path. */
export function resolveBackup(folders: string[], name: string): string {
  if (!/^[\w.-]+\.sqlite$/.test(name) || name.includes('..')) {
    throw new ApiError({
      code: 'VALIDATION',
      message: 'backup.badName',
      issues: [{ path: ['name'], message: 'backup.badName' }],
    });
  }
  const found = listBackups(folders).find((b) => b.name === name);
  if (!found) throw new ApiError({ code: 'NOT_FOUND', message: 'backup.missing' });
  return found.path;
}

/**
 * Checks a file before it may replace the ledgers: it must open as SQLite, pass integrity_check,
 * be a GridDesk database, and not come from a newer version of the program.
 */
export function verifyBackup(file: string): { migrations: number } {
  let db: Database.Database | undefined;
  try {
    db = openSqliteFile(file, { readonly: true, fileMustExist: true });
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new ApiError({ code: 'RULE', message: 'backup.corrupt' });
    const tables = new Set(
      (db.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map(
        (r) => r.name,
      ),
    );
    if (!tables.has('schema_migrations') || !tables.has('users'))
      throw new ApiError({ code: 'RULE', message: 'backup.foreign' });
    const ids = (db.prepare('select id from schema_migrations').all() as { id: string }[]).map((r) => r.id);
    const known = new Set(migrations.map((m) => m.id));
    if (ids.some((id) => !known.has(id))) throw new ApiError({ code: 'RULE', message: 'backup.newer' });
    return { migrations: ids.length };
  } catch (e) {
    if (e instanceof ApiError) throw e;
    // SQLite's own refusal (not a database, damaged pages) means the file; anything else (the driver
    // failed to load, the disk) is not the backup's fault and must not be reported as if it were.
    if (isSqliteError(e)) throw new ApiError({ code: 'RULE', message: 'backup.corrupt' });
    console.error('[backup] checking a backup failed:', e);
    throw new ApiError({ code: 'RULE', message: 'backup.engineFailed' });
  } finally {
    db?.close();
  }
}
