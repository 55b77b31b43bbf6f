import type { SearchGroup } from '../../contract';
import type { Handlers } from '../context';
import { DESCRIBERS, type Describer } from './search.repository';
import { matchingIds, type SearchModule } from './text-index';

const PER_MODULE = 8;

export const searchHandlers: Handlers<'search.global'> = {
  'search.global': async (input, ctx) => {
    const groups: SearchGroup[] = [];
    for (const [module, describer] of Object.entries(DESCRIBERS) as [SearchModule, Describer][]) {
      const perModule = input.perModule ?? PER_MODULE;
      const query = matchingIds(ctx.db, module, input.q, perModule + 1);
      if (!query) return { groups: [] };
      const found = (await query.execute(ctx.db)).rows.map((r) => Number(r.id));
      const ids = found.slice(0, perModule);
      if (ids.length === 0) continue;
      const described = await describer.describe(ctx.db, ids);
      groups.push({
        module,
        page: describer.page,
        hits: ids.filter((id) => described.has(id)).map((id) => ({ id, ...described.get(id)! })),
        more: found.length > perModule,
      });
    }
    return { groups };
  },
};
