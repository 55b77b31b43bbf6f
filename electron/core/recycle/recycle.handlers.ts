import { sql } from 'kysely';
import { ApiError, notFound, type Recyclable, type RecycleRow } from '../../contract';
import type { Handlers } from '../context';
import { currentUser } from '../context';
import { gridPageOf, type GridColumns } from '../shared/grid-query';
import { undelete } from '../shared/soft-delete';
import { RECYCLE_REGISTRY } from './recycle.registry';

const COLUMNS: GridColumns = {
  entity: { ref: 'bin.entity', type: 'text' },
  label: { ref: 'bin.label', type: 'text' },
  deletedAt: { ref: 'bin.deleted_at', type: 'date' },
  deletedBy: { ref: 'bin.deleted_by', type: 'text' },
};

interface BinRow {
  entity: Recyclable;
  id: number;
  label: string;
  deleted_at: string;
  deleted_by: string | null;
}

export const recycleHandlers: Handlers<'recycle.list' | 'recycle.restore'> = {
  'recycle.list': async (input, ctx) => {
    const specs = input.entity ? [RECYCLE_REGISTRY[input.entity]] : Object.values(RECYCLE_REGISTRY);
    const union = sql.join(
      specs.map((s) => s.deleted),
      sql` union all `,
    );
    return gridPageOf({
      base: () => ctx.db.selectFrom(sql`(${union})`.as('bin')),
      select: (q) => q.selectAll() as never,
      req: input,
      columns: COLUMNS,
      search: ['bin.label'],
      tieBreaker: 'bin.key',
      singleQuery: true,
      defaultSort: [{ colId: 'deletedAt', sort: 'desc' }],
      map: (r: BinRow): RecycleRow => ({
        entity: r.entity,
        id: r.id,
        label: r.label,
        deletedAt: r.deleted_at,
        deletedBy: r.deleted_by,
      }),
    });
  },

  'recycle.restore': async (input, ctx) => {
    const user = currentUser(ctx);
    const spec = RECYCLE_REGISTRY[input.entity];
    if (!spec.roles.includes(user.role)) throw new ApiError({ code: 'FORBIDDEN', message: 'errors.forbidden' });
    const blocker = await spec.blocker(ctx.db, input.id);
    if (blocker) throw new ApiError({ code: 'RULE', message: blocker });
    if (!(await undelete(ctx.db, spec.table, input.id))) {
      throw notFound(input.entity, input.id);
    }
    ctx.audit({ entity: input.entity, entityId: input.id, summary: 'restored from recycle bin' });
    return { ok: true as const };
  },
};
