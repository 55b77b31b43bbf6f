import { z } from 'zod';
import { EVERYONE, query } from './method';
import { id } from './common';

export const searchHit = z.object({
  id,
  title: z.string(),
  subtitle: z.string(),
});

export const searchGroup = z.object({
  /** Module key ('vegetation', 'lines' …): its label is nav.<module>. */
  module: z.string(),
  /** The page that shows the record. */
  page: z.string(),
  hits: z.array(searchHit),
  /** True when there are more hits than listed. */
  more: z.boolean(),
});
export type SearchGroup = z.infer<typeof searchGroup>;

export const searchMethods = {
  /** Names, lines, landowners, phones, notes: fragments of any of them, across every module. */
  // perModule: the header lists 8 a module; the results page (查看全部) asks for more.
  'search.global': query(
    EVERYONE,
    z.object({ q: z.string().trim().min(1).max(40), perModule: z.number().int().min(1).max(100).optional() }),
    z.object({ groups: z.array(searchGroup) }),
  ),
} as const;
