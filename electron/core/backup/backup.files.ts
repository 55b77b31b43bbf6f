import { existsSync, mkdirSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { ApiError } from '../../contract';
import { migrations } from '../db/migrations';
import { isSqliteError, openSqliteFile } from '../db/sqlite-file';

/** Backups live beside the database, in backups/, named by time and reason. */
export const backupDir = (dbFile: string) => path.join(path.dirname(dbFile), 'backups');

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

/** Where the current database goes when a backup replaces it. */
export const asideName = (now: Date) => `griddesk-${stamp(now)}-before-restore.sqlite`;

export interface BackupFile {
  name: string;
  size: number;
  createdAt: string;
}

export function listBackups(dbFile: string): BackupFile[] {
  const dir = backupDir(dbFile);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith('.sqlite'))
    .map((name) => {
      const st = statSync(path.join(dir, name));
      return { name, size: st.size, createdAt: st.mtime.toISOString() };
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

/** SQLite's online backup API: a consistent copy while the app keeps working. */
export async function writeBackup(sqlite: Database.Database, dbFile: string, reason: string, now: Date): Promise<BackupFile> {
  const dir = backupDir(dbFile);
  mkdirSync(dir, { recursive: true });
  let name = `griddesk-${stamp(now)}-${reason}.sqlite`;
  for (let i = 2; existsSync(path.join(dir, name)); i++) name = `griddesk-${stamp(now)}-${reason}-${i}.sqlite`;
  await sqlite.backup(path.join(dir, name));
  const st = statSync(path.join(dir, name));
  return { name, size: st.size, createdAt: st.mtime.toISOString() };
}

/** Keeps the newest `keep` automatic backups; manual ones and pre-restore copies stay until removed by hand. */
export function pruneBackups(dbFile: string, keep: number): number {
  const automatic = listBackups(dbFile).filter((b) => /-(daily|migration)(-\d+)?\.sqlite$/.test(b.name));
  const old = automatic.slice(keep);
  for (const b of old) unlinkSync(path.join(backupDir(dbFile), b.name));
  return old.length;
}

/** Was a daily backup written today (local date)? */
export function hasDailyBackup(dbFile: string, today: string): boolean {
  const compact = today.replace(/-/g, '');
  return listBackups(dbFile).some((b) => b.name.startsWith(`griddesk-${compact}`) && b.name.includes('-daily'));
}

/** A backup name the user picked: only plain names inside backups/, never a path. */
export function resolveBackup(dbFile: string, name: string): string {
  if (!/^[\w.-]+\.sqlite$/.test(name) || name.includes('..')) {
    throw new ApiError({ code: 'VALIDATION', message: 'backup.badName', issues: [{ path: ['name'], message: 'backup.badName' }] });
  }
  const file = path.join(backupDir(dbFile), name);
  if (!existsSync(file)) throw new ApiError({ code: 'NOT_FOUND', message: 'backup.missing' });
  return file;
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
    const tables = new Set((db.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((r) => r.name));
    if (!tables.has('schema_migrations') || !tables.has('users')) throw new ApiError({ code: 'RULE', message: 'backup.foreign' });
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
