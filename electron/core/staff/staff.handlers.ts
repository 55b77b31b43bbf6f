import { notFound, type ParsedInputOf } from '../../contract';
import type { HandlerContext, Handlers } from '../context';
import { fieldError, requireLive } from '../shared/references';
import { deleteToBin } from '../shared/soft-delete';
import { saveVersioned as upsert } from '../shared/versioned';
import {
  allStaff,
  employeeNoTaken,
  findCertificate,
  findStaff,
  listCertificates,
  listStaff,
  setSkills,
  loadStaffContext,
  type StaffContext,
} from './staff.repository';
import { defaultExpiry } from './staff.rules';
import { findTraining, listTraining, setAttendees } from './training.repository';

type Methods =
  | 'staff.skillMatrix'
  | 'staff.list'
  | 'staff.get'
  | 'staff.save'
  | 'staff.delete'
  | 'certificates.list'
  | 'certificates.save'
  | 'certificates.delete'
  | 'training.list'
  | 'training.save'
  | 'training.delete';

const staffContext = (ctx: HandlerContext): Promise<StaffContext> => loadStaffContext(ctx.db, ctx.today);

const requireStaff = (ctx: HandlerContext, id: number, field: string) => requireLive(ctx.db, 'staff', id, field);

const optional = (s: string | null | undefined) => s || null;

export const staffHandlers: Handlers<Methods> = {
  'staff.list': async (input, ctx) => listStaff(ctx.db, input, await staffContext(ctx)),

  'staff.skillMatrix': async (input, ctx) => {
    const sctx = await staffContext(ctx);
    const rows = [];
    // On duty only: the matrix is about who can be sent out.
    const order = [
      { colId: 'teamName', sort: 'asc' as const },
      { colId: 'employeeNo', sort: 'asc' as const },
    ];
    for await (const r of allStaff(
      ctx.db,
      { sortModel: order, filterModel: {}, teamId: input.teamId, status: 'on_duty' },
      sctx,
    ))
      rows.push(r);
    const skills = [...new Set([...sctx.skills, ...rows.flatMap((r) => r.skills.map((s) => s.skill))])];
    const singles: { teamName: string; skill: string; staffName: string }[] = [];
    for (const team of [...new Set(rows.map((r) => r.teamName ?? ''))]) {
      for (const skill of skills) {
        const holders = rows.filter((r) => (r.teamName ?? '') === team && r.skills.some((s) => s.skill === skill));
        if (holders.length === 1) singles.push({ teamName: team, skill, staffName: holders[0]!.name });
      }
    }
    return {
      skills,
      rows: rows.map((r) => ({
        staffId: r.id,
        employeeNo: r.employeeNo,
        name: r.name,
        teamName: r.teamName,
        levels: Object.fromEntries(r.skills.map((s) => [s.skill, s.level])),
        certificateState: r.certificateState,
        eligible: r.eligibility.eligible,
      })),
      singles,
    };
  },

  'staff.get': async (input, ctx) => {
    const row = await findStaff(ctx.db, input.id, await staffContext(ctx));
    if (!row) throw notFound('staff', input.id);
    return row;
  },

  'staff.save': async (input: ParsedInputOf<'staff.save'>, ctx) => {
    const sctx = await staffContext(ctx);
    if (await employeeNoTaken(ctx.db, input.employeeNo, input.id))
      throw fieldError('employeeNo', 'validation.duplicate');
    if (input.teamId) await requireLive(ctx.db, 'teams', input.teamId, 'teamId');
    const skills = new Map(input.skills.map((s) => [s.skill, s.level]));
    if (skills.size !== input.skills.length) throw fieldError('skills', 'staff.skillErrors.duplicate');
    const before = input.id === undefined ? undefined : await findStaff(ctx.db, input.id, sctx);
    // Only skills on the office's list may be added; one taken off the list stays on those who have it.
    const unlisted = [...skills.keys()].find(
      (s) => !sctx.skills.includes(s) && !before?.skills.some((b) => b.skill === s),
    );
    if (unlisted) throw fieldError('skills', 'staff.skillErrors.unlisted', { skill: unlisted });
    const id = await upsert(
      ctx,
      'staff',
      input,
      {
        employee_no: input.employeeNo,
        name: input.name,
        team_id: input.teamId ?? null,
        position: optional(input.position),
        phone: optional(input.phone),
        hire_date: input.hireDate ?? null,
        education: optional(input.education),
        status: input.status,
        returned_from_break_on: input.returnedFromBreakOn ?? null,
        notes: optional(input.notes),
      },
      () => findStaff(ctx.db, input.id!, sctx),
    );
    await setSkills(ctx.db, id, skills);
    const after = (await findStaff(ctx.db, id, sctx))!;
    ctx.audit({ entity: 'staff', entityId: id, summary: before ? 'updated' : 'created', before, after });
    return after;
  },

  'staff.delete': (input, ctx) => deleteToBin(ctx, 'staff', 'staff', input.ids),

  'certificates.list': async (input, ctx) => listCertificates(ctx.db, input, await staffContext(ctx)),

  'certificates.save': async (input, ctx) => {
    const sctx = await staffContext(ctx);
    await requireStaff(ctx, input.staffId, 'staffId');
    const before = input.id === undefined ? undefined : await findCertificate(ctx.db, input.id, sctx);
    const id = await upsert(
      ctx,
      'certificates',
      input,
      {
        staff_id: input.staffId,
        kind: input.kind,
        number: input.number,
        issue_date: input.issueDate,
        expiry_date: input.expiryDate ?? defaultExpiry(input.issueDate, sctx.rules),
        last_review_date: input.lastReviewDate ?? null,
        extended_review: input.extendedReview ? 1 : 0,
        notes: optional(input.notes),
      },
      () => findCertificate(ctx.db, input.id!, sctx),
    );
    const after = (await findCertificate(ctx.db, id, sctx))!;
    ctx.audit({ entity: 'certificates', entityId: id, summary: before ? 'updated' : 'created', before, after });
    return after;
  },

  'certificates.delete': (input, ctx) => deleteToBin(ctx, 'certificates', 'certificates', input.ids),

  'training.list': async (input, ctx) => listTraining(ctx.db, input),

  'training.save': async (input, ctx) => {
    const ids = input.attendees.map((a) => a.staffId);
    if (new Set(ids).size !== ids.length) throw fieldError('attendees', 'staff.training.duplicateAttendee');
    for (const [i, a] of input.attendees.entries()) await requireStaff(ctx, a.staffId, `attendees.${i}.staffId`);
    const before = input.id === undefined ? undefined : await findTraining(ctx.db, input.id);
    const id = await upsert(
      ctx,
      'training_sessions',
      input,
      {
        course: input.course,
        category: input.category,
        date: input.date,
        hours: input.hours,
        trainer: optional(input.trainer),
        place: optional(input.place),
        notes: optional(input.notes),
      },
      () => findTraining(ctx.db, input.id!),
    );
    await setAttendees(ctx.db, id, input.attendees);
    const after = (await findTraining(ctx.db, id))!;
    ctx.audit({ entity: 'training', entityId: id, summary: before ? 'updated' : 'created', before, after });
    return after;
  },

  'training.delete': (input, ctx) => deleteToBin(ctx, 'training_sessions', 'training', input.ids),
};
