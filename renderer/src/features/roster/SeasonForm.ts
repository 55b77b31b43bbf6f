import type { TFunction } from 'i18next';
import { z } from 'zod';
import { DEFAULT_SHIFTS, SEASON_KINDS, isRealDate, seasonInput, type SeasonRow, type ShiftTemplate } from '@contract';
import type { FieldDef } from '../../components/FormDrawer';

const addDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** "2026-07-20~2026-07-31" and single dates, one a line, as the list of peak days; null names a bad line. */
export function parsePeakDays(text: string): { days: string[] } | { badLine: number } {
  const days: string[] = [];
  const lines = text.split(/\n/).map((l) => l.trim());
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line) continue;
    const [from, to = from] = line.split(/\s*[~～至]\s*/) as [string, string?];
    if (!isRealDate(from) || !isRealDate(to) || to < from) return { badLine: i + 1 };
    for (let d = from; d <= to && days.length < 366; d = addDay(d)) days.push(d);
  }
  return { days };
}

/** Peak days as ranges, one a line, for the text box. */
export function peakDaysText(days: string[]): string {
  const lines: string[] = [];
  let start: string | null = null;
  let prev: string | null = null;
  for (const d of [...days].sort()) {
    if (prev && addDay(prev) === d) {
      prev = d;
      continue;
    }
    if (start) lines.push(start === prev ? start : `${start}~${prev}`);
    start = prev = d;
  }
  if (start) lines.push(start === prev ? start : `${start}~${prev}`);
  return lines.join('\n');
}

/** "白班 08:00 12" a line (name, start, hours): the shift templates; null names a bad line. */
export function parseShifts(text: string): { shifts: ShiftTemplate[] } | { badLine: number } {
  const shifts: ShiftTemplate[] = [];
  const lines = text.split(/\n/).map((l) => l.trim());
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]) continue;
    const m = /^(\S{1,10})\s+(\d{1,2}):(\d{2})\s+(\d{1,2})$/.exec(lines[i]!);
    if (!m) return { badLine: i + 1 };
    const code = ['day', 'night', 'full', 'extra'][shifts.length] ?? `s${shifts.length + 1}`;
    shifts.push({ code, name: m[1]!, start: `${m[2]!.padStart(2, '0')}:${m[3]}`, hours: Number(m[4]) });
  }
  return { shifts };
}

export const shiftsText = (shifts: ShiftTemplate[]) => shifts.map((s) => `${s.name} ${s.start} ${s.hours}`).join('\n');

export const seasonForm = z.preprocess((v) => {
  const values = { ...(v as Record<string, unknown>) };
  const parsed = parsePeakDays(String(values.peakText ?? ''));
  const shifts = parseShifts(String(values.shiftsText ?? ''));
  delete values.peakText;
  delete values.shiftsText;
  // A line that does not parse is kept as an invalid value, so the schema names the field.
  return {
    ...values,
    peakDays: 'days' in parsed ? parsed.days : ['bad'],
    shifts: 'shifts' in shifts ? (shifts.shifts.length ? shifts.shifts : undefined) : [{}],
  };
}, seasonInput);

export const seasonFormValues = (s: SeasonRow) => ({
  ...s,
  peakText: peakDaysText(s.peakDays),
  shiftsText: shiftsText(s.shifts),
});

export function seasonFields(t: TFunction): FieldDef[] {
  return [
    { name: 'name', label: t('roster.name'), kind: 'text', required: true, span: 24 },
    {
      name: 'kind',
      label: t('roster.kind'),
      kind: 'select',
      required: true,
      options: SEASON_KINDS.map((k) => ({ value: k, label: t(`roster.kinds.${k}`) })),
    },
    { name: 'startDate', label: t('roster.startDate'), kind: 'date', required: true },
    { name: 'endDate', label: t('roster.endDate'), kind: 'date', required: true },
    {
      name: 'shiftsText',
      label: t('roster.shiftsField'),
      kind: 'textarea',
      span: 24,
      help: t('roster.shiftsHelp'),
      placeholder: shiftsText(DEFAULT_SHIFTS),
    },
    { name: 'peakText', label: t('roster.peakDays'), kind: 'textarea', span: 24, help: t('roster.peakHelp') },
    { name: 'notes', label: t('common.notes'), kind: 'textarea', span: 24 },
  ];
}
