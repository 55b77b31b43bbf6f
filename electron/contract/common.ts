import { z } from 'zod';
import { isRealDate, parseDateText } from './dates';

/** Field-level messages are i18n keys; the renderer translates them next to the field. */
export const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const version = z.number().int().min(1);

/** A calendar date as YYYY-MM-DD; a day the calendar lacks is named as such, however it was written. */
export const isoDate = z.string().superRefine((value, ctx) => {
  if (isRealDate(value)) return;
  const typed = parseDateText(value);
  ctx.addIssue({
    code: 'custom',
    message: typed.ok ? 'validation.date' : typed.message,
    params: typed.ok ? undefined : typed.params,
  });
});
export const optionalDate = isoDate.nullable().optional();

/** Text that people type: trimmed, bounded, control characters refused. */
export function text(max: number) {
  return (
    z
      .string()
      .trim()
      .max(max, { error: 'validation.too_long' })
      // eslint-disable-next-line no-control-regex
      .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), { error: 'validation.control_chars' })
  );
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

const colId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/);

export const sortItem = z.object({ colId, sort: z.enum(['asc', 'desc']) });

const textCondition = z.object({
  filterType: z.literal('text'),
  type: z.enum(['contains', 'notContains', 'equals', 'notEqual', 'startsWith', 'endsWith', 'blank', 'notBlank']),
  filter: z.string().max(200).nullable().optional(),
});
const numberCondition = z.object({
  filterType: z.literal('number'),
  type: z.enum([
    'equals',
    'notEqual',
    'lessThan',
    'lessThanOrEqual',
    'greaterThan',
    'greaterThanOrEqual',
    'inRange',
    'blank',
    'notBlank',
  ]),
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

const pageSizeOk = (r: { startRow: number; endRow: number }) =>
  r.endRow > r.startRow && r.endRow - r.startRow <= MAX_PAGE;

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
    .refine((r) => pageSizeOk(r as { startRow: number; endRow: number }), {
      error: 'validation.page',
      path: ['endRow'],
    });
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
