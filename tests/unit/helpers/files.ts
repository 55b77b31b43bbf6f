import { FILE_CHUNK_BYTES, type JobState } from '../../../electron/contract';
import type { TestCore } from './core';

/** Uploads bytes through files.upload in chunks, as the window does. */
export async function uploadFile(t: TestCore, bytes: Buffer, name: string, token: string): Promise<string> {
  let uploadId: string | undefined;
  let offset = 0;
  do {
    const chunk = bytes.subarray(offset, offset + FILE_CHUNK_BYTES);
    const done = offset + chunk.length >= bytes.length;
    const r = await t.call('files.upload', { uploadId, name, offset, data: chunk.toString('base64'), done }, token);
    uploadId = r.fileId;
    offset += chunk.length;
    if (done) return r.fileId;
  } while (offset <= bytes.length);
  throw new Error('unreachable');
}

export async function downloadFile(
  t: TestCore,
  fileId: string,
  token: string,
): Promise<{ name: string; bytes: Buffer }> {
  const parts: Buffer[] = [];
  let offset: number | null = 0;
  let name = '';
  while (offset !== null) {
    const r: { name: string; data: string; nextOffset: number | null } = await t.call(
      'files.read',
      { fileId, offset },
      token,
    );
    parts.push(Buffer.from(r.data, 'base64'));
    name = r.name;
    offset = r.nextOffset;
  }
  return { name, bytes: Buffer.concat(parts) };
}

/** Polls a job until it ends; returns its last state. */
export async function waitForJob(t: TestCore, jobId: string, token: string, timeoutMs = 120_000): Promise<JobState> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const s = await t.call('jobs.get', { jobId }, token);
    if (s.status !== 'running') return s;
    if (Date.now() > until) throw new Error(`job ${jobId} still running`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
