import type Database from 'better-sqlite3';
import pg from 'pg';
import Cursor from 'pg-cursor';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { DB } from './schema';
import { openSqliteFile } from './sqlite-file';
import { withStatementCache } from './statements';
import { PostgresPortabilityPlugin } from './postgres-portability';

/** Where an office server keeps its ledgers: a PostgreSQL database the server's account may create tables in. */
export interface PostgresConfig {
  /** postgres://user:password@host:5432/griddesk */
  connectionString: string;
  /** Connections kept open (default 10). */
  max?: number;
}

export interface OpenOptions {
  /** Path to the SQLite file; ':memory:' only for throwaway use. On PostgreSQL: where working files (uploads, exports) are kept beside. */
  file: string;
  /** When set, the ledgers live on this PostgreSQL server instead of the SQLite file (office server mode). */
  postgres?: PostgresConfig;
  /** Electron in development loads a better-sqlite3 binary built for Electron's ABI. */
  nativeBinding?: string;
  /** Diagnostics: called with every SQL statement run (query-plan tests use it). */
  verbose?: (sql: string) => void;
}

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<DB>;
  /** The open better-sqlite3 connection; null on PostgreSQL. */
  sqlite: Database.Database | null;
  close(): Promise<void>;
}

/** Opens the database: the SQLite file with the pragmas every connection needs, or a pool on the PostgreSQL server. */
export function openDatabase(options: OpenOptions): DatabaseHandle {
  return options.postgres ? openPostgres(options.postgres, options.verbose) : openSqlite(options);
}

function openSqlite(options: OpenOptions): DatabaseHandle {
  const sqlite = openSqliteFile(options.file, {
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

// pg returns counts and sums (bigint, numeric) as strings; the core's values fit a JavaScript number, as on SQLite.
const NUMBER_TYPES = new Set([20, 1700]);

function openPostgres(config: PostgresConfig, verbose?: (sql: string) => void): DatabaseHandle {
  const types = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      NUMBER_TYPES.has(oid)
        ? (v: string) => Number(v)
        : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
  };
  const pool = new pg.Pool({ connectionString: config.connectionString, max: config.max ?? 10, types });
  // An idle connection the server dropped must not take the process down.
  pool.on('error', (err) => console.error('[db] idle PostgreSQL connection failed:', err.message));
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool, cursor: Cursor }),
    plugins: [new PostgresPortabilityPlugin()],
    ...(verbose ? { log: (e) => void (e.level === 'query' && verbose(e.query.sql)) } : {}),
  });
  return { db, sqlite: null, close: () => db.destroy() };
}
