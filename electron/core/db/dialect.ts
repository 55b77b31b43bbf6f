import { PostgresAdapter, type Kysely } from 'kysely';
import type { Dialect } from './connection';

/** Which database a Kysely instance (or transaction) talks to, for the few places whose SQL differs. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function dialectOf(db: Kysely<any>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

// PostgreSQL: deadlock_detected, serialization_failure, lock_not_available.
const POSTGRES_CONTENTION = new Set(['40P01', '40001', '55P03']);

/** Another writer held the rows or the file too long (SQLite's busy timeout, a PostgreSQL deadlock): worth trying again. */
export function isWriteContention(err: unknown): boolean {
  const code = String((err as { code?: unknown } | null)?.code ?? '');
  return code.startsWith('SQLITE_BUSY') || POSTGRES_CONTENTION.has(code);
}
