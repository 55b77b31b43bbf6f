import type { SearchGroup } from '@contract';
import { navigate } from '../../navigation';

/** Pages that open a record from `{ open: id }`; the others are searched for the hit's title. */
const OPENS_BY_ID = new Set(['vegetation', 'upgrades']);

/** A search hit opens on its page: a ledger record or request in its drawer, a register row by searching its page for it. */
export function openHit(page: string, hit: SearchGroup['hits'][number]) {
  navigate(page, OPENS_BY_ID.has(page) ? { open: hit.id } : { search: hit.title });
}
