import { STAFF_SKILLS, STAFF_STATUSES, contract, labelText, type ParsedInputOf, type StaffRow } from '../../contract';
import type { HandlerContext } from '../context';
import { nameKey } from '../excel/cells';
import { namesFor } from '../excel/header-synonyms';
import { writeThroughHandler } from '../excel/sheet-context';
import type { LedgerSheet, SheetField } from '../excel/sheet';
import { staffHandlers } from './staff.handlers';
import { allStaff, listStaff, loadStaffContext } from './staff.repository';

interface Lookups {
  teams: Map<string, number>;
}
type Existing = Record<string, unknown> & { id: number; version: number; employeeNo: string };

const LEVELS = ['1', '2', '3'] as const;
/** One column per skill on the office's list (setting staff.skills), keyed 'skill:<name>'. */
const SKILL_KEY = 'skill:';
const skillFields = (skills: readonly string[]): SheetField[] =>
  skills.map((skill, i) => ({
    key: `${SKILL_KEY}${skill}`,
    label: `staff.skillColumns.${skill}`,
    kind: 'enum',
    values: LEVELS,
    valueLabels: 'staff.levelNames',
    example: i === 0 ? '中级' : null,
    width: 9,
  }));
const fieldsWith = (skills: readonly string[]): SheetField[] => [
  {
    key: 'employeeNo',
    label: 'staff.employeeNo',
    kind: 'text',
    required: true,
    example: 'GD0001',
    aliases: namesFor('employeeNo'),
    width: 10,
  },
  {
    key: 'name',
    label: 'staff.name',
    kind: 'text',
    required: true,
    example: '王建国',
    aliases: namesFor('personName'),
    width: 10,
  },
  {
    key: 'team',
    label: 'staff.team',
    kind: 'lookup',
    inputKey: 'teamId',
    example: null,
    aliases: namesFor('team'),
    width: 16,
  },
  {
    key: 'position',
    label: 'staff.position',
    kind: 'text',
    example: '运维工',
    aliases: namesFor('position'),
    width: 10,
  },
  { key: 'phone', label: 'staff.phone', kind: 'text', example: '13800000000', aliases: namesFor('phone'), width: 14 },
  {
    key: 'status',
    label: 'staff.status',
    kind: 'enum',
    values: STAFF_STATUSES,
    valueLabels: 'staff.statuses',
    example: '在岗',
    aliases: namesFor('staffStatus'),
    width: 8,
  },
  {
    key: 'hireDate',
    label: 'staff.hireDate',
    kind: 'date',
    example: '2015-07-01',
    aliases: namesFor('hireDate'),
    width: 12,
  },
  {
    key: 'education',
    label: 'staff.education',
    kind: 'text',
    example: '大专',
    aliases: namesFor('education'),
    width: 8,
  },
  ...skillFields(skills),
  { key: 'notes', label: 'staff.notes', kind: 'text', example: null, aliases: namesFor('notes'), width: 20 },
];
const save = staffHandlers['staff.save'] as unknown as (input: unknown, ctx: HandlerContext) => Promise<StaffRow>;

/** 人员 in and out of Excel: one column per skill with its level; the same employee number is the same person. */
export const staffSheet: LedgerSheet<Lookups, Existing, StaffRow> = {
  name: 'staff',
  saveMethod: 'staff.save',
  schema: contract['staff.save'].input,
  keyRule: 'import.keyRule.staff',
  fields: fieldsWith(STAFF_SKILLS),
  fieldsFor: async (ctx) => fieldsWith((await loadStaffContext(ctx.db, ctx.today)).skills),
  async loadLookups({ db }) {
    const teams = await db.selectFrom('teams').select(['id', 'name']).where('deleted_at', 'is', null).execute();
    return { teams: new Map(teams.map((t) => [nameKey(t.name), t.id])) };
  },
  lookupNames(lookups, field) {
    return field === 'team' ? [...lookups.teams.keys()] : [];
  },
  toInput(values, lookups, problems) {
    const input: Record<string, unknown> = {};
    const skills: { skill: string; level: number }[] = [];
    let anySkillColumn = false;
    for (const [key, value] of Object.entries(values)) {
      if (key.startsWith(SKILL_KEY)) {
        anySkillColumn = true;
        if (value !== null) skills.push({ skill: key.slice(SKILL_KEY.length), level: Number(value) });
      } else if (key === 'team') {
        const id = value === null ? null : lookups.teams.get(nameKey(String(value)));
        if (id === undefined)
          problems.push({ field: 'team', message: 'import.unknownReference', params: { value: String(value) } });
        input.teamId = id ?? null;
      } else input[key] = value;
    }
    if (anySkillColumn) input.skills = skills;
    return input;
  },
  keyOf: (input) => nameKey(String(input.employeeNo)),
  async loadExisting(ctx) {
    const found = new Map<string, Existing>();
    for await (const r of allStaff(
      ctx.db,
      { sortModel: [], filterModel: {} },
      await loadStaffContext(ctx.db, ctx.today),
    ))
      found.set(nameKey(r.employeeNo), r as unknown as Existing);
    return found;
  },
  inputOf: (r) => ({
    id: r.id,
    version: r.version,
    employeeNo: r.employeeNo,
    name: r.name,
    teamId: r.teamId,
    position: r.position,
    phone: r.phone,
    hireDate: r.hireDate,
    education: r.education,
    status: r.status,
    returnedFromBreakOn: r.returnedFromBreakOn,
    skills: r.skills,
    notes: r.notes,
  }),
  write: (ctx, rows, _lookups, progress) => writeThroughHandler(ctx, rows, save, progress),
  listSchema: contract['staff.list'].input,
  rows: async function* (ctx, list) {
    yield* allStaff(ctx.db, list as ParsedInputOf<'staff.list'>, await loadStaffContext(ctx.db, ctx.today));
  },
  async count(ctx, list) {
    return (
      await listStaff(
        ctx.db,
        { ...(list as ParsedInputOf<'staff.list'>), startRow: 0, endRow: 1 },
        await loadStaffContext(ctx.db, ctx.today),
      )
    ).rowCount;
  },
  exportColumns: {
    employeeNo: { kind: 'text', width: 10 },
    name: { kind: 'text', width: 10 },
    teamName: { kind: 'text', width: 16 },
    position: { kind: 'text' },
    status: { kind: 'enum', valueLabels: 'staff.statuses' },
    eligibility: { kind: 'boolean', width: 10, value: (r) => r.eligibility.eligible },
    reasons: {
      kind: 'text',
      width: 40,
      value: (r, lang) => r.eligibility.reasons.map((x) => labelText(lang, x.key, x.params)).join('；'),
    },
    certificateState: { kind: 'enum', valueLabels: 'staff.certificateStates' },
    trainingHoursThisYear: { kind: 'text', value: (r) => `${r.trainingHoursThisYear} / ${r.trainingHoursRequired}` },
    lastSafetyExamOn: { kind: 'date' },
    skills: { kind: 'text', width: 30, value: (r) => r.skills.map((s) => `${s.skill}${s.level}`).join('、') },
    phone: { kind: 'text', width: 14 },
  },
};
