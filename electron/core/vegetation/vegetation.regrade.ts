import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { Settings } from '../settings/settings.repository';
import { dueDate, foundDateOf, hazardDeadline, judgeClearance, nextDueDate, type LineClass } from './vegetation.rules';

/**
 * Re-judges every live record after a threshold, cycle or deadline setting changed, so each grade
 * keeps naming the threshold in force and each deadline the rule. Returns how many records changed.
 */
export async function regradeVegetation(
  db: Kysely<DB>,
  settings: Settings,
  opts: { includeDeleted?: boolean } = {},
): Promise<number> {
  let changed = 0;
  let lastId = 0;
  for (;;) {
    let q = db
      .selectFrom('vegetation_records as v')
      .innerJoin('lines as l', 'l.id', 'v.line_id')
      .select([
        'v.id',
        'v.tree_class',
        'v.vertical_distance',
        'v.horizontal_distance',
        'v.status',
        'v.completed_date',
        'v.found_date',
        'v.created_at',
        'v.deadline',
        'v.due_date',
        'v.species',
        'v.hazard_grade',
        'v.hazard_basis_json',
        'v.next_due_date',
        'l.voltage',
        'l.conductor',
      ]);
    if (!opts.includeDeleted) q = q.where('v.deleted_at', 'is', null);
    const batch = await q.where('v.id', '>', lastId).orderBy('v.id').limit(2000).execute();
    if (batch.length === 0) return changed;
    for (const r of batch) {
      const line: LineClass = {
        voltage: r.voltage as LineClass['voltage'],
        conductor: r.conductor as LineClass['conductor'],
      };
      const judged = judgeClearance(
        line,
        r.tree_class as 'general',
        { vertical: r.vertical_distance, horizontal: r.horizontal_distance },
        settings,
      );
      if (!judged) continue;
      const basis = JSON.stringify(judged.basis);
      const next = nextDueDate(r.status, r.completed_date, r.species, settings);
      const deadline = hazardDeadline(judged.grade, foundDateOf(r), r.completed_date, r.species, settings);
      const due = dueDate(r.status, deadline, next);
      if (
        judged.grade === r.hazard_grade &&
        basis === r.hazard_basis_json &&
        next === r.next_due_date &&
        deadline === r.deadline &&
        due === r.due_date
      )
        continue;
      await db
        .updateTable('vegetation_records')
        .set({ hazard_grade: judged.grade, hazard_basis_json: basis, next_due_date: next, deadline, due_date: due })
        .where('id', '=', r.id)
        .execute();
      changed++;
    }
    lastId = batch[batch.length - 1]!.id;
  }
}
