import { z } from 'zod';

/** Field-level messages are i18n keys; the renderer translates them next to the field. */
export const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const version = z.number().int().min(1);

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

/** A calendar date as YYYY-MM-DD. */
/**
 * Why a date written as year, month and day is not a day of the calendar: 'noSuchMonth' (13 月) or
 * 'noSuchDay' (2 月 30 日), with the month's length; null when it is one.
 */
export function missingDay(y: number, mo: number, d: number): { message: 'validation.noSuchMonth' | 'validation.noSuchDay'; params: { month: number; day: number; days: number } } | null {
  if (mo < 1 || mo > 12) return { message: 'validation.noSuchMonth', params: { month: mo, day: d, days: 0 } };
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d < 1 || d > days ? { message: 'validation.noSuchDay', params: { month: mo, day: d, days } } : null;
}

export const isoDate = z.string().superRefine((value, ctx) => {
  if (isRealDate(value)) return;
  const m = ISO_DATE.exec(value);
  const missing = m ? missingDay(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  ctx.addIssue({ code: 'custom', message: missing?.message ?? 'validation.date', params: missing?.params });
});
export const optionalDate = isoDate.nullable().optional();

/** Text that people type: trimmed, bounded, control characters refused. */
export function text(max: number) {
  return z
    .string()
    .trim()
    .max(max, { error: 'validation.too_long' })
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), { error: 'validation.control_chars' });
}
export const requiredText = (max: number) => text(max).pipe(z.string().min(1, { error: 'validation.required' }));
export const optionalText = (max: number) => text(max).nullable().optional();

/** Mainland mobile or landline, loosely: digits, dashes, spaces, optional +86. */
export const phone = z
  .string()
  .trim()
  .max(30)
  .refine((s) => s === '' || /^(\+?86[- ]?)?[0-9][0-9\- ]{5,19}$/.test(s), { error: 'validation.phone' });

/** A non-negative measurement in metres, plausible for line work. */
export const metres = z
  .number({ error: 'validation.number' })
  .finite()
  .min(0, { error: 'validation.not_negative' })
  .max(200, { error: 'validation.too_big' });

export const VOLTAGE_LEVELS = ['0.4', '10', '35', '66', '110', '220'] as const;
export const voltageLevel = z.enum(VOLTAGE_LEVELS);
export type VoltageLevel = z.infer<typeof voltageLevel>;

export const CONDUCTOR_TYPES = ['bare', 'insulated'] as const;
export const conductorType = z.enum(CONDUCTOR_TYPES);

export const AREA_TYPES = ['urban', 'rural', 'remote'] as const;
export const areaType = z.enum(AREA_TYPES);

/* ---------- lists shown in grids: paging, sorting and filtering happen in SQL ---------- */

const colId = z.string().min(1).max(64).regex(/^[A-Za-z][A-Za-z0-9_]*$/);

export const sortItem = z.object({ colId, sort: z.enum(['asc', 'desc']) });

const textCondition = z.object({
  filterType: z.literal('text'),
  type: z.enum(['contains', 'notContains', 'equals', 'notEqual', 'startsWith', 'endsWith', 'blank', 'notBlank']),
  filter: z.string().max(200).nullable().optional(),
});
const numberCondition = z.object({
  filterType: z.literal('number'),
  type: z.enum(['equals', 'notEqual', 'lessThan', 'lessThanOrEqual', 'greaterThan', 'greaterThanOrEqual', 'inRange', 'blank', 'notBlank']),
  filter: z.number().finite().nullable().optional(),
  filterTo: z.number().finite().nullable().optional(),
});
const dateCondition = z.object({
  filterType: z.literal('date'),
  type: z.enum(['equals', 'notEqual', 'lessThan', 'greaterThan', 'inRange', 'blank', 'notBlank']),
  dateFrom: z.string().max(32).nullable().optional(),
  dateTo: z.string().max(32).nullable().optional(),
});
export const filterCondition = z.discriminatedUnion('filterType', [textCondition, numberCondition, dateCondition]);
export type FilterCondition = z.infer<typeof filterCondition>;

const combinedFilter = z.object({
  filterType: z.enum(['text', 'number', 'date']),
  operator: z.enum(['AND', 'OR']),
  conditions: z.array(filterCondition).min(1).max(4),
});
export const columnFilter = z.union([filterCondition, combinedFilter]);
export type ColumnFilter = z.infer<typeof columnFilter>;

export const MAX_PAGE = 1000;

const pageSizeOk = (r: { startRow: number; endRow: number }) => r.endRow > r.startRow && r.endRow - r.startRow <= MAX_PAGE;

export function gridRequestWith<T extends z.ZodRawShape>(extra: T) {
  return z
    .object({
      startRow: z.number().int().min(0).max(100_000_000),
      endRow: z.number().int().min(1).max(100_000_000),
      sortModel: z.array(sortItem).max(5).default([]),
      filterModel: z.record(colId, columnFilter).default({}),
      search: z.string().trim().max(100).optional(),
      ...extra,
    })
    .refine((r) => pageSizeOk(r as { startRow: number; endRow: number }), { error: 'validation.page', path: ['endRow'] });
}

/** What every grid sends: the AG Grid infinite row model's block request, plus module filters. */
export const gridRequest = gridRequestWith({});
export type GridRequest = z.infer<typeof gridRequest>;

export function gridPage<T extends z.ZodType>(row: T) {
  return z.object({ rows: z.array(row), rowCount: z.number().int().min(0) });
}

export const idInput = z.object({ id });
export const idsInput = z.object({ ids: z.array(id).min(1).max(10_000) });
export const okOutput = z.object({ ok: z.literal(true) });
export const countOutput = z.object({ count: z.number().int().min(0) });

/** Fields every editable record carries. */
export const recordMeta = {
  id,
  version,
  createdAt: z.string(),
  updatedAt: z.string(),
};
