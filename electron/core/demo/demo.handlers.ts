import type { Handlers } from '../context';
import { loadSettings } from '../settings/settings.repository';
import { loadDemoCounty } from './demo-county';

export const demoHandlers: Handlers<'demo.load'> = {
  'demo.load': async (input, ctx) => {
    const result = await loadDemoCounty(ctx.db, {
      vegetationRecords: input.vegetationRecords,
      seed: input.seed,
      today: ctx.today,
      now: ctx.now.toISOString(),
      settings: await loadSettings(ctx.db),
    });
    ctx.audit({ entity: 'demo', entityId: 'county', summary: 'demo data loaded', after: result });
    return result;
  },
};
