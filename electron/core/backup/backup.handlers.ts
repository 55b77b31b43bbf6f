import path from 'node:path';
import { ApiError } from '../../contract';
import type { HandlerContext, Handlers } from '../context';
import { currentUser } from '../context';
import { loadSettings } from '../settings/settings.repository';
import { databaseHealth } from './database-health';
import { backupFoldersOf } from './backup.daily';
import { asideName, listBackups, resolveBackup, verifyBackup, writeBackup } from './backup.files';

const UPKEEP_GAP_MINUTES = 10;

/** The file the app copies and compacts itself; on an office server (PostgreSQL) that is pg_dump's and VACUUM's job, not the app's. */
function requireSqliteFile(ctx: HandlerContext) {
  if (!ctx.runtime.sqlite) throw new ApiError({ code: 'RULE', message: 'backup.serverMode' });
  return ctx.runtime.sqlite;
}

export const backupHandlers: Handlers<
  'backup.list' | 'backup.create' | 'backup.restore' | 'backup.health' | 'backup.maintain'
> = {
  'backup.list': async (_input, ctx) => {
    const folders = await backupFoldersOf(ctx.db, ctx.runtime.file);
    return {
      rows: ctx.runtime.sqlite ? listBackups(folders).map(({ path: _path, ...b }) => b) : [],
      folder: folders[0]!,
      keep: (await loadSettings(ctx.db)).number('backup.keep'),
      daily: ctx.runtime.dailyBackup.progress,
    };
  },

  'backup.create': async (_input, ctx) => {
    const file = await writeBackup(
      requireSqliteFile(ctx),
      await backupFoldersOf(ctx.db, ctx.runtime.file),
      'manual',
      ctx.now,
    );
    ctx.audit({ entity: 'backup', entityId: file.name, summary: 'backup created', after: file });
    return file;
  },

  'backup.health': (_input, ctx) => databaseHealth(ctx),

  'backup.maintain': async (_input, ctx) => {
    const user = currentUser(ctx);
    requireSqliteFile(ctx);
    // Compaction rewrites the file: not while an import or export is reading or writing it.
    if (ctx.runtime.jobs.busy) throw new ApiError({ code: 'RULE', message: 'jobs.busy' });
    // Compacting again straight away gains nothing and holds saves up once more.
    const last = (await databaseHealth(ctx)).lastMaintenance;
    if (last && ctx.now.getTime() - new Date(last.at).getTime() < UPKEEP_GAP_MINUTES * 60_000) {
      throw new ApiError({ code: 'RULE', message: 'backup.upkeep.recent', params: { minutes: UPKEEP_GAP_MINUTES } });
    }
    ctx.audit({ entity: 'database', entityId: path.basename(ctx.runtime.file), summary: 'maintenance started' });
    return { jobId: ctx.runtime.jobs.start('backup.maintain', {}, { id: user.userId, username: user.username }) };
  },

  'backup.restore': async (input, ctx) => {
    const user = currentUser(ctx);
    requireSqliteFile(ctx);
    const from = resolveBackup(await backupFoldersOf(ctx.db, ctx.runtime.file), input.name);
    verifyBackup(from);
    // An import or export in a worker has the file open: the swap waits until it is done.
    if (ctx.runtime.jobs.busy) throw new ApiError({ code: 'RULE', message: 'jobs.busy' });
    const keptAside = asideName(ctx.runtime.file, ctx.now);
    // The swap closes the database, so it waits until this call's transaction is over.
    ctx.afterCommit(async () => {
      try {
        await ctx.runtime.restore(from, user.username, keptAside);
      } catch {
        throw new ApiError({ code: 'RULE', message: 'backup.restoreFailed' });
      }
    });
    ctx.audit({ entity: 'backup', entityId: input.name, summary: 'restore requested' });
    return { restoredFrom: path.basename(from), keptAside };
  },
};
