import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../../../electron/core';
import { PasswordHasher } from '../../../electron/core/accounts/password';
import type { FirstRunCode } from '../../../electron/core/context';
import { closeHashReader } from './db-hash';
import { closePostgresHashReader, createTestDatabase, dropTestDatabase, onPostgres, postgresSql } from './postgres';
import Database from 'better-sqlite3';
import type { InputOf, MethodName, OutputOf } from '../../../electron/contract';

export const ADMIN_PASSWORD = 'Admin2026';

/**
 * scrypt at 1/128 of OWASP's cost: the suite signs in hundreds of times. The app's own cost is
 * tested where it matters (accounts tests: parameters, rehash, equal time for unknown names).
 */
export const TEST_SCRYPT = { N: 1024, r: 8, p: 1 };

export interface TestCore {
  core: Core;
  dir: string;
  /** The connection string of this core's own database when the suite runs on PostgreSQL. */
  postgres: string | null;
  /**
   * SQL straight on this core's database through a connection of its own (as another program would),
   * with ? placeholders on either database. Returns the rows of a select.
   */
  sql<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  /** Calls as the given token; throws ApiError on refusal, like the transports do. */
  call<M extends MethodName>(method: M, input: InputOf<M>, token?: string | null): Promise<OutputOf<M>>;
  adminToken: string;
  /** Signs the admin in again (after the test clock moved past the session life). */
  reauthAdmin(): Promise<string>;
  /** Creates a user of a role and returns a signed-in token for them. */
  /** A new user of the role, signed in with the first password changed; their display name defaults to the user name. */
  signIn(role: 'clerk' | 'planner' | 'manager' | 'admin', username?: string, displayName?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * A fresh core over a real SQLite file in a temporary folder (or, when the suite runs on PostgreSQL,
 * a database of its own on the test server), with the admin set up.
 */
export async function openTestCore(
  opts: {
    clock?: () => Date;
    demoRecords?: number;
    verbose?: (sql: string) => void;
    passwords?: PasswordHasher;
    firstRunCode?: FirstRunCode;
    setUp?: boolean;
  } = {},
): Promise<TestCore> {
  const dir = mkdtempSync(path.join(tmpdir(), 'griddesk-test-'));
  const pg = onPostgres ? await createTestDatabase() : null;
  const core = await createCore({
    file: path.join(dir, 'griddesk.sqlite'),
    clock: opts.clock,
    verbose: opts.verbose,
    passwords: opts.passwords ?? new PasswordHasher(TEST_SCRYPT),
    ...(opts.firstRunCode ? { firstRunCode: opts.firstRunCode } : {}),
    ...(pg ? { postgres: { connectionString: pg.connectionString, max: 4 } } : {}),
  });
  const call = <M extends MethodName>(method: M, input: InputOf<M>, token?: string | null) =>
    core.dispatch(method, input, { token }) as Promise<OutputOf<M>>;
  // setUp: false leaves the first run to the test (the office server's setup code).
  const adminToken = opts.setUp === false ? '' : (await call('accounts.setup', { password: ADMIN_PASSWORD })).token;
  if (opts.demoRecords !== undefined) await call('demo.load', { vegetationRecords: opts.demoRecords }, adminToken);
  let n = 0;
  const t: TestCore = {
    core,
    dir,
    postgres: pg?.connectionString ?? null,
    sql: (text, params = []) =>
      pg ? postgresSql(pg.connectionString, text, params) : Promise.resolve(sqliteSql(core.file, text, params)),
    call,
    adminToken,
    async reauthAdmin() {
      t.adminToken = (await call('accounts.login', { username: 'admin', password: ADMIN_PASSWORD })).token;
      return t.adminToken;
    },
    async signIn(role, username = `${role}${++n}`, displayName = username) {
      await call(
        'accounts.saveUser',
        { username, displayName, role, active: true, initialPassword: 'Start1234' },
        t.adminToken,
      );
      const first = await call('accounts.login', { username, password: 'Start1234' });
      await call('accounts.changePassword', { currentPassword: 'Start1234', newPassword: 'Better5678' }, first.token);
      return first.token;
    },
    async close() {
      closeHashReader(core.file);
      await core.close();
      if (pg) {
        await closePostgresHashReader(pg.connectionString);
        await dropTestDatabase(pg.name);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return t;
}

function sqliteSql<Row>(file: string, text: string, params: unknown[]): Row[] {
  const db = new Database(file);
  try {
    const statement = db.prepare(text);
    if (statement.reader) return statement.all(...params) as Row[];
    statement.run(...params);
    return [];
  } finally {
    db.close();
  }
}
