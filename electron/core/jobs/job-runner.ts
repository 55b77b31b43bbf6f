import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ApiError, type JobKind, type JobResult, type JobState } from '../../contract';
import type { JobDatabase, Jobs, WorkerInput, WorkerMessage } from './job-protocol';

interface Job extends JobState {
  owner: number;
  worker: Worker | null;
  finishedAt: number | null;
  /** Settles the job's promise in `running`. */
  ended: () => void;
}

/** Finished jobs are kept this long for the window to collect their result. */
const KEEP_MS = 3600 * 1000;
/** A worker that runs out of this much heap stops with a clear error instead of taking the app down. */
const WORKER_HEAP_MB = 2048;

/** Compiled: the .js beside this file. From source (tests, bench): the .ts through tsx. */
function spawnWorker(data: WorkerInput): Worker {
  const options = { workerData: data, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } };
  const compiled = path.join(__dirname, 'job.worker.js');
  if (existsSync(compiled)) return new Worker(compiled, options);
  const source = path.join(__dirname, 'job.worker.ts');
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(source)});`, { ...options, eval: true });
}

/**
 * Long work (reading a 100k-row sheet, writing an export) runs in a worker thread with its own
 * connection, so the process that answers the window keeps answering; WAL lets both read at once.
 */
export class JobRunner implements Jobs {
  private readonly jobs = new Map<string, Job>();
  /** One promise per running job, settled after its onDone. */
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly database: () => JobDatabase,
    private readonly clock: () => Date,
    /** Runs when any job has finished its work, before the job's own onDone. */
    private readonly afterEach: () => void = () => {},
  ) {}

  start(
    kind: JobKind,
    params: unknown,
    user: { id: number; username: string },
    onDone?: (result: JobResult) => void,
  ): string {
    this.sweep();
    const jobId = randomBytes(12).toString('hex');
    const job: Job = {
      jobId,
      kind,
      status: 'running',
      phase: 'jobs.phase.starting',
      done: 0,
      total: 0,
      result: null,
      error: null,
      owner: user.id,
      worker: null,
      finishedAt: null,
      ended: () => {},
    };
    this.jobs.set(jobId, job);
    const worker = spawnWorker({ kind, params, database: this.database(), now: this.clock().toISOString(), user });
    job.worker = worker;
    const end = new Promise<void>((resolve) => (job.ended = resolve));
    this.running.add(end);
    void end.then(() => this.running.delete(end));
    const finish = (status: Job['status']) => {
      if (job.status !== 'running') return;
      job.status = status;
      job.worker = null;
      job.finishedAt = Date.now();
      if (status !== 'done') job.ended();
    };
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') Object.assign(job, { phase: m.phase, done: m.done, total: m.total });
      else if (m.type === 'result') {
        job.result = m.result;
        finish('done');
        try {
          this.afterEach();
          onDone?.(m.result);
        } finally {
          job.ended();
        }
      } else if (m.type === 'error') {
        job.error = m.error;
        finish('failed');
      }
    });
    worker.on('error', (err: Error & { code?: string }) => {
      if (job.status !== 'running') return;
      const outOfMemory = err.code === 'ERR_WORKER_OUT_OF_MEMORY';
      if (!outOfMemory) console.error(`[jobs] ${kind} failed:`, err);
      job.error = {
        code: outOfMemory ? 'RULE' : 'INTERNAL',
        message: outOfMemory ? 'jobs.outOfMemory' : 'errors.internal',
      };
      finish('failed');
    });
    worker.on('exit', () => {
      if (job.status === 'running') {
        job.error = { code: 'INTERNAL', message: 'errors.internal' };
        finish('failed');
      }
    });
    return jobId;
  }

  get(jobId: string, owner: number): JobState {
    const job = this.jobs.get(jobId);
    if (!job || job.owner !== owner) throw new ApiError({ code: 'NOT_FOUND', message: 'jobs.missing' });
    const { jobId: id, kind, status, phase, done, total, result, error } = job;
    return { jobId: id, kind, status, phase, done, total, result, error };
  }

  /** Stops the worker; its open transaction dies with it, so nothing it was writing is kept. */
  async cancel(jobId: string, owner: number): Promise<boolean> {
    const job = this.jobs.get(jobId);
    if (!job || job.owner !== owner) throw new ApiError({ code: 'NOT_FOUND', message: 'jobs.missing' });
    if (job.status !== 'running' || !job.worker) return false;
    const worker = job.worker;
    job.status = 'cancelled';
    job.worker = null;
    job.finishedAt = Date.now();
    await worker.terminate();
    job.ended();
    return true;
  }

  /** True while any job runs: restoring a backup waits for them. */
  get busy(): boolean {
    return [...this.jobs.values()].some((j) => j.status === 'running');
  }

  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.jobs.values()].filter((j) => j.worker).map((j) => j.worker!.terminate()));
  }

  private sweep(): void {
    const cutoff = Date.now() - KEEP_MS;
    for (const [id, job] of this.jobs) if (job.finishedAt !== null && job.finishedAt < cutoff) this.jobs.delete(id);
  }
}
