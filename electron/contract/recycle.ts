import { z } from 'zod';
import { EVERYONE, command, query } from './method';
import { gridPage, gridRequestWith, id, okOutput } from './common';

/** Everything that can be deleted to the recycle bin (回收站). */
export const RECYCLABLE = [
  'vegetation',
  'lines',
  'townships',
  'villages',
  'teams',
  'attachments',
  'staff',
  'certificates',
  'training',
  'repairAreas',
  'seasons',
  'absences',
  'repairs',
  'equipment',
  'upgrades',
  'lightningDevices',
  'lightningTests',
  'trips',
  'towers',
] as const;
export const recyclable = z.enum(RECYCLABLE);
export type Recyclable = z.infer<typeof recyclable>;

export const recycleRow = z.object({
  entity: recyclable,
  id,
  label: z.string(),
  deletedAt: z.string(),
  deletedBy: z.string().nullable(),
});
export type RecycleRow = z.infer<typeof recycleRow>;

export const recycleMethods = {
  'recycle.list': query(EVERYONE, gridRequestWith({ entity: recyclable.optional() }), gridPage(recycleRow)),
  /** Restoring needs the same role as deleting that kind of record (checked in the core). */
  'recycle.restore': command(EVERYONE, z.object({ entity: recyclable, id }), okOutput),
} as const;
