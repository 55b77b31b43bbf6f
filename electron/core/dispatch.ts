import type { Kysely } from 'kysely';
import { ApiError, allows, contract, fieldIssuesFromZod, isMethodName, type MethodName } from '../contract';
import { extendSession, resolveSession } from './accounts/sessions';
import { writeAudit } from './audit/audit.repository';
import {
  RefusalAfterWrites,
  type AuditEntry,
  type CoreRuntime,
  type Handler,
  type HandlerContext,
  type Session,
} from './context';
import { isWriteContention } from './db/dialect';
import type { DB } from './db/schema';
import { handlers } from './handlers';
import { localDate } from './shared/time';

/** The desktop window's own calls (IPC) have no network address. */
export const LOCAL_CLIENT = 'local';

/** While a user must change their password, only these methods answer. */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set<MethodName>([
  'accounts.me',
  'accounts.changePassword',
  'accounts.logout',
]);
/** Calls that do not keep a session alive: signing out, and a window's background check for changes. */
const NOT_USE = new Set<MethodName>(['accounts.logout', 'changes.since']);

export interface DispatchAuth {
  token?: string | null;
  /**
   * Where the call comes from, as the transport knows it: the client's IP address over HTTP;
   * absent for this desktop's own window (IPC). Sign-in throttling counts failures by it.
   */
  client?: string;
}

export interface Dispatcher {
  dispatch(method: string, input: unknown, auth: DispatchAuth): Promise<unknown>;
}

/**
 * The one way into the core: check the method and the caller, validate the input, run the handler
 * in one transaction and write its audit rows in that same transaction.
 */
export function createDispatcher(
  currentDb: () => Kysely<DB>,
  runtime: CoreRuntime,
  clock: () => Date = () => new Date(),
): Dispatcher {
  return {
    async dispatch(method, input, auth) {
      if (!isMethodName(method))
        throw new ApiError({
          code: 'UNKNOWN_METHOD',
          message: 'errors.unknownMethod',
          params: { method: String(method).slice(0, 80) },
        });
      const def = contract[method];
      const now = clock();
      const db = currentDb();
      const session: Session | null = auth.token ? await resolveSession(db, auth.token, now) : null;
      if (def.access !== 'public' && !session)
        throw new ApiError({ code: 'UNAUTHENTICATED', message: 'errors.unauthenticated' });
      if (!allows(def.access, session?.role ?? null))
        throw new ApiError({ code: 'FORBIDDEN', message: 'errors.forbidden' });
      if (session?.mustChangePassword && def.access !== 'public' && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(method)) {
        throw new ApiError({ code: 'FORBIDDEN', message: 'accounts.password.mustChange' });
      }

      const parsed = def.input.safeParse(input ?? {});
      if (!parsed.success)
        throw new ApiError({
          code: 'VALIDATION',
          message: 'errors.validation',
          issues: fieldIssuesFromZod(parsed.error.issues),
        });

      const handler = handlers[method] as Handler<MethodName>;
      const entries: AuditEntry[] = [];
      const afterCommit: (() => Promise<void>)[] = [];
      let actor = session ? { id: session.userId, username: session.username } : null;
      let refusal: ApiError | null = null;
      try {
        const result = await db.transaction().execute(async (trx) => {
          const ctx: HandlerContext = {
            db: trx,
            session,
            client: auth.client ?? LOCAL_CLIENT,
            now,
            today: localDate(now),
            audit: (e) => entries.push(e),
            actAs: (u) => (actor = u),
            runtime,
            afterCommit: (fn) => afterCommit.push(fn),
          };
          let result: unknown;
          try {
            result = await handler(parsed.data as never, ctx);
          } catch (err) {
            if (!(err instanceof RefusalAfterWrites)) throw err;
            refusal = err.error;
            // Only what the handler chose to audit (a lockout), not a row for every refusal.
            if (entries.length > 0) await writeAudit(trx, now.toISOString(), actor, method, entries);
            return undefined;
          }
          const checked = def.output.safeParse(result);
          if (!checked.success) throw new Error(`output of ${method} breaks its contract: ${checked.error.message}`);
          if (def.writes) await writeAudit(trx, now.toISOString(), actor, method, entries);
          if (session && !NOT_USE.has(method)) await extendSession(trx, session, now);
          return checked.data;
        });
        if (def.writes && !(refusal && entries.length === 0)) {
          runtime.grids.clear();
          // A write that names no kind of record may have changed anything the first screen shows.
          if (entries.length === 0 || entries.some((e) => !e.entity)) runtime.panels.clear();
          runtime.changes.record(
            entries.map((e) => String(e.entity ?? '')),
            actor?.username ?? null,
            now,
            session?.tokenHash ?? null,
          );
        }
        if (refusal) throw refusal;
        for (const fn of afterCommit) await fn();
        return result;
      } catch (err) {
        if (err instanceof ApiError) throw err;
        // Another connection (an import's worker) held the write lock past the busy timeout, or a deadlock.
        if (isWriteContention(err)) throw new ApiError({ code: 'RULE', message: 'errors.busy' });
        console.error(`[dispatch] ${method} failed:`, err);
        throw new ApiError({ code: 'INTERNAL', message: 'errors.internal' });
      }
    },
  };
}
