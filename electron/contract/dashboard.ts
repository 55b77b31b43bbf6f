import { z } from 'zod';
import { EVERYONE, query } from './method';

/**
 * Where a number on the first screen leads: a list method with the filters that reproduce it. The
 * renderer opens the module's page with these filters; tests check that the list's row count is
 * the number shown (when `counts` is true).
 */
export const drillLink = z.object({
  page: z.string(),
  method: z.string(),
  filters: z.record(z.string(), z.unknown()),
});
export type DrillLink = z.infer<typeof drillLink>;

const stat = z.object({
  /** i18n key of the label. */
  label: z.string(),
  value: z.number(),
  unit: z.string().optional(),
  tone: z.enum(['danger', 'warning', 'normal', 'success']).default('normal'),
  link: drillLink.nullable(),
  /** The value is the row count of the link's list. */
  counts: z.boolean(),
});

export const dashboardPanel = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('stats'), id: z.string(), title: z.string(), items: z.array(stat) }),
  z.object({
    kind: z.literal('bar'),
    id: z.string(),
    title: z.string(),
    /** Filled into the title's {{unit}} (e.g. the month shown). */
    unit: z.string().optional(),
    /** Category axis (e.g. lines), each with the filters it adds. */
    categories: z.array(z.object({ name: z.string(), filters: z.record(z.string(), z.unknown()) })),
    /** Stacked series (e.g. grades): label key, colour, values per category, the filters it adds. */
    series: z.array(
      z.object({
        label: z.string(),
        color: z.string(),
        data: z.array(z.number()),
        filters: z.record(z.string(), z.unknown()),
      }),
    ),
    /** Page and method the bars lead to; filters = base + category + series. */
    link: drillLink,
    /** The bars are row counts of the link's list (false for a share, e.g. capacity used in %). */
    counts: z.boolean().optional(),
  }),
]);
export type DashboardPanel = z.infer<typeof dashboardPanel>;

export const reminder = z.object({
  module: z.string(),
  /** i18n key, e.g. 'reminders.vegetation.overdue'. */
  label: z.string(),
  count: z.number().int(),
  tone: z.enum(['danger', 'warning']),
  /** Lead time used for "due soon", days, and the setting it comes from. */
  leadDays: z.number().int().nullable(),
  link: drillLink,
});
export type Reminder = z.infer<typeof reminder>;

export const dashboardMethods = {
  'dashboard.panels': query(EVERYONE, z.object({}), z.object({ panels: z.array(dashboardPanel), today: z.string() })),
  'reminders.list': query(EVERYONE, z.object({}), z.object({ items: z.array(reminder), total: z.number().int() })),
} as const;
