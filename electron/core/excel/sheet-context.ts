import type { AuditEntry, HandlerContext } from '../context';
import type { SheetContext } from './sheet';

/**
 * For sheets that write through their module's own save handler (reference data, staff): a
 * handler context on the import's transaction, so a sheet row is checked exactly as the form is.
 */
export function handlerContext(ctx: SheetContext, audit: AuditEntry[]): HandlerContext {
  return {
    db: ctx.db,
    session: null,
    now: ctx.now,
    today: ctx.today,
    audit: (e) => audit.push(e),
    actAs: () => undefined,
    runtime: new Proxy({} as HandlerContext['runtime'], {
      get() {
        throw new Error('the runtime is not available to an import');
      },
    }),
    afterCommit: () => undefined,
  };
}
