import type { Kysely } from 'kysely';
import { dialectOf } from '../dialect';
import { createSearchIndex, indexModule, type SearchBody } from './0003_search';

/**
 * Global search over the registers added after 0003: staff, equipment and upgrade requests share an
 * index of their own (each a few thousand rows at most in a county office).
 */
export const OFFICE_SEARCH_MODULES = {
  staff: { index: 'search_office', code: 1 },
  equipment: { index: 'search_office', code: 2 },
  upgrades: { index: 'search_office', code: 3 },
} as const;

export const OFFICE_SEARCH_BODIES: Record<keyof typeof OFFICE_SEARCH_MODULES, SearchBody> = {
  staff: {
    from: 'staff r left join teams t on t.id = r.team_id',
    columns: {
      who: [['r.name', 8]],
      code: [
        ['r.employee_no', 12],
        ['r.phone', 13],
      ],
      what: [['r.position', 8]],
      place: [['t.name', 12]],
      notes: [['r.notes', 24]],
    },
  },
  equipment: {
    from: 'equipment r left join lines l on l.id = r.line_id',
    columns: {
      who: [['r.name', 20]],
      code: [['r.code', 16]],
      what: [['r.model', 12]],
      place: [
        ['l.name', 16],
        ['r.location', 16],
      ],
      notes: [['r.notes', 24]],
    },
  },
  upgrades: {
    from: 'upgrade_requests r left join equipment e on e.id = r.equipment_id',
    columns: {
      who: [['r.requested_by', 12]],
      code: [
        ['r.project_no', 16],
        ['e.code', 16],
      ],
      what: [
        ['r.problem', 24],
        ['r.proposed_work', 24],
      ],
      place: [['e.name', 20]],
      notes: [['r.notes', 24]],
    },
  },
};

export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === 'postgres') return;
  await createSearchIndex(db, 'search_office');
  for (const module of ['staff', 'equipment', 'upgrades'] as const)
    await indexModule(db, module, OFFICE_SEARCH_MODULES[module], OFFICE_SEARCH_BODIES[module]);
}
