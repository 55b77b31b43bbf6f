import { writeAudit } from '../audit/audit.repository';
import type { AuditEntry, HandlerContext } from '../context';
import type { SheetContext, SheetRow } from './sheet';

/**
 * For sheets that write through their module's own save handler (reference data, staff): a
 * handler context on the import's transaction, so a sheet row is checked exactly as the form is.
 */
export function handlerContext(ctx: SheetContext, audit: AuditEntry[]): HandlerContext {
  return {
    db: ctx.db,
    session: null,
    client: 'import',
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

/** Writes each checked row through the module's save handler, then the audit rows of the import. */
export async function writeThroughHandler<E>(
  ctx: SheetContext,
  rows: SheetRow<E>[],
  save: (input: unknown, ctx: HandlerContext) => Promise<unknown>,
  progress: (done: number) => void,
): Promise<{ created: number; updated: number }> {
  const audit: AuditEntry[] = [];
  const hctx = handlerContext(ctx, audit);
  let done = 0;
  for (const r of rows) {
    await save(r.input, hctx);
    progress(++done);
  }
  await writeAudit(
    ctx.db,
    ctx.now.toISOString(),
    ctx.user,
    'excel.commit',
    audit.map((e) => ({ ...e, summary: `${e.summary} by import` })),
  );
  const created = rows.filter((r) => !r.existing).length;
  return { created, updated: rows.length - created };
}
