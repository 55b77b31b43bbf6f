import type { Kysely } from 'kysely';
import type { ParsedInputOf } from '../../contract';
import type { DB } from '../db/schema';
import { gridPageOf, type GridColumns } from '../shared/grid-query';

const ABSENCE_COLUMNS: GridColumns = {
  staffName: { ref: 's.name', type: 'text' },
  kind: { ref: 'a.kind', type: 'text' },
  fromDate: { ref: 'a.from_date', type: 'date' },
  toDate: { ref: 'a.to_date', type: 'date' },
  notes: { ref: 'a.notes', type: 'text' },
};

const absences = (db: Kysely<DB>) =>
  db
    .selectFrom('staff_absences as a')
    .innerJoin('staff as s', 's.id', 'a.staff_id')
    .selectAll('a')
    .select('s.name as staff_name')
    .where('a.deleted_at', 'is', null);
type Joined = Awaited<ReturnType<ReturnType<typeof absences>['executeTakeFirstOrThrow']>>;

const toRow = (r: Joined) => ({
  id: r.id,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  staffId: r.staff_id,
  staffName: r.staff_name,
  kind: r.kind as 'leave' | 'training' | 'wish',
  fromDate: r.from_date,
  toDate: r.to_date,
  notes: r.notes,
});

/** 休假、培训和希望休息的日子: the roster keeps people off duty on the first two. */
export async function listAbsences(db: Kysely<DB>, req: ParsedInputOf<'absences.list'>) {
  return gridPageOf({
    base: () => (req.staffId ? absences(db).where('a.staff_id', '=', req.staffId) : absences(db)),
    select: (q) => q as ReturnType<typeof absences>,
    req,
    columns: ABSENCE_COLUMNS,
    search: ['s.name', 'a.notes'],
    tieBreaker: 'a.id',
    defaultSort: [{ colId: 'fromDate', sort: 'desc' }],
    map: toRow,
  });
}

export async function findAbsence(db: Kysely<DB>, id: number) {
  const r = await absences(db).where('a.id', '=', id).executeTakeFirst();
  return r ? toRow(r) : undefined;
}
