import { z } from 'zod';
import { query } from './method';
import { gridPage, gridRequestWith, id } from './common';

export const auditRow = z.object({
  id,
  at: z.string(),
  username: z.string().nullable(),
  /** The person's display name (their user name when the account is gone). */
  userName: z.string().nullable(),
  method: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  summary: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditRow = z.infer<typeof auditRow>;

export const auditMethods = {
  'audit.list': query(
    ['manager', 'admin'],
    gridRequestWith({ entity: z.string().max(40).optional(), entityId: z.string().max(40).optional() }),
    gridPage(auditRow),
  ),
} as const;
