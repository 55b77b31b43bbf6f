import type { Kysely, Selectable } from 'kysely';
import { STAFF_SKILLS, parseSkillList, type CertificateRow, type ParsedInputOf, type StaffRow } from '../../contract';
import type { CertificatesTable, DB } from '../db/schema';
import { loadSettings, type Settings } from '../settings/settings.repository';
import { gridPageOf, gridRowsOf, type GridColumns, type GridSource } from '../shared/grid-query';
import { bestState, judgeCertificate, judgeEligibility, type CertificateRules } from './staff.rules';

export function certificateRules(settings: Settings): CertificateRules {
  return {
    validityYears: settings.number('staff.certificate.validityYears'),
    reviewYears: settings.number('staff.certificate.reviewYears'),
    extendedReviewYears: settings.number('staff.certificate.extendedReviewYears'),
    windowDays: settings.number('staff.certificate.windowDays'),
  };
}

const STAFF_COLUMNS: GridColumns = {
  employeeNo: { ref: 's.employee_no', type: 'text' },
  name: { ref: 's.name', type: 'text' },
  teamName: { ref: 't.name', type: 'text' },
  position: { ref: 's.position', type: 'text' },
  phone: { ref: 's.phone', type: 'text' },
  hireDate: { ref: 's.hire_date', type: 'date' },
  status: { ref: 's.status', type: 'text' },
};

const joined = (db: Kysely<DB>) => db.selectFrom('staff as s').leftJoin('teams as t', 't.id', 's.team_id');
const selected = (q: ReturnType<typeof joined>) => q.selectAll('s').select('t.name as team_name');
type Joined = Awaited<ReturnType<ReturnType<typeof selected>['executeTakeFirstOrThrow']>>;

function staffGrid(db: Kysely<DB>, req: ParsedInputOf<'staff.list'>): GridSource<Joined, Joined> {
  const filtered = () => {
    let q = joined(db).where('s.deleted_at', 'is', null);
    if (req.teamId) q = q.where('s.team_id', '=', req.teamId);
    if (req.status) q = q.where('s.status', '=', req.status);
    return q;
  };
  return {
    base: filtered,
    select: (q) => selected(q as ReturnType<typeof joined>),
    req,
    columns: STAFF_COLUMNS,
    search: ['s.name', 's.employee_no', 's.phone'],
    tieBreaker: 's.id',
    defaultSort: [{ colId: 'employeeNo', sort: 'asc' }],
    map: (r) => r,
  };
}

export interface StaffContext {
  today: string;
  rules: CertificateRules;
  /** Training hours each person needs a year (staff.training.hoursPerYear). */
  hoursRequired: number;
  /** The skills the office records (setting staff.skills), in its order. */
  skills: string[];
}

export async function loadStaffContext(db: Kysely<DB>, today: string): Promise<StaffContext> {
  const settings = await loadSettings(db);
  return {
    today,
    rules: certificateRules(settings),
    hoursRequired: settings.number('staff.training.hoursPerYear'),
    skills: parseSkillList(settings.string('staff.skills')) ?? [...STAFF_SKILLS],
  };
}

/** What eligibility and the derived columns are judged from, for some people, in three queries. */
async function derivedInputs(db: Kysely<DB>, ids: number[]) {
  const [skills, certs, attended] = await Promise.all([
    db.selectFrom('staff_skills').selectAll().where('staff_id', 'in', ids).orderBy('skill').execute(),
    db.selectFrom('certificates').selectAll().where('staff_id', 'in', ids).where('deleted_at', 'is', null).execute(),
    db
      .selectFrom('training_attendees as a')
      .innerJoin('training_sessions as s', 's.id', 'a.session_id')
      .select(['a.staff_id', 'a.passed', 's.category', 's.date', 's.hours'])
      .where('a.staff_id', 'in', ids)
      .where('s.deleted_at', 'is', null)
      .execute(),
  ]);
  const certificatesOf = (id: number) =>
    certs.filter((c) => c.staff_id === id).map((c) => ({ ...facts(c), number: c.number }));
  const passesOf = (id: number) =>
    attended.filter((a) => a.staff_id === id && a.category === 'safety_rules' && a.passed === 1).map((a) => a.date);
  return { skills, attended, certificatesOf, passesOf };
}

/**
 * The people who may be put on a roster (not transferred or retired), with their skills and what
 * their eligibility on any day is judged from.
 */
export async function dutyCandidates(db: Kysely<DB>) {
  const rows = await selected(joined(db))
    .where('s.deleted_at', 'is', null)
    .where('s.status', 'in', ['on_duty', 'leave'])
    .orderBy('s.employee_no')
    .execute();
  if (rows.length === 0) return [];
  const { skills, certificatesOf, passesOf } = await derivedInputs(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    employeeNo: r.employee_no,
    name: r.name,
    phone: r.phone,
    teamName: r.team_name,
    skills: skills.filter((s) => s.staff_id === r.id).map((s) => s.skill),
    facts: {
      status: r.status,
      returnedFromBreakOn: r.returned_from_break_on,
      certificates: certificatesOf(r.id),
      safetyExamPasses: passesOf(r.id),
    },
  }));
}

/** Skills, certificate state, training this year and eligibility for a page of people. */
async function withDerived(db: Kysely<DB>, rows: Joined[], ctx: StaffContext): Promise<StaffRow[]> {
  if (rows.length === 0) return [];
  const year = ctx.today.slice(0, 4);
  const { skills, attended, certificatesOf, passesOf } = await derivedInputs(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const hours = attended
      .filter((a) => a.staff_id === r.id && a.date.startsWith(year) && a.date <= ctx.today)
      .reduce((n, a) => n + a.hours, 0);
    const mine = certificatesOf(r.id);
    const passes = passesOf(r.id);
    const electrical = mine.filter((c) => c.kind !== 'grid_permit');
    return {
      id: r.id,
      version: r.version,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      employeeNo: r.employee_no,
      name: r.name,
      teamId: r.team_id,
      teamName: r.team_name,
      position: r.position,
      phone: r.phone,
      hireDate: r.hire_date,
      education: r.education,
      status: r.status as StaffRow['status'],
      returnedFromBreakOn: r.returned_from_break_on,
      skills: skills.filter((s) => s.staff_id === r.id).map((s) => ({ skill: s.skill, level: s.level })),
      notes: r.notes,
      certificateState: bestState(electrical.map((c) => judgeCertificate(c, ctx.today, ctx.rules).state)),
      lastSafetyExamOn: passes.sort().at(-1) ?? null,
      trainingHoursThisYear: hours,
      trainingHoursRequired: ctx.hoursRequired,
      shortOfHours: r.status === 'on_duty' && hours < ctx.hoursRequired,
      eligibility: judgeEligibility(
        {
          status: r.status,
          returnedFromBreakOn: r.returned_from_break_on,
          certificates: mine,
          safetyExamPasses: passes,
        },
        ctx.today,
        ctx.rules,
      ),
    };
  });
}

export async function listStaff(db: Kysely<DB>, req: ParsedInputOf<'staff.list'>, ctx: StaffContext) {
  const source = staffGrid(db, req);
  if (!req.eligibleOnly && req.shortOfHours === undefined) {
    const page = await gridPageOf(source);
    return { rowCount: page.rowCount, rows: await withDerived(db, page.rows, ctx) };
  }
  // Eligibility and hours are judged, not stored: an office's few hundred people are judged here, then paged.
  const all: Joined[] = [];
  for await (const r of gridRowsOf(source)) all.push(r);
  const kept = (await withDerived(db, all, ctx)).filter(
    (r) =>
      (!req.eligibleOnly || r.eligibility.eligible) &&
      (req.shortOfHours === undefined || r.shortOfHours === req.shortOfHours),
  );
  return { rowCount: kept.length, rows: kept.slice(req.startRow, req.endRow) };
}

/** Every person the list would show, page after page (exports, the skill matrix). */
export async function* allStaff(
  db: Kysely<DB>,
  req: Omit<ParsedInputOf<'staff.list'>, 'startRow' | 'endRow'>,
  ctx: StaffContext,
): AsyncGenerator<StaffRow> {
  for (let start = 0; ; start += 1000) {
    const page = await listStaff(db, { ...req, startRow: start, endRow: start + 1000 }, ctx);
    yield* page.rows;
    if (start + 1000 >= page.rowCount) return;
  }
}

export async function findStaff(db: Kysely<DB>, id: number, ctx: StaffContext): Promise<StaffRow | undefined> {
  const r = await selected(joined(db)).where('s.id', '=', id).where('s.deleted_at', 'is', null).executeTakeFirst();
  return r ? (await withDerived(db, [r], ctx))[0] : undefined;
}

const facts = (c: Selectable<CertificatesTable>) => ({
  kind: c.kind,
  issueDate: c.issue_date,
  expiryDate: c.expiry_date,
  lastReviewDate: c.last_review_date,
  extendedReview: c.extended_review === 1,
});

function toCertificate(c: Selectable<CertificatesTable> & { staff_name: string }, ctx: StaffContext): CertificateRow {
  const j = judgeCertificate(facts(c), ctx.today, ctx.rules);
  return {
    id: c.id,
    version: c.version,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
    staffId: c.staff_id,
    staffName: c.staff_name,
    kind: c.kind as CertificateRow['kind'],
    number: c.number,
    issueDate: c.issue_date,
    expiryDate: c.expiry_date,
    lastReviewDate: c.last_review_date,
    extendedReview: c.extended_review === 1,
    notes: c.notes,
    state: j.state,
    nextReviewDate: j.nextReviewDate,
    stateReason: `staff.certificate.reason.${j.reason}`,
    stateParams: j.params,
  };
}

const certificateQuery = (db: Kysely<DB>) =>
  db
    .selectFrom('certificates as c')
    .innerJoin('staff as s', 's.id', 'c.staff_id')
    .selectAll('c')
    .select('s.name as staff_name')
    .where('c.deleted_at', 'is', null)
    .where('s.deleted_at', 'is', null);

export async function findCertificate(db: Kysely<DB>, id: number, ctx: StaffContext) {
  const r = await certificateQuery(db).where('c.id', '=', id).executeTakeFirst();
  return r && toCertificate(r, ctx);
}

/**
 * Certificates with their state as of today. The state is judged, not stored (it changes with the
 * date and the settings), so an office's certificates are judged, filtered and sorted here.
 */
export async function listCertificates(db: Kysely<DB>, req: ParsedInputOf<'certificates.list'>, ctx: StaffContext) {
  let q = certificateQuery(db);
  if (req.staffId) q = q.where('c.staff_id', '=', req.staffId);
  const search = req.search?.trim();
  if (search) q = q.where((eb) => eb.or([eb('s.name', 'like', `%${search}%`), eb('c.number', 'like', `%${search}%`)]));
  let rows = (await q.execute()).map((r) => toCertificate(r, ctx));
  if (req.states?.length) rows = rows.filter((r) => req.states!.includes(r.state));
  const sort = req.sortModel[0] ?? { colId: 'expiryDate', sort: 'asc' as const };
  const key = sort.colId as keyof CertificateRow;
  const dir = sort.sort === 'asc' ? 1 : -1;
  rows.sort((a, b) => {
    const x = a[key] ?? '';
    const y = b[key] ?? '';
    return (x < y ? -1 : x > y ? 1 : a.id - b.id) * dir;
  });
  return { rowCount: rows.length, rows: rows.slice(req.startRow, req.endRow) };
}

/** Another live person with this employee number. */
export async function employeeNoTaken(db: Kysely<DB>, employeeNo: string, exceptId?: number): Promise<boolean> {
  let q = db.selectFrom('staff').select('id').where('employee_no', '=', employeeNo).where('deleted_at', 'is', null);
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** A person's skills and levels, replaced by these. */
export async function setSkills(db: Kysely<DB>, staffId: number, skills: Map<string, number>): Promise<void> {
  await db.deleteFrom('staff_skills').where('staff_id', '=', staffId).execute();
  if (skills.size)
    await db
      .insertInto('staff_skills')
      .values([...skills].map(([skill, level]) => ({ staff_id: staffId, skill, level })))
      .execute();
}
