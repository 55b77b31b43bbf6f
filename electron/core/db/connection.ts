import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { DB } from './schema';
import { withStatementCache } from './statements';

export interface OpenOptions {
  /** Path to the SQLite file; ':memory:' only for throwaway use. */
  file: string;
  /** Electron in development loads a better-sqlite3 binary built for Electron's ABI. */
  nativeBinding?: string;
  /** Diagnostics: called with every SQL statement run (query-plan tests use it). */
  verbose?: (sql: string) => void;
}

export interface DatabaseHandle {
  db: Kysely<DB>;
  sqlite: Database.Database;
  close(): Promise<void>;
}

/** Opens the database with the pragmas every connection needs: WAL, foreign keys, busy timeout. */
export function openDatabase(options: OpenOptions): DatabaseHandle {
  const sqlite = new Database(options.file, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.verbose ? { verbose: (message?: unknown) => options.verbose!(String(message)) } : {}),
  });
  sqlite.pragma('journal_mode = WAL');
  // FULL: a committed write survives a power cut, not just an application crash.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return {
    db,
    sqlite,
    async close() {
      try {
        sqlite.pragma('optimize');
      } finally {
        await db.destroy();
      }
    },
  };
}
