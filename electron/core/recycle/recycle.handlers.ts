import { ApiError, notFound } from '../../contract';
import type { Handlers } from '../context';
import { currentUser } from '../context';
import { undelete } from '../shared/soft-delete';
import { RECYCLE_REGISTRY } from './recycle.registry';
import { listBin } from './recycle.repository';

export const recycleHandlers: Handlers<'recycle.list' | 'recycle.restore'> = {
  'recycle.list': (input, ctx) => listBin(ctx.db, input),

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
