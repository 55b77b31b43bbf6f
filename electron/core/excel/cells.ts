import { halfWidth, parseDateText } from '../../contract';
import type { RawCell } from './read-sheet';

export { halfWidth };

export function cellText(v: RawCell): string {
  if (v === null) return '';
  if (v instanceof Date) return excelDateToIso(v) ?? '';
  return halfWidth(String(v)).trim();
}

/** A name as compared (a line, a township, a code, a listed value): half-width, no spaces, lower case. */
export function nameKey(v: RawCell): string {
  return cellText(v).replace(/\s+/g, '').toLowerCase();
}

/**
 * A header as compared: the name without a required-star or colon, without units and notes in
 * brackets anywhere ("垂直距离（米）", "数量(株)", "镇(乡)", "株(棵)数") or after a slash ("距离/m").
 */
export function headerKey(v: RawCell): string {
  return nameKey(v)
    .replace(/[*:]/g, '')
    .replace(/[([【][^)\]】]*[)\]】]/g, '')
    .replace(/\/(m|米|km|公里|株|棵|元|万元|kv|kva|个|台|基|ω|ω·m)$/, '');
}

export type Converted<T> =
  { ok: true; value: T | null } | { ok: false; message: string; params?: Record<string, string | number> };

const ok = <T>(value: T | null): Converted<T> => ({ ok: true, value });
const bad = <T>(message: string, params?: Record<string, string | number>): Converted<T> => ({
  ok: false,
  message,
  params,
});

/** Numbers as Excel stores them or as text: "1,234", "１２.５", "12.5m", "12.5米". */
export function toNumber(v: RawCell): Converted<number> {
  if (v === null) return ok(null);
  if (typeof v === 'number') return Number.isFinite(v) ? ok(v) : bad('import.number');
  const s = cellText(v)
    .replace(/,/g, '')
    .replace(/\s*(m|米|km|公里|元|株|棵)$/i, '');
  if (s === '') return ok(null);
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return bad('import.number');
  return ok(Number(s));
}

export function toInteger(v: RawCell): Converted<number> {
  const n = toNumber(v);
  if (!n.ok || n.value === null) return n;
  return Number.isInteger(n.value) ? n : bad('import.integer');
}

const pad = (n: number) => String(n).padStart(2, '0');

/** ExcelJS gives date cells as JS Dates at UTC midnight of the day shown. */
function excelDateToIso(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  // Round to the nearest day: a date typed as 2026-05-03 may come back as 23:59:59.999 of the day before.
  const rounded = new Date(Math.round(d.getTime() / 86_400_000) * 86_400_000);
  return `${rounded.getUTCFullYear()}-${pad(rounded.getUTCMonth() + 1)}-${pad(rounded.getUTCDate())}`;
}

/** Excel's day numbers (1900 date system): 46145 is 2026-05-03. */
function serialToIso(n: number): string | null {
  if (!Number.isFinite(n) || n < 1 || n > 2_958_465) return null;
  return excelDateToIso(new Date(Date.UTC(1899, 11, 30) + Math.round(n) * 86_400_000));
}

/** Dates however a sheet holds them: date cells, serial numbers, and text as people type it (parseDateText). */
export function toDate(v: RawCell): Converted<string> {
  if (v === null) return ok(null);
  if (v instanceof Date) {
    const iso = excelDateToIso(v);
    return iso ? ok(iso) : bad('import.date');
  }
  if (typeof v === 'number') {
    const iso = serialToIso(v);
    return iso ? ok(iso) : bad('import.date');
  }
  const s = cellText(v);
  const parsed = parseDateText(s);
  if (parsed.ok) return ok(parsed.value);
  // Written right, but the calendar has no such day: say so, not "format not recognised".
  if (parsed.message !== 'validation.date') return bad(parsed.message, parsed.params);
  if (/^\d{5}(\.\d+)?$/.test(s)) {
    const iso = serialToIso(Number(s));
    if (iso) return ok(iso);
  }
  return bad('import.date');
}

const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓', '有']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '×', '✗', '无']);

export function toBoolean(v: RawCell): Converted<boolean> {
  if (v === null) return ok(null);
  if (typeof v === 'boolean') return ok(v);
  const s = cellText(v).toLowerCase();
  if (s === '') return ok(null);
  if (YES.has(s)) return ok(true);
  if (NO.has(s)) return ok(false);
  return bad('import.boolean');
}

/** A value from a fixed list, by its Chinese or English label or its code. */
export function toEnum(v: RawCell, labels: { value: string; names: string[] }[]): Converted<string> {
  const s = cellText(v);
  if (s === '') return ok(null);
  const key = nameKey(s);
  for (const l of labels)
    if (l.value.toLowerCase() === key || l.names.some((n) => nameKey(n) === key)) return ok(l.value);
  return bad('import.enum', { allowed: labels.map((l) => l.names[0]).join('、') });
}
