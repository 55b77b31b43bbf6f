const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True only for real calendar dates: 2026-02-30 is refused. */
export function isRealDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days;
}

/**
 * Why a date written as year, month and day is not a day of the calendar: 'noSuchMonth' (13 月) or
 * 'noSuchDay' (2 月 30 日), with the month's length; null when it is one.
 */
export function missingDay(
  y: number,
  mo: number,
  d: number,
): {
  message: 'validation.noSuchMonth' | 'validation.noSuchDay';
  params: { month: number; day: number; days: number };
} | null {
  if (mo < 1 || mo > 12) return { message: 'validation.noSuchMonth', params: { month: mo, day: d, days: 0 } };
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d < 1 || d > days ? { message: 'validation.noSuchDay', params: { month: mo, day: d, days } } : null;
}

/** Full-width letters, digits and punctuation (Ａ１，) and the ideographic space become plain ASCII. */
export function halfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

export type ParsedDate =
  { ok: true; value: string | null } | { ok: false; message: string; params?: Record<string, string | number> };

const pad = (n: number) => String(n).padStart(2, '0');
const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
const DATE_COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * A date as people type it, in a form or a sheet: 2026-05-03, 2026/5/3, 2026.5.3, 20260503,
 * 2026年5月3日, in full-width digits too. Empty is null. A date written right that the calendar does
 * not have (2 月 30 日) says so; anything else is 'validation.date'.
 */
export function parseDateText(typed: string): ParsedDate {
  const s = halfWidth(typed).trim();
  if (s === '') return { ok: true, value: null };
  const m = DATE_TEXT.exec(s) ?? DATE_COMPACT.exec(s);
  if (!m) return { ok: false, message: 'validation.date' };
  const iso = `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
  if (isRealDate(iso)) return { ok: true, value: iso };
  const missing = missingDay(Number(m[1]), Number(m[2]), Number(m[3]));
  return missing
    ? { ok: false, message: missing.message, params: missing.params }
    : { ok: false, message: 'validation.date' };
}

const TIME_TAIL = /^(.*?)(?:\s+|T|(?<=日))(\d{1,2})\s*[:：点时]\s*(\d{1,2})?\s*分?(?::\d{2})?$/;

/**
 * A date and time as people type them: the date as parseDateText reads it, then the time
 * (2026/8/3 14:05, 2026-08-03T14:05, 2026年8月3日14点05分, full-width too) → 2026-08-03T14:05.
 * Empty is null; a date without a time, or a time that is not one (25:00), is 'validation.dateTime'.
 */
export function parseDateTimeText(typed: string): ParsedDate {
  const s = halfWidth(typed).trim();
  if (s === '') return { ok: true, value: null };
  const m = TIME_TAIL.exec(s);
  if (!m) return { ok: false, message: 'validation.dateTime' };
  const day = parseDateText(m[1]!);
  if (!day.ok) return day;
  const [h, min] = [Number(m[2]), Number(m[3] ?? 0)];
  if (day.value === null || h > 23 || min > 59) return { ok: false, message: 'validation.dateTime' };
  return { ok: true, value: `${day.value}T${pad(h)}:${pad(min)}` };
}
