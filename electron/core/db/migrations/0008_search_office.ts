import type { Kysely } from 'kysely';
import { createSearchIndex, indexModule, spaced } from './0003_search';

/**
 * Global search over the registers added after 0003: staff, equipment and upgrade requests share an
 * index of their own (each a few thousand rows at most in a county office).
 */
export const OFFICE_SEARCH_MODULES = {
  staff: { index: 'search_office', code: 1 },
  equipment: { index: 'search_office', code: 2 },
  upgrades: { index: 'search_office', code: 3 },
} as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await createSearchIndex(db, 'search_office');
  await indexModule(db, 'staff', OFFICE_SEARCH_MODULES.staff, {
    from: 'staff r left join teams t on t.id = r.team_id',
    columns: { who: spaced('r.name', 8), code: [spaced('r.employee_no', 12), spaced('r.phone', 13)].join(" || ' , ' || "), what: spaced('r.position', 8), place: spaced('t.name', 12), notes: spaced('r.notes', 24) },
  });
  await indexModule(db, 'equipment', OFFICE_SEARCH_MODULES.equipment, {
    from: 'equipment r left join lines l on l.id = r.line_id',
    columns: { who: spaced('r.name', 20), code: spaced('r.code', 16), what: spaced('r.model', 12), place: [spaced('l.name', 16), spaced('r.location', 16)].join(" || ' , ' || "), notes: spaced('r.notes', 24) },
  });
  await indexModule(db, 'upgrades', OFFICE_SEARCH_MODULES.upgrades, {
    from: 'upgrade_requests r left join equipment e on e.id = r.equipment_id',
    columns: { who: spaced('r.requested_by', 12), code: [spaced('r.project_no', 16), spaced('e.code', 16)].join(" || ' , ' || "), what: [spaced('r.problem', 24), spaced('r.proposed_work', 24)].join(" || ' , ' || "), place: spaced('e.name', 20), notes: spaced('r.notes', 24) },
  });
}
