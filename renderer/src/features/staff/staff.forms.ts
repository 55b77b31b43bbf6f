import type { TFunction } from 'i18next';
import { z } from 'zod';
import {
  CERTIFICATE_KINDS,
  STAFF_STATUSES,
  TRAINING_CATEGORIES,
  certificateInput,
  staffInput,
  trainingInput,
  type ReferenceOptions,
} from '@contract';
import type { FieldDef } from '../../components/FormDrawer';
import { skillName } from '../../i18n/words';

const SKILL_FIELD = 'skill_';
const skillField = (skill: string) => `${SKILL_FIELD}${skill}`;

/** The form keeps one level picker per skill; the core gets the skills as a list. */
export const staffForm = z.preprocess((v) => {
  const values: Record<string, unknown> = {};
  const skills: { skill: string; level: number }[] = [];
  for (const [key, value] of Object.entries(v as Record<string, unknown>)) {
    if (!key.startsWith(SKILL_FIELD)) values[key] = value;
    else if (value) skills.push({ skill: key.slice(SKILL_FIELD.length), level: Number(value) });
  }
  return { ...values, skills };
}, staffInput);

export function staffFormValues(row: Record<string, unknown>): Record<string, unknown> {
  const out = { ...row };
  for (const s of (row.skills as { skill: string; level: number }[] | undefined) ?? [])
    out[skillField(s.skill)] = s.level;
  return out;
}

/** The office's skills, then any this person has that were since taken off the list. */
export function staffFields(
  t: TFunction,
  refs: ReferenceOptions,
  officeSkills: string[],
  values: Record<string, unknown> = {},
): FieldDef[] {
  const held = Object.keys(values)
    .filter((k) => k.startsWith(SKILL_FIELD))
    .map((k) => k.slice(SKILL_FIELD.length));
  const skills = [...new Set([...officeSkills, ...held])];
  const levels = [1, 2, 3].map((l) => ({ value: l, label: t(`staff.levels.${l}`) }));
  return [
    { name: 'employeeNo', label: t('staff.employeeNo'), kind: 'text', required: true },
    { name: 'name', label: t('staff.name'), kind: 'text', required: true },
    {
      name: 'teamId',
      label: t('staff.team'),
      kind: 'select',
      options: refs.teams.map((x) => ({ value: x.id, label: x.name })),
    },
    { name: 'position', label: t('staff.position'), kind: 'text' },
    { name: 'phone', label: t('staff.phone'), kind: 'text' },
    {
      name: 'status',
      label: t('staff.status'),
      kind: 'select',
      required: true,
      options: STAFF_STATUSES.map((s) => ({ value: s, label: t(`staff.statuses.${s}`) })),
    },
    { name: 'hireDate', label: t('staff.hireDate'), kind: 'date' },
    { name: 'education', label: t('staff.education'), kind: 'text' },
    {
      name: 'returnedFromBreakOn',
      label: t('staff.returnedFromBreakOn'),
      kind: 'date',
      span: 24,
      help: t('staff.returnedFromBreakHelp'),
    },
    ...skills.map((s): FieldDef => ({
      name: skillField(s),
      label: `${t('staff.skill')}${t('audit.colon')}${skillName(t, s)}`,
      kind: 'select',
      options: levels,
      span: 8,
    })),
    { name: 'notes', label: t('common.notes'), kind: 'textarea', span: 24 },
  ];
}

export const certificateForm = certificateInput;

export function certificateFields(t: TFunction, people: { id: number; label: string }[]): FieldDef[] {
  return [
    {
      name: 'staffId',
      label: t('staff.person'),
      kind: 'select',
      required: true,
      options: people.map((p) => ({ value: p.id, label: p.label })),
    },
    {
      name: 'kind',
      label: t('staff.certificate.kind'),
      kind: 'select',
      required: true,
      options: CERTIFICATE_KINDS.map((k) => ({ value: k, label: t(`staff.certificate.kinds.${k}`) })),
    },
    { name: 'number', label: t('staff.certificate.number'), kind: 'text', required: true },
    { name: 'issueDate', label: t('staff.certificate.issueDate'), kind: 'date', required: true },
    {
      name: 'expiryDate',
      label: t('staff.certificate.expiryDate'),
      kind: 'date',
      help: t('staff.certificate.expiryHelp'),
    },
    { name: 'lastReviewDate', label: t('staff.certificate.lastReviewDate'), kind: 'date' },
    {
      name: 'extendedReview',
      label: t('staff.certificate.extendedReview'),
      kind: 'checkbox',
      span: 24,
      help: t('staff.certificate.extendedReviewHelp'),
    },
    { name: 'notes', label: t('common.notes'), kind: 'textarea', span: 24 },
  ];
}

const SCORE_FIELD = 'score_';

/**
 * Attendees and those who failed are picked by name (type, Enter); each attendee gets a score box
 * (optional, Tab to the next). The core gets one list with scores and pass marks.
 */
export const trainingForm = z.preprocess((v) => {
  const values = { ...(v as Record<string, unknown>) };
  const failed = new Set((values.failedIds as number[] | undefined) ?? []);
  const score = (id: number) => {
    const s = values[`${SCORE_FIELD}${id}`];
    return typeof s === 'number' ? s : null;
  };
  const attendees = ((values.attendeeIds as number[] | undefined) ?? []).map((staffId) => ({
    staffId,
    score: score(staffId),
    passed: !failed.has(staffId),
  }));
  for (const key of Object.keys(values)) if (key.startsWith(SCORE_FIELD)) delete values[key];
  delete values.attendeeIds;
  delete values.failedIds;
  return { ...values, attendees };
}, trainingInput);

export function trainingFormValues(row: Record<string, unknown>): Record<string, unknown> {
  const attendees = (row.attendees as { staffId: number; score: number | null; passed: boolean }[] | undefined) ?? [];
  const scores = Object.fromEntries(
    attendees.filter((a) => a.score !== null).map((a) => [`${SCORE_FIELD}${a.staffId}`, a.score]),
  );
  return {
    ...row,
    ...scores,
    attendeeIds: attendees.map((a) => a.staffId),
    failedIds: attendees.filter((a) => !a.passed).map((a) => a.staffId),
  };
}

export function trainingFields(
  t: TFunction,
  people: { id: number; label: string }[],
  attendeeIds: number[],
): FieldDef[] {
  const options = people.map((p) => ({ value: p.id, label: p.label }));
  const attending = options.filter((o) => attendeeIds.includes(o.value));
  return [
    { name: 'course', label: t('staff.training.course'), kind: 'text', required: true, span: 24 },
    {
      name: 'category',
      label: t('staff.training.category'),
      kind: 'select',
      required: true,
      options: TRAINING_CATEGORIES.map((c) => ({ value: c, label: t(`staff.training.categories.${c}`) })),
    },
    { name: 'date', label: t('staff.training.date'), kind: 'date', required: true },
    { name: 'hours', label: t('staff.training.hours'), kind: 'number', required: true, min: 0.5, step: 0.5 },
    { name: 'trainer', label: t('staff.training.trainer'), kind: 'text' },
    { name: 'place', label: t('staff.training.place'), kind: 'text', span: 24 },
    { name: 'attendeeIds', label: t('staff.training.attendees'), kind: 'multiselect', options, span: 24 },
    { name: 'failedIds', label: t('staff.training.failed'), kind: 'multiselect', options: attending, span: 24 },
    ...attending.map((o): FieldDef => ({
      name: `${SCORE_FIELD}${o.value}`,
      label: t('staff.training.scoreOf', { name: o.label }),
      kind: 'number',
      min: 0,
      max: 100,
      step: 1,
      span: 8,
    })),
    { name: 'notes', label: t('common.notes'), kind: 'textarea', span: 24 },
  ];
}
