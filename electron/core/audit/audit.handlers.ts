import type { Handlers } from '../context';
import { listAudit } from './audit.repository';

export const auditHandlers: Handlers<'audit.list'> = {
  'audit.list': async (input, ctx) => listAudit(ctx.db, input),
};
