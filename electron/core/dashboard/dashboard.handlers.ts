import type { HandlerContext, Handlers } from '../context';
import { PANEL_SOURCES, REMINDER_SOURCES, type DashboardSource } from './dashboard.registry';

/** Each source's answer, from the cache while nothing it reads has changed today. */
async function gather<T>(sources: DashboardSource<T>[], ctx: HandlerContext): Promise<T[]> {
  const all: T[] = [];
  for (const s of sources)
    all.push(
      ...(s.reads === null
        ? await s.compute(ctx)
        : await ctx.runtime.panels.get(s.name, s.reads, ctx.today, () => s.compute(ctx))),
    );
  return all;
}

export const dashboardHandlers: Handlers<'dashboard.panels' | 'reminders.list'> = {
  'dashboard.panels': async (_input, ctx) => ({ panels: await gather(PANEL_SOURCES, ctx), today: ctx.today }),
  'reminders.list': async (_input, ctx) => {
    const items = await gather(REMINDER_SOURCES, ctx);
    return { items, total: items.reduce((n, r) => n + r.count, 0) };
  },
};
