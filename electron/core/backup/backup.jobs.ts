import path from 'node:path';
import type { JobResult } from '../../contract';
import { writeAudit } from '../audit/audit.repository';
import type { Progress } from '../excel/excel.jobs';
import type { SheetContext } from '../excel/sheet';
import { databaseBytes } from './database-health';

/**
 * Upkeep in a worker (the window keeps answering; saves wait for it): fresh statistics for the
 * query planner, then the file rewritten without its free pages, and the log folded back in.
 */
export const BACKUP_JOBS = {
  'backup.maintain': async (_params: object, ctx: SheetContext, progress: Progress): Promise<JobResult> => {
    const sqlite = ctx.sqlite!;
    const file = sqlite.name;
    const t0 = performance.now();
    const beforeBytes = databaseBytes(file);
    progress('backup.phase.analyze', 0, 2);
    sqlite.exec('ANALYZE');
    progress('backup.phase.vacuum', 1, 2);
    sqlite.exec('VACUUM');
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const afterBytes = databaseBytes(file);
    const ms = Math.round(performance.now() - t0);
    await writeAudit(ctx.db, new Date().toISOString(), ctx.user, 'backup.maintain', [
      {
        entity: 'database',
        entityId: path.basename(file),
        summary: 'maintenance done',
        before: { bytes: beforeBytes },
        after: { bytes: afterBytes, ms },
      },
    ]);
    progress('backup.phase.vacuum', 2, 2);
    return { kind: 'backup.maintain', outcome: { beforeBytes, afterBytes, ms } };
  },
};
