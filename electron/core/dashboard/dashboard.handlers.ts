import type { Handlers } from '../context';
import { PANEL_SOURCES, REMINDER_SOURCES } from './dashboard.registry';

export const dashboardHandlers: Handlers<'dashboard.panels' | 'reminders.list'> = {
  'dashboard.panels': async (_input, ctx) => {
    const panels = [];
    for (const source of PANEL_SOURCES) panels.push(...(await source(ctx)));
    return { panels, today: ctx.today };
  },
  'reminders.list': async (_input, ctx) => {
    const items = [];
    for (const source of REMINDER_SOURCES) items.push(...(await source(ctx)));
    return { items, total: items.reduce((n, r) => n + r.count, 0) };
  },
};
