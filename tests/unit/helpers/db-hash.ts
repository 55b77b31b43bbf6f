import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import type { TestCore } from './core';
import { postgresContentHash, postgresSnapshot } from './postgres';

const readers = new Map<string, Database.Database>();
/** The last hash per file, with the reader's data_version when it was read and the tables left out. */
const lastHash = new Map<string, { version: number | string; except: string; hash: string }>();

/**
 * A hash of every row of every table, read through a second connection (WAL lets it read while the
 * core is open). Two equal hashes mean no committed change, whatever the file's page layout.
 */
export async function contentHash(t: TestCore, except: string[] = []): Promise<string> {
  const exceptKey = except.join('\u0000');
  if (t.postgres) {
    // The same shortcut as below, on the server's snapshot (it moves when any writing transaction ends).
    const version = await postgresSnapshot(t.postgres);
    const last = lastHash.get(t.postgres);
    if (last && last.version === version && last.except === exceptKey) return last.hash;
    const hash = createHash('sha256');
    await postgresContentHash(t.postgres, except, (s) => hash.update(s));
    const digest = hash.digest('hex');
    lastHash.set(t.postgres, { version, except: exceptKey, hash: digest });
    return digest;
  }
  const file = t.core.file;
  let db = readers.get(file);
  if (!db) {
    db = new Database(file, { readonly: true, fileMustExist: true });
    readers.set(file, db);
  }
  // data_version moves whenever another connection commits: unmoved, the rows are the ones last hashed.
  const version = db.pragma('data_version', { simple: true }) as number;
  const last = lastHash.get(file);
  if (last && last.version === version && last.except === exceptKey) return last.hash;
  const hash = createHash('sha256');
  const tables = db
    .prepare("select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .all() as { name: string; sql: string }[];
  // Full-text indexes (and their shadow tables) are derived from the ledgers: hashing those covers them.
  const virtual = tables.filter((t) => /^create virtual table/i.test(t.sql)).map((t) => t.name);
  for (const { name } of tables) {
    if (except.includes(name) || virtual.some((v) => name === v || name.startsWith(`${v}_`))) continue;
    hash.update(`\u0000${name}\u0000`);
    for (const row of db.prepare(`select * from "${name}" order by rowid`).raw().iterate())
      hash.update(JSON.stringify(row));
  }
  const digest = hash.digest('hex');
  lastHash.set(file, { version, except: exceptKey, hash: digest });
  return digest;
}

/** Closes the reading connection before the test removes the file. */
export function closeHashReader(file: string): void {
  readers.get(file)?.close();
  readers.delete(file);
  lastHash.delete(file);
}
