import type { Insertable, Kysely, Selectable } from 'kysely';
import {
  STAFF_SKILLS,
  parseSkillList,
  type Assignment,
  type RepairAreaRow,
  type SeasonRow,
  type ShiftTemplate,
} from '../../contract';
import type { DB, DutySeasonsTable, RepairAreasTable } from '../db/schema';
import { loadSettings } from '../settings/settings.repository';
import { certificateRules, dutyCandidates } from '../staff/staff.repository';
import { judgeEligibility } from '../staff/staff.rules';
import { seasonDays, type Placement, type RosterPerson, type RosterProblem, type RosterRules } from './roster.rules';

export function areaRow(r: Selectable<RepairAreasTable>): RepairAreaRow {
  return {
    id: r.id,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    name: r.name,
    kind: r.kind as RepairAreaRow['kind'],
    arrivalMinutes: r.arrival_minutes,
    restoreMinutes: r.restore_minutes,
    crewsPerShift: r.crews_per_shift,
    peakExtraCrews: r.peak_extra_crews,
    sort: r.sort,
  };
}

export async function listAreas(db: Kysely<DB>): Promise<RepairAreaRow[]> {
  return (
    await db
      .selectFrom('repair_areas')
      .selectAll()
      .where('deleted_at', 'is', null)
      .orderBy('sort')
      .orderBy('id')
      .execute()
  ).map(areaRow);
}

export async function findArea(db: Kysely<DB>, id: number): Promise<RepairAreaRow | undefined> {
  const r = await db
    .selectFrom('repair_areas')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return r ? areaRow(r) : undefined;
}

function seasonRow(r: Selectable<DutySeasonsTable>, assignmentCount: number): SeasonRow {
  return {
    id: r.id,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    name: r.name,
    kind: r.kind as SeasonRow['kind'],
    startDate: r.start_date,
    endDate: r.end_date,
    shifts: JSON.parse(r.shifts_json) as ShiftTemplate[],
    peakDays: JSON.parse(r.peak_days_json) as string[],
    notes: r.notes,
    publishedVersion: r.published_version,
    publishedAt: r.published_at,
    assignmentCount,
  };
}

export async function listSeasons(db: Kysely<DB>): Promise<SeasonRow[]> {
  const rows = await db
    .selectFrom('duty_seasons')
    .selectAll()
    .where('deleted_at', 'is', null)
    .orderBy('start_date', 'desc')
    .execute();
  const counts = await db
    .selectFrom('roster_assignments')
    .select(['season_id', db.fn.countAll<number>().as('n')])
    .groupBy('season_id')
    .execute();
  return rows.map((r) => seasonRow(r, Number(counts.find((c) => c.season_id === r.id)?.n ?? 0)));
}

export async function findSeason(db: Kysely<DB>, id: number): Promise<SeasonRow | undefined> {
  const r = await db
    .selectFrom('duty_seasons')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!r) return undefined;
  const n = await db
    .selectFrom('roster_assignments')
    .select(db.fn.countAll<number>().as('n'))
    .where('season_id', '=', id)
    .executeTakeFirstOrThrow();
  return seasonRow(r, Number(n.n));
}

export async function publishedOf(db: Kysely<DB>, id: number): Promise<Placement[]> {
  const r = await db.selectFrom('duty_seasons').select('published_json').where('id', '=', id).executeTakeFirst();
  return r?.published_json ? (JSON.parse(r.published_json) as Placement[]) : [];
}

/** The roster's rule context: its rules from the settings. */
export async function loadRosterContext(db: Kysely<DB>): Promise<RosterRules> {
  const settings = await loadSettings(db);
  return {
    requiredSkills: parseSkillList(settings.string('roster.requiredSkills')) ?? STAFF_SKILLS.slice(0, 3),
    minCrewSize: settings.number('roster.minCrewSize'),
    minRestHours: settings.number('roster.minRestHours'),
    maxConsecutiveDays: settings.number('roster.maxConsecutiveDays'),
  };
}

export async function loadAssignments(db: Kysely<DB>, seasonId: number): Promise<Assignment[]> {
  const rows = await db
    .selectFrom('roster_assignments as a')
    .innerJoin('staff as s', 's.id', 'a.staff_id')
    .select([
      'a.id',
      'a.date',
      'a.shift',
      'a.area_id',
      'a.crew',
      'a.staff_id',
      'a.override_reason',
      's.name',
      's.phone',
    ])
    .where('a.season_id', '=', seasonId)
    .orderBy('a.date')
    .orderBy('a.shift')
    .orderBy('a.area_id')
    .orderBy('a.crew')
    .orderBy('s.employee_no')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    date: r.date,
    shift: r.shift,
    areaId: r.area_id,
    crew: r.crew,
    staffId: r.staff_id,
    staffName: r.name,
    phone: r.phone,
    overrideReason: r.override_reason,
  }));
}

/**
 * Everything the rules judge a season by: its days and shifts, the areas' crews, and for each person
 * their skills, the days they may not be on duty (judged per day: a certificate may lapse mid-season),
 * leave and training days, and wished days off.
 */
export async function loadProblem(db: Kysely<DB>, season: SeasonRow) {
  const [areas, rules, candidates, settings] = await Promise.all([
    listAreas(db),
    loadRosterContext(db),
    dutyCandidates(db),
    loadSettings(db),
  ]);
  const certRules = certificateRules(settings);
  const days = seasonDays(season.startDate, season.endDate);
  const absences = await db
    .selectFrom('staff_absences')
    .select(['staff_id', 'kind', 'from_date', 'to_date'])
    .where('deleted_at', 'is', null)
    .where('from_date', '<=', season.endDate)
    .where('to_date', '>=', season.startDate)
    .execute();
  const training = await db
    .selectFrom('training_attendees as a')
    .innerJoin('training_sessions as s', 's.id', 'a.session_id')
    .select(['a.staff_id', 's.date'])
    .where('s.deleted_at', 'is', null)
    .where('s.date', '>=', season.startDate)
    .where('s.date', '<=', season.endDate)
    .execute();
  const people: RosterPerson[] = candidates.map((c) => {
    const ineligible = new Map<string, { key: string; params?: Record<string, string | number> }>();
    for (const day of days) {
      const e = judgeEligibility(c.facts, day, certRules);
      if (!e.eligible) ineligible.set(day, e.reasons[0]!);
    }
    const absent = new Map<string, 'leave' | 'training'>();
    const wishes = new Set<string>();
    for (const a of absences.filter((x) => x.staff_id === c.id)) {
      for (const day of days.filter((d) => d >= a.from_date && d <= a.to_date)) {
        if (a.kind === 'wish') wishes.add(day);
        else absent.set(day, a.kind as 'leave' | 'training');
      }
    }
    for (const t of training.filter((x) => x.staff_id === c.id)) absent.set(t.date, 'training');
    return { id: c.id, name: c.name, skills: c.skills, ineligible, absent, wishes };
  });
  const problem: RosterProblem = {
    days,
    shifts: season.shifts,
    areas: areas.map((a) => ({ id: a.id, crewsPerShift: a.crewsPerShift, peakExtraCrews: a.peakExtraCrews })),
    peakDays: new Set(season.peakDays),
    people,
    rules,
  };
  return { problem, areas, candidates };
}

/** The names of one crew on one shift of the season's roster, by employee number. */
export async function crewOnDuty(
  db: Kysely<DB>,
  c: { seasonId: number; date: string; shift: string; areaId: number; crew: number },
): Promise<string[]> {
  const rows = await db
    .selectFrom('roster_assignments as a')
    .innerJoin('staff as s', 's.id', 'a.staff_id')
    .select('s.name')
    .where('a.season_id', '=', c.seasonId)
    .where('a.date', '=', c.date)
    .where('a.shift', '=', c.shift)
    .where('a.area_id', '=', c.areaId)
    .where('a.crew', '=', c.crew)
    .orderBy('s.employee_no')
    .execute();
  return rows.map((r) => r.name);
}

/** Another live repair area with this name. */
export async function areaNameTaken(db: Kysely<DB>, name: string, exceptId?: number): Promise<boolean> {
  let q = db.selectFrom('repair_areas').select('id').where('name', '=', name).where('deleted_at', 'is', null);
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** An area's repair promise (minutes to arrive, to restore), as a new version of the area. */
export async function setAreaPromise(
  db: Kysely<DB>,
  areaId: number,
  promise: { arrival: number; restore: number | null },
  at: string,
): Promise<void> {
  await db
    .updateTable('repair_areas')
    .set((eb) => ({
      arrival_minutes: promise.arrival,
      restore_minutes: promise.restore,
      version: eb('version', '+', 1),
      updated_at: at,
    }))
    .where('id', '=', areaId)
    .execute();
}

/** Whether the season has assignments outside these dates (changing its dates would drop them). */
export async function assignmentsOutside(db: Kysely<DB>, seasonId: number, from: string, to: string): Promise<boolean> {
  const r = await db
    .selectFrom('roster_assignments')
    .select('id')
    .where('season_id', '=', seasonId)
    .where((eb) => eb.or([eb('date', '<', from), eb('date', '>', to)]))
    .executeTakeFirst();
  return r !== undefined;
}

export async function insertAssignment(db: Kysely<DB>, row: Insertable<DB['roster_assignments']>): Promise<number> {
  return (await db.insertInto('roster_assignments').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function removeAssignment(db: Kysely<DB>, id: number): Promise<void> {
  await db.deleteFrom('roster_assignments').where('id', '=', id).execute();
}

export async function seasonOfAssignment(db: Kysely<DB>, id: number): Promise<number | undefined> {
  const r = await db.selectFrom('roster_assignments').select('season_id').where('id', '=', id).executeTakeFirst();
  return r?.season_id;
}

/** Publishing keeps the roster as it stands as the season's next published version. */
export async function publishSeason(
  db: Kysely<DB>,
  seasonId: number,
  placements: unknown[],
  at: string,
): Promise<void> {
  await db
    .updateTable('duty_seasons')
    .set((eb) => ({
      published_version: eb('published_version', '+', 1),
      published_at: at,
      published_json: JSON.stringify(placements),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', seasonId)
    .execute();
}
