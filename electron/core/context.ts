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

/** What a handler gets: the open transaction, who is calling, the clock, and the audit trail. */
export interface HandlerContext {
  db: Kysely<DB>;
  session: Session | null;
  now: Date;
  /** Today's date (YYYY-MM-DD) in the office's local time. */
  today: string;
  audit(entry: AuditEntry): void;
  /** Sign-in methods name the user they signed in, so the audit row is attributed. */
  actAs(user: { id: number; username: string }): void;
}

export type Handler<M extends MethodName> = (input: ParsedInputOf<M>, ctx: HandlerContext) => Promise<OutputOf<M>>;
export type Handlers<K extends MethodName> = { [M in K]: Handler<M> };

/** The signed-in user; dispatch has already refused anonymous calls to non-public methods. */
export function currentUser(ctx: HandlerContext): Session {
  if (!ctx.session) throw new ApiError({ code: 'UNAUTHENTICATED', message: 'errors.unauthenticated' });
  return ctx.session;
}
