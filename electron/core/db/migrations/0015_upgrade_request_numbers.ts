import type { Kysely } from 'kysely';
import { nextRequestNo } from '../../upgrades/request-numbers';
import type { DB } from '../schema';

/**
 * Upgrade requests get a number for the file (JG-2026-0012) when they are submitted. Requests
 * submitted before this version are numbered here, in the order they were submitted, in the year
 * they were submitted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('upgrade_requests').addColumn('request_no', 'text').execute();
  await db.schema
    .createIndex('upgrade_requests_request_no')
    .unique()
    .on('upgrade_requests')
    .column('request_no')
    .execute();
  const typed = db as unknown as Kysely<DB>;
  const submitted = await typed
    .selectFrom('upgrade_requests as u')
    .leftJoin('upgrade_events as e', (j) => j.onRef('e.request_id', '=', 'u.id').on('e.action', '=', 'submit'))
    .select(['u.id', 'u.project_type', 'u.created_at', (eb) => eb.fn.min('e.at').as('submitted_at')])
    .where('u.status', '!=', 'draft')
    .groupBy(['u.id', 'u.project_type', 'u.created_at'])
    .execute();
  const when = (r: (typeof submitted)[number]) => String(r.submitted_at ?? r.created_at);
  submitted.sort((a, b) => when(a).localeCompare(when(b)) || a.id - b.id);
  for (const r of submitted) {
    const requestNo = await nextRequestNo(typed, r.project_type, Number(when(r).slice(0, 4)));
    await typed.updateTable('upgrade_requests').set({ request_no: requestNo }).where('id', '=', r.id).execute();
  }
}
