import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { Settings } from '../settings/settings.repository';
import { dueDate, judgeClearance, nextDueDate, type LineClass } from './vegetation.rules';

/**
 * Re-judges every live record after a threshold or cycle setting changed, so each grade keeps
 * naming the threshold in force. Returns how many records changed.
 */
export async function regradeVegetation(db: Kysely<DB>, settings: Settings): Promise<number> {
  let changed = 0;
  let lastId = 0;
  for (;;) {
    const batch = await db
      .selectFrom('vegetation_records as v')
      .innerJoin('lines as l', 'l.id', 'v.line_id')
      .select(['v.id', 'v.tree_class', 'v.vertical_distance', 'v.horizontal_distance', 'v.status', 'v.completed_date', 'v.planned_date', 'v.species', 'v.hazard_grade', 'v.hazard_basis_json', 'v.next_due_date', 'l.voltage', 'l.conductor'])
      .where('v.deleted_at', 'is', null)
      .where('v.id', '>', lastId)
      .orderBy('v.id')
      .limit(2000)
      .execute();
    if (batch.length === 0) return changed;
    for (const r of batch) {
      const line: LineClass = { voltage: r.voltage as LineClass['voltage'], conductor: r.conductor as LineClass['conductor'] };
      const judged = judgeClearance(line, r.tree_class as 'general', { vertical: r.vertical_distance, horizontal: r.horizontal_distance }, settings);
      if (!judged) continue;
      const basis = JSON.stringify(judged.basis);
      const next = nextDueDate(r.status, r.completed_date, r.species, settings);
      if (judged.grade === r.hazard_grade && basis === r.hazard_basis_json && next === r.next_due_date) continue;
      await db
        .updateTable('vegetation_records')
        .set({ hazard_grade: judged.grade, hazard_basis_json: basis, next_due_date: next, due_date: dueDate(r.status, r.planned_date, next) })
        .where('id', '=', r.id)
        .execute();
      changed++;
    }
    lastId = batch[batch.length - 1]!.id;
  }
}
