import type { TFunction } from 'i18next';
import type { RosterView, Violation } from '@contract';

/** A violation in words: the rule with its person, area and reason filled in. */
export function violationText(t: TFunction, v: Violation, view: Pick<RosterView, 'areas' | 'season'>): string {
  const area = view.areas.find((a) => a.id === v.areaId)?.name ?? '';
  const shiftName = (code: unknown) => view.season.shifts.find((s) => s.code === code)?.name ?? String(code ?? '');
  const params = {
    ...v.params,
    area,
    otherShift: shiftName(v.params.otherShift),
    kind: v.params.kind ? t(`roster.absenceKinds.${String(v.params.kind)}`) : '',
  };
  const text = t(`roster.rule.${v.rule}`, params);
  return v.rule === 'eligibility' && typeof v.params.reason === 'string'
    ? `${text}（${t(v.params.reason, { number: '', year: v.date.slice(0, 4), ...v.params })}）`
    : text;
}

/** Where a violation shows: on the crew it is about, and on the person in it. */
export const crewKey = (date: string, shift: string, areaId: number | null, crew: number | null) =>
  `${date}|${shift}|${areaId}|${crew}`;

export function violationsByPlace(violations: Violation[]) {
  const byCrew = new Map<string, Violation[]>();
  const byPerson = new Map<string, Violation[]>();
  for (const v of violations) {
    const crew = crewKey(v.date, v.shift, v.areaId, v.crew);
    byCrew.set(crew, [...(byCrew.get(crew) ?? []), v]);
    if (v.staffId !== null) {
      const person = `${v.date}|${v.shift}|${v.staffId}`;
      byPerson.set(person, [...(byPerson.get(person) ?? []), v]);
    }
  }
  return { byCrew, byPerson };
}
