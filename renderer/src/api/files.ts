import { FILE_CHUNK_BYTES, type JobState } from '@contract';
import { call } from './client';

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Sends a file to the core in chunks (same contract on IPC and HTTP); returns its staged id. */
export async function uploadFile(file: File, onProgress?: (fraction: number) => void): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let uploadId: string | undefined;
  let offset = 0;
  for (;;) {
    const chunk = bytes.subarray(offset, offset + FILE_CHUNK_BYTES);
    const done = offset + chunk.length >= bytes.length;
    const r = await call('files.upload', { uploadId, name: file.name, offset, data: toBase64(chunk), done });
    uploadId = r.fileId;
    offset += chunk.length;
    onProgress?.(bytes.length ? offset / bytes.length : 1);
    if (done) return r.fileId;
  }
}

interface Chunk {
  name: string;
  data: string;
  nextOffset: number | null;
}

/** Reads a file the core hands out in chunks (files.read, attachments.read) into one byte array. */
export async function readChunks(
  read: (offset: number) => Promise<Chunk>,
): Promise<{ name: string; bytes: Uint8Array<ArrayBuffer> }> {
  const parts: Uint8Array[] = [];
  let offset: number | null = 0;
  let name = 'download';
  while (offset !== null) {
    const r = await read(offset);
    parts.push(Uint8Array.from(atob(r.data), (c) => c.charCodeAt(0)));
    name = r.name;
    offset = r.nextOffset;
  }
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  return { name, bytes };
}

/** Hands bytes to the browser's (or Electron's) save-file flow. */
export function saveBytes(name: string, bytes: Uint8Array<ArrayBuffer>, type = 'application/octet-stream') {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Fetches a file the core made (export, template) and saves it. */
export async function downloadFile(fileId: string): Promise<string> {
  const { name, bytes } = await readChunks((offset) => call('files.read', { fileId, offset }));
  saveBytes(name, bytes);
  return name;
}

/** Polls a job until it ends, reporting progress; resolves with its final state. */
export async function waitForJob(
  jobId: string,
  onProgress?: (state: JobState) => void,
  signal?: { cancelled: boolean },
): Promise<JobState> {
  for (;;) {
    const state = await call('jobs.get', { jobId });
    onProgress?.(state);
    if (state.status !== 'running' || signal?.cancelled) return state;
    await new Promise((r) => setTimeout(r, 250));
  }
}
