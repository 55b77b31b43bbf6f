import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { ApiError, FILE_CHUNK_BYTES, MAX_UPLOAD_BYTES } from '../../contract';

export interface StoredFile {
  id: string;
  path: string;
  name: string;
  size: number;
  owner: number;
  /** The session that staged an upload (its token's hash): its quota, and gone with it. Null for files the core made. */
  session: string | null;
  complete: boolean;
  createdAt: number;
}

/** Staged uploads and produced files (exports, templates) live a day at most. */
const LIFETIME_MS = 24 * 3600 * 1000;

const missing = () => new ApiError({ code: 'NOT_FOUND', message: 'files.missing' });

/**
 * Working files beside the database: uploads being staged and files made for download. Each
 * belongs to the user who made it; nobody else can read it.
 */
export class FileStore {
  private readonly files = new Map<string, StoredFile>();

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    // Left over from an earlier run: nothing refers to them any more.
    for (const f of readdirSync(dir)) rmSync(path.join(dir, f), { force: true, recursive: true });
  }

  /**
   * Appends one chunk of an upload; the first chunk (offset 0, no id) starts it. A session's staged
   * uploads together may not pass `quotaBytes`: past it the upload is dropped with a clear message.
   */
  append(
    owner: number,
    session: string,
    uploadId: string | undefined,
    name: string,
    offset: number,
    bytes: Buffer,
    done: boolean,
    quotaBytes = Infinity,
  ): StoredFile {
    this.sweep();
    let file: StoredFile;
    if (uploadId === undefined) {
      if (offset !== 0) throw missing();
      file = { ...this.create(owner, name), session };
      this.files.set(file.id, file);
    } else {
      const found = this.files.get(uploadId);
      if (!found || found.owner !== owner || found.complete) throw missing();
      file = found;
    }
    if (offset !== file.size) throw new ApiError({ code: 'VALIDATION', message: 'files.badChunk' });
    if (file.size + bytes.length > MAX_UPLOAD_BYTES) {
      this.remove(file.id);
      throw new ApiError({
        code: 'VALIDATION',
        message: 'files.tooLarge',
        params: { mb: MAX_UPLOAD_BYTES / 1024 / 1024 },
      });
    }
    if (this.stagedBy(session) + bytes.length > quotaBytes) {
      this.remove(file.id);
      throw new ApiError({
        code: 'VALIDATION',
        message: 'files.quota',
        params: { mb: Math.round(quotaBytes / 1024 / 1024) },
      });
    }
    const fd = openSync(file.path, 'a');
    try {
      writeSync(fd, bytes);
    } finally {
      closeSync(fd);
    }
    file.size += bytes.length;
    file.complete = done;
    return file;
  }

  /** A path for a file the core is about to write for this user (an export). */
  reserve(owner: number, name: string): StoredFile {
    this.sweep();
    const file = this.create(owner, name);
    return file;
  }

  /** Makes a written file readable by its owner. */
  publish(file: StoredFile): StoredFile {
    const done = { ...file, size: statSync(file.path).size, complete: true };
    this.files.set(file.id, done);
    return done;
  }

  get(id: string, owner: number): StoredFile {
    const file = this.files.get(id);
    if (!file || file.owner !== owner || !file.complete || !existsSync(file.path)) throw missing();
    return file;
  }

  read(id: string, owner: number, offset: number): { file: StoredFile; bytes: Buffer; nextOffset: number | null } {
    const file = this.get(id, owner);
    const length = Math.max(0, Math.min(FILE_CHUNK_BYTES, file.size - offset));
    const bytes = Buffer.alloc(length);
    const fd = openSync(file.path, 'r');
    try {
      readSync(fd, bytes, 0, length, offset);
    } finally {
      closeSync(fd);
    }
    const next = offset + length;
    return { file, bytes, nextOffset: next < file.size ? next : null };
  }

  /** Bytes a session has staged and not yet used (imported, attached) or removed. */
  stagedBy(session: string): number {
    let total = 0;
    for (const f of this.files.values()) if (f.session === session) total += f.size;
    return total;
  }

  /** A session ended (signed out): what it staged goes with it. */
  dropSession(session: string): number {
    const gone = [...this.files.values()].filter((f) => f.session === session);
    for (const f of gone) this.remove(f.id);
    return gone.length;
  }

  remove(id: string): void {
    const file = this.files.get(id);
    if (!file) return;
    this.files.delete(id);
    rmSync(file.path, { force: true });
  }

  private create(owner: number, name: string): StoredFile {
    const id = randomBytes(16).toString('hex');
    return {
      id,
      path: path.join(this.dir, id),
      name,
      size: 0,
      owner,
      session: null,
      complete: false,
      createdAt: Date.now(),
    };
  }

  private sweep(): void {
    const cutoff = Date.now() - LIFETIME_MS;
    for (const f of [...this.files.values()]) if (f.createdAt < cutoff) this.remove(f.id);
  }
}
