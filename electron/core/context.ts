import type { Kysely } from 'kysely';
import type { MethodName, OutputOf, ParsedInputOf, Role } from '../contract';
import { ApiError } from '../contract';
import type { DB } from './db/schema';

export interface Session {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  mustChangePassword: boolean;
  tokenHash: string;
  expiresAt: string;
}

export interface AuditEntry {
  entity: string;
  entityId: string | number;
  summary?: string;
  before?: unknown;
  after?: unknown;
}

/** What the core is running on, for the few handlers that act on the file itself (backups). */
export interface CoreRuntime {
  readonly file: string;
  /** The open better-sqlite3 connection (its online backup API); null when the ledgers are on PostgreSQL. */
  readonly sqlite: import('better-sqlite3').Database | null;
  /** Grid counts and orders by query, valid until the next write (dispatch clears it after every write). */
  readonly grids: import('./shared/grid-cache').GridCache;
  /** The first screen's panels and reminders, each kept until a write touches what it reads. */
  readonly panels: import('./dashboard/panel-cache').PanelCache;
  /** Committed writes, for other windows to refresh what they show. */
  readonly changes: import('./changes/change-feed').ChangeFeed;
  /** Working files: staged uploads and files made for download. */
  readonly files: import('./files/file-store').FileStore;
  /** The day's backup, written in the background after start: its progress for the backup page. */
  readonly dailyBackup: { readonly progress: import('../contract').DailyBackupProgress };
  /** Long work in worker threads (imports, exports). */
  readonly jobs: import('./jobs/job-protocol').Jobs;
  /** Hashes and checks passwords (OWASP's scrypt cost; tests a cheaper one). */
  readonly passwords: import('./accounts/password').PasswordHasher;
  /** Office server before its first admin: the one-time code printed on its console; null elsewhere. */
  readonly firstRunCode: FirstRunCode | null;
  /** Closes the database, keeps it aside, puts the verified file in its place and reopens. */
  restore(from: string, by: string, keptAside: string): Promise<void>;
}

/** The code a network first run must present; `used` is called once the admin password is set. */
export interface FirstRunCode {
  readonly code: string;
  used(): void;
}

/** What a handler gets: the open transaction, who is calling, the clock, and the audit trail. */
export interface HandlerContext {
  db: Kysely<DB>;
  session: Session | null;
  /** The caller's network address ('local' for this desktop's own window). */
  client: string;
  now: Date;
  /** Today's date (YYYY-MM-DD) in the office's local time. */
  today: string;
  audit(entry: AuditEntry): void;
  /** Sign-in methods name the user they signed in, so the audit row is attributed. */
  actAs(user: { id: number; username: string }): void;
  runtime: CoreRuntime;
  /** Work that must wait until this call's transaction has committed (e.g. swapping the database file). */
  afterCommit(fn: () => Promise<void>): void;
}

/**
 * A refusal whose writes must stay: a failed sign-in is refused, yet its count (and a lockout's
 * audit row) is committed. A handler throws it; dispatch commits the transaction, then throws `error`.
 */
export class RefusalAfterWrites extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

export type Handler<M extends MethodName> = (input: ParsedInputOf<M>, ctx: HandlerContext) => Promise<OutputOf<M>>;
export type Handlers<K extends MethodName> = { [M in K]: Handler<M> };

/** The signed-in user; dispatch has already refused anonymous calls to non-public methods. */
export function currentUser(ctx: HandlerContext): Session {
  if (!ctx.session) throw new ApiError({ code: 'UNAUTHENTICATED', message: 'errors.unauthenticated' });
  return ctx.session;
}
