// A worker thread for one long job: its own SQLite connection, progress and the result posted back.
import { parentPort, workerData } from 'node:worker_threads';
import { ApiError, type JobKind, type JobResult } from '../../contract';
import { BACKUP_JOBS } from '../backup/backup.jobs';
import { openDatabase } from '../db/connection';
import { useSqliteBinding } from '../db/sqlite-file';
import { EXCEL_JOBS, type Progress } from '../excel/excel.jobs';
import type { SheetContext } from '../excel/sheet';
import { ROSTER_JOBS } from '../roster/roster.jobs';
import { TRIMMING_JOBS } from '../trimming/trimming.jobs';
import { localDate } from '../shared/time';
import type { WorkerInput, WorkerMessage } from './job-protocol';

const JOBS: Record<JobKind, (params: never, ctx: SheetContext, progress: Progress) => Promise<JobResult>> = {
  ...EXCEL_JOBS,
  ...ROSTER_JOBS,
  ...BACKUP_JOBS,
  ...TRIMMING_JOBS,
};

async function run(input: WorkerInput): Promise<WorkerMessage> {
  // The worker loads the same build of the SQLite driver as the process that started it.
  useSqliteBinding(input.database.nativeBinding);
  const handle = openDatabase(input.database);
  let last = 0;
  const progress: Progress = (phase, done, total) => {
    const now = Date.now();
    if (now - last < 100 && done < total) return; // at most ten reports a second
    last = now;
    parentPort!.postMessage({ type: 'progress', phase, done, total } satisfies WorkerMessage);
  };
  try {
    const now = new Date(input.now);
    const ctx: SheetContext = {
      db: handle.db,
      sqlite: handle.sqlite ?? undefined,
      now,
      today: localDate(now),
      user: input.user,
    };
    return { type: 'result', result: await JOBS[input.kind](input.params as never, ctx, progress) };
  } catch (err) {
    if (err instanceof ApiError)
      return {
        type: 'error',
        error: { code: err.code, message: err.message, ...(err.params ? { params: err.params } : {}) },
      };
    console.error(`[jobs] ${input.kind} failed:`, err);
    return { type: 'error', error: { code: 'INTERNAL', message: 'errors.internal' } };
  } finally {
    await handle.close();
  }
}

if (parentPort && workerData) {
  void run(workerData as WorkerInput).then((m) => parentPort!.postMessage(m));
}
