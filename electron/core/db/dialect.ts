import { PostgresAdapter, type Kysely } from 'kysely';
import type { Dialect } from './connection';

/** Which database a Kysely instance (or transaction) talks to, for the few places whose SQL differs. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function dialectOf(db: Kysely<any>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
