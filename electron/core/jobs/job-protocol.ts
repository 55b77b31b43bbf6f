// The job protocol as types only: what a handler may ask of the job runner, and the messages between
// the runner and its worker thread. A leaf file, so context.ts (which every handler imports) does not
// depend on the runner, the worker, and through the worker's registry every module.
import type { JobKind, JobResult, JobState } from '../../contract';
import type { OpenOptions } from '../db/connection';

export type JobDatabase = Omit<OpenOptions, 'verbose'>;

/** What handlers use to run long work in a worker thread. */
export interface Jobs {
  start(
    kind: JobKind,
    params: unknown,
    user: { id: number; username: string },
    onDone?: (result: JobResult) => void,
  ): string;
  get(jobId: string, owner: number): JobState;
  cancel(jobId: string, owner: number): Promise<boolean>;
  /** True while any job runs: restoring a backup waits for them. */
  readonly busy: boolean;
  /** Resolves once no job runs and every finished job's onDone has run. */
  idle(): Promise<void>;
  stopAll(): Promise<void>;
}

export interface WorkerInput {
  kind: JobKind;
  params: unknown;
  database: JobDatabase;
  now: string;
  user: { id: number; username: string };
}

export type WorkerMessage =
  | { type: 'progress'; phase: string; done: number; total: number }
  | { type: 'result'; result: JobResult }
  | { type: 'error'; error: { code: string; message: string; params?: Record<string, string | number> } };
