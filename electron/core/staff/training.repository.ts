import type { Kysely } from 'kysely';
import type { ParsedInputOf } from '../../contract';
import type { DB } from '../db/schema';
import { gridPageOf, type GridColumns } from '../shared/grid-query';

const TRAINING_COLUMNS: GridColumns = {
  course: { ref: 't.course', type: 'text' },
  category: { ref: 't.category', type: 'text' },
  date: { ref: 't.date', type: 'date' },
  hours: { ref: 't.hours', type: 'number' },
  trainer: { ref: 't.trainer', type: 'text' },
  place: { ref: 't.place', type: 'text' },
};

type SessionRow = Awaited<ReturnType<ReturnType<typeof sessions>['executeTakeFirstOrThrow']>>;
const sessions = (db: Kysely<DB>) =>
  db.selectFrom('training_sessions as t').selectAll('t').where('t.deleted_at', 'is', null);

async function withAttendees(db: Kysely<DB>, rows: SessionRow[]) {
  const ids = rows.map((r) => r.id);
  const attendees = ids.length
    ? await db
        .selectFrom('training_attendees as a')
        .innerJoin('staff as s', 's.id', 'a.staff_id')
        .select(['a.session_id', 'a.staff_id', 'a.score', 'a.passed', 's.name'])
        .where('a.session_id', 'in', ids)
        .orderBy('s.employee_no')
        .execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    course: r.course,
    category: r.category as 'safety_rules',
    date: r.date,
    hours: r.hours,
    trainer: r.trainer,
    place: r.place,
    notes: r.notes,
    attendees: attendees
      .filter((a) => a.session_id === r.id)
      .map((a) => ({ staffId: a.staff_id, staffName: a.name, score: a.score, passed: a.passed === 1 })),
  }));
}

export async function listTraining(db: Kysely<DB>, req: ParsedInputOf<'training.list'>) {
  const page = await gridPageOf({
    base: () =>
      req.year
        ? sessions(db).where('t.date', '>=', `${req.year}-01-01`).where('t.date', '<=', `${req.year}-12-31`)
        : sessions(db),
    select: (q) => q as ReturnType<typeof sessions>,
    req,
    columns: TRAINING_COLUMNS,
    search: ['t.course', 't.trainer', 't.place'],
    tieBreaker: 't.id',
    defaultSort: [{ colId: 'date', sort: 'desc' }],
    map: (r: SessionRow) => r,
  });
  return { rowCount: page.rowCount, rows: await withAttendees(db, page.rows) };
}

export async function findTraining(db: Kysely<DB>, id: number) {
  const r = await sessions(db).where('t.id', '=', id).executeTakeFirst();
  return r ? (await withAttendees(db, [r]))[0] : undefined;
}

/** Who attended a session, replaced by this list. */
export async function setAttendees(
  db: Kysely<DB>,
  sessionId: number,
  attendees: { staffId: number; score?: number | null; passed?: boolean }[],
): Promise<void> {
  await db.deleteFrom('training_attendees').where('session_id', '=', sessionId).execute();
  if (attendees.length)
    await db
      .insertInto('training_attendees')
      .values(
        attendees.map((a) => ({
          session_id: sessionId,
          staff_id: a.staffId,
          score: a.score ?? null,
          passed: a.passed ? 1 : 0,
        })),
      )
      .execute();
}
