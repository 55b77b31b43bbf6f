import type { TFunction } from 'i18next';
import type { PlanViolation } from '@contract';

/** A rule a placement breaks, in words; `recordLabel` names a record ("10kV 城关一线 #12"). */
export function ruleText(t: TFunction, v: PlanViolation, recordLabel: (id: number) => string): string {
  const holiday = typeof v.params.holiday === 'string' && v.params.holiday ? `（${v.params.holiday}）` : '';
  return t(`trimming.rules.${v.rule}`, {
    ...v.params,
    date: v.date ?? '',
    record: v.recordId ? recordLabel(v.recordId) : '',
    holiday,
  });
}

/** Monday of the week a day falls in (YYYY-MM-DD). */
export function mondayOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

export function plusDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function monthRange(day: string): { from: string; to: string } {
  const from = `${day.slice(0, 7)}-01`;
  const d = new Date(`${from}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  d.setUTCDate(0);
  return { from, to: d.toISOString().slice(0, 10) };
}

const WEEKDAYS_ZH = ['日', '一', '二', '三', '四', '五', '六'];
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
export const weekdayOf = (day: string, en: boolean) =>
  (en ? WEEKDAYS_EN : WEEKDAYS_ZH)[new Date(`${day}T00:00:00Z`).getUTCDay()]!;

/** What a drag carries: records from the backlog, or a package already on the board. */
export type DragLoad = { kind: 'records'; ids: number[] } | { kind: 'package'; id: number };
export const DRAG_TYPE = 'application/x-griddesk-plan';
