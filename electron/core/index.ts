import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FileStore } from './files/file-store';
import { JobRunner } from './jobs/job-runner';
import { ensureAdmin } from './accounts/accounts.repository';
import { backupDir, writeBackup } from './backup/backup.files';
import { backupFoldersOf, DailyBackups } from './backup/backup.daily';
import { recordDatabaseSize } from './backup/database-health';
import type { CoreRuntime, FirstRunCode } from './context';
import { PasswordHasher } from './accounts/password';
import { openDatabase, type DatabaseHandle, type OpenOptions } from './db/connection';
import { migrate, pendingMigrations } from './db/migrate';
import { useSqliteBinding } from './db/sqlite-file';
import { createDispatcher, type Dispatcher } from './dispatch';
import { GridCache } from './shared/grid-cache';
import { PanelCache } from './dashboard/panel-cache';
import { KNOWN_KINDS } from './dashboard/dashboard.registry';
import { ChangeFeed } from './changes/change-feed';
import { seedSettings } from './settings/settings.repository';
import { localDate } from './shared/time';

export interface Core extends Dispatcher {
  close(): Promise<void>;
  /** Resolves once no job runs and the day's backup is not being written: nothing writes in the background. */
  settled(): Promise<void>;
  /** For tests and tools that inspect the file directly. */
  readonly file: string;
}

export interface CoreOptions extends OpenOptions {
  clock?: () => Date;
  /** Hashes passwords at OWASP's scrypt cost by default; tests pass a cheaper one so hundreds of sign-ins stay quick. */
  passwords?: PasswordHasher;
  /** Office server: the first admin password is set over the network only with this one-time code. */
  firstRunCode?: FirstRunCode;
  /** How often a running desk checks whether the day's backup is made (default: hourly). */
  backupCheckMs?: number;
  /** Office server: runs before pending migrations change its PostgreSQL database (a pg_dump); may refuse by throwing. */
  beforeMigrate?: (pending: string[]) => Promise<void>;
  /** The desktop's start screen: told when the backup and the database upgrade begin. */
  onStartupStep?: (step: 'backup' | 'migrate') => void;
}

/**
 * Opens the file, backs it up before any migration and once a day, brings the schema up to date,
 * and makes sure the admin account and every setting exist.
 */
async function openPrepared(options: CoreOptions, now: Date): Promise<DatabaseHandle> {
  const handle = openDatabase(options);
  // The app backs up a SQLite file itself; a PostgreSQL server is backed up by pg_dump (README).
  const sqliteFile = handle.sqlite && options.file !== ':memory:' ? handle.sqlite : null;
  try {
    const { pending, isNew } = await pendingMigrations(handle.db);
    if (!isNew && pending.length > 0) options.onStartupStep?.('backup');
    if (sqliteFile && !isNew && pending.length > 0)
      await writeBackup(sqliteFile, await backupFoldersOf(handle.db, options.file), 'migration', now);
    // An office server's PostgreSQL is dumped by the server itself (pg_dump) before it migrates.
    if (options.postgres && !isNew && pending.length > 0) await options.beforeMigrate?.(pending.map((m) => m.id));
    if (pending.length > 0) options.onStartupStep?.('migrate');
    await migrate(handle.db);
    await handle.db.transaction().execute(async (trx) => {
      await ensureAdmin(trx, now.toISOString());
      await seedSettings(trx);
      if (sqliteFile || options.postgres) await recordDatabaseSize(trx, options.file, localDate(now));
    });
  } catch (err) {
    await handle.close();
    throw err;
  }
  return handle;
}

/** Opens (or creates) the database and returns the dispatcher every transport calls. */
export async function createCore(options: CoreOptions): Promise<Core> {
  if (options.nativeBinding) useSqliteBinding(options.nativeBinding);
  const clock = options.clock ?? (() => new Date());
  // A file made just now has nothing to back up yet (the hourly look makes its first daily backup).
  const isNewFile = options.file === ':memory:' || !existsSync(options.file);
  const state = { handle: await openPrepared(options, clock()) };

  // The day's backup runs after the app answers (SQLite's online backup, step by step), not before it.
  const dailyBackup = new DailyBackups(() => {
    const sqlite = state.handle.sqlite;
    if (!sqlite || options.file === ':memory:' || restoring) return null;
    return { sqlite, db: state.handle.db, file: options.file };
  }, clock);
  let seenDataVersion = -1;
  let commitsElsewhere = 0;
  /** How many times another connection (an import's worker, another program) was seen to commit. */
  const elsewhere = () => {
    // On PostgreSQL the only other writers are this process's job workers: their end clears the caches (below).
    if (!state.handle.sqlite) return 0;
    // data_version moves when another connection commits.
    const version = state.handle.sqlite.pragma('data_version', { simple: true }) as number;
    if (version !== seenDataVersion) commitsElsewhere++;
    seenDataVersion = version;
    return commitsElsewhere;
  };
  /** For one cache: has another connection committed since it last asked? */
  const changedElsewhere = () => {
    let seen = -1;
    return () => {
      const now = elsewhere();
      const changed = now !== seen;
      seen = now;
      return changed;
    };
  };
  const changes = new ChangeFeed();
  /** While a restore swaps the file, the hourly backup check keeps off it. */
  let restoring = false;
  const workDir =
    options.file === ':memory:' ? path.join(tmpdir(), `griddesk-work-${process.pid}`) : `${options.file}.work`;
  const runtime: CoreRuntime = {
    file: options.file,
    changes,
    grids: new GridCache(changedElsewhere()),
    panels: new PanelCache(changes, KNOWN_KINDS, changedElsewhere()),
    files: new FileStore(workDir),
    dailyBackup,
    jobs: new JobRunner(
      () => ({
        file: options.file,
        ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
        ...(options.postgres ? { postgres: options.postgres } : {}),
      }),
      clock,
      // A job may have written (an import, a generated roster): grid counts and orders read before it are stale.
      () => {
        runtime.grids.clear();
        runtime.panels.clear();
      },
    ),
    get sqlite() {
      return state.handle.sqlite;
    },
    passwords: options.passwords ?? new PasswordHasher(),
    firstRunCode: options.firstRunCode ?? null,
    async restore(from, by, keptAside) {
      restoring = true;
      try {
        await dailyBackup.idle();
        await swapIn(from, by, keptAside);
      } finally {
        restoring = false;
      }
    },
  };

  async function swapIn(from: string, by: string, keptAside: string) {
    if (!state.handle.sqlite) throw new Error('restore is for a SQLite file');
    const now = clock();
    // Kept aside beside the database, whatever backup.folder says: a rename, so on the same disk.
    const aside = path.join(backupDir(options.file), keptAside);
    // Where backups go is about this PC's disks, not the ledgers: the restored file keeps today's choice.
    const folderSetting = await state.handle.db
      .selectFrom('settings')
      .selectAll()
      .where('key', '=', 'backup.folder')
      .executeTakeFirst();
    if (existsSync(aside)) throw new Error(`${keptAside} exists`);
    await state.handle.close();
    renameSync(options.file, aside);
    for (const suffix of ['-wal', '-shm']) rmSync(options.file + suffix, { force: true });
    runtime.grids.clear();
    runtime.panels.clear();
    try {
      copyFileSync(from, options.file);
      state.handle = await openPrepared(options, now);
    } catch (err) {
      // Put the ledgers back as they were.
      rmSync(options.file, { force: true });
      if (existsSync(aside)) renameSync(aside, options.file);
      state.handle = await openPrepared(options, now);
      throw err;
    }
    // Sessions in the restored file are from the past: everyone signs in again.
    await state.handle.db.deleteFrom('sessions').execute();
    if (folderSetting) {
      await state.handle.db
        .insertInto('settings')
        .values(folderSetting)
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            value_json: folderSetting.value_json,
            updated_at: folderSetting.updated_at,
            updated_by: folderSetting.updated_by,
          }),
        )
        .execute();
    }
    await state.handle.db
      .insertInto('audit_log')
      .values({
        at: now.toISOString(),
        user_id: null,
        username: by,
        method: 'backup.restore',
        entity: 'backup',
        entity_id: path.basename(from),
        summary: `restored; previous database kept as ${path.basename(aside)}`,
        before_json: null,
        after_json: null,
      })
      .execute();
  }

  // The day's backup is looked for every hour while the app runs, not only at start.
  const daily = setInterval(() => {
    if (!runtime.jobs.busy) void dailyBackup.runIfDue();
  }, options.backupCheckMs ?? 3600_000);
  daily.unref();
  if (!isNewFile) void dailyBackup.runIfDue();

  const dispatcher = createDispatcher(() => state.handle.db, runtime, clock);
  return {
    dispatch: dispatcher.dispatch,
    settled: async () => {
      await runtime.jobs.idle();
      await dailyBackup.idle();
    },
    close: async () => {
      clearInterval(daily);
      await dailyBackup.idle();
      await runtime.jobs.stopAll();
      await state.handle.close();
    },
    file: options.file,
  };
}

export { ApiError } from '../contract';
