import { isDeepStrictEqual } from 'node:util';
import {
  ApiError,
  MAX_LISTED_PROBLEMS,
  fieldIssuesFromZod,
  labelAt,
  type ColumnMapping,
  type ImportPreview,
  type ImportProblem,
  type UnknownReference,
} from '../../contract';
import { cellText, headerKey, nameKey, toBoolean, toDate, toEnum, toInteger, toNumber, type Converted } from './cells';
import type { RawCell, RawRow } from './read-sheet';
import type { LedgerSheet, RowProblem, SheetContext, SheetField, SheetRow } from './sheet';
import { layoutOf, toColumns, type LayoutMapping } from './layouts';

const HEADER_SEARCH_ROWS = 20;

/** A field's header; a name the office made up (a skill from the settings) is its own label. */
export function fieldLabel(field: SheetField, lang: 'zh-CN' | 'en' = 'zh-CN'): string {
  const l = labelAt(lang, field.label);
  return typeof l === 'string' ? l : field.label.split('.').pop()!;
}

/** Every way a header may name this field. */
function headerNames(field: SheetField): Set<string> {
  return new Set(
    [fieldLabel(field, 'zh-CN'), fieldLabel(field, 'en'), field.key, ...(field.aliases ?? [])].map((n) => headerKey(n)),
  );
}

export function enumLabels(field: {
  values?: readonly string[];
  valueLabels?: string;
}): { value: string; names: string[] }[] {
  return (field.values ?? []).map((value) => {
    const names = (['zh-CN', 'en'] as const)
      .map((lang) => labelAt(lang, `${field.valueLabels}.${value}`))
      .filter((n): n is string => typeof n === 'string');
    return { value, names: names.length ? names : [value] };
  });
}

/** The fields one row's headers name, each at its first column. */
function findHeaderIn(row: RawRow, fields: SheetField[]): ColumnMapping {
  const names = fields.map((f) => ({ key: f.key, names: headerNames(f) }));
  const mapping: ColumnMapping = {};
  row.forEach((cell, col) => {
    const key = headerKey(cell);
    if (!key) return;
    const field = names.find((f) => f.names.has(key) && mapping[f.key] === undefined);
    if (field) mapping[field.key] = col;
  });
  return mapping;
}

/** The header is the row (among the first twenty) naming the most fields: title rows above it are skipped. */
export function findHeader(rows: RawRow[], fields: SheetField[]): { index: number; mapping: ColumnMapping } {
  let best = { index: -1, score: 0, mapping: {} as ColumnMapping };
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    const mapping = findHeaderIn(rows[i] ?? [], fields);
    const score = Object.keys(mapping).length;
    if (score > best.score) best = { index: i, score, mapping };
  }
  if (best.index < 0) throw new ApiError({ code: 'VALIDATION', message: 'import.noHeader' });
  for (const f of fields) best.mapping[f.key] ??= null;
  return { index: best.index, mapping: best.mapping };
}

/** The header row: one whose headers are a layout the office mapped by hand, else the row naming the most fields. */
function locateHeader(
  rows: RawRow[],
  fields: SheetField[],
  remembered: Map<string, LayoutMapping>,
): { index: number; mapping: ColumnMapping } {
  if (remembered.size > 0) {
    for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
      const row = rows[i] ?? [];
      if (row.some((c) => headerKey(c)) && remembered.has(layoutOf(row))) {
        const mapping: ColumnMapping = Object.fromEntries(fields.map((f) => [f.key, null]));
        return { index: i, mapping: { ...mapping, ...findHeaderIn(row, fields) } };
      }
    }
  }
  return findHeader(rows, fields);
}

function convert(field: SheetField, cell: RawCell): Converted<unknown> {
  switch (field.kind) {
    case 'integer':
      return toInteger(cell);
    case 'number':
      return toNumber(cell);
    case 'date':
      return toDate(cell);
    case 'boolean':
      return toBoolean(cell);
    case 'enum':
      return toEnum(cell, enumLabels(field));
    case 'lookupList': {
      const s = cellText(cell);
      return { ok: true, value: s ? s.split(/[、,，;；/\s]+/).filter(Boolean) : null };
    }
    default: {
      const s = cellText(cell);
      return { ok: true, value: s === '' ? null : s };
    }
  }
}

const isEmptyRow = (row: RawRow | undefined) =>
  !row || row.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

export interface Analysis<Existing> {
  preview: ImportPreview;
  accepted: SheetRow<Existing>[];
  /** Rows with problems, as they were in the sheet, with every problem of each. */
  refused: { row: number; raw: RawRow; problems: ImportProblem[] }[];
  headerCells: RawRow;
}

/** Which lookup columns name reference data, and which kind. */
const REFERENCE_KIND: Record<string, UnknownReference['kind'] | undefined> = {
  line: 'line',
  township: 'township',
  townships: 'township',
  village: 'village',
  team: 'team',
};

/**
 * Reads every row as the sheet says, checks it the way the form would (the save method's schema
 * plus the module's rules) and sorts rows into new / changed / unchanged. Writes nothing.
 */
export async function analyseRows<L, E>(
  sheet: LedgerSheet<L, E>,
  rows: RawRow[],
  fileName: string,
  requested: ColumnMapping | undefined,
  ctx: SheetContext,
  progress: (done: number, total: number) => void,
  remembered: Map<string, LayoutMapping> = new Map(),
  canCreateReferences = false,
): Promise<Analysis<E>> {
  const found = locateHeader(rows, sheet.fields, remembered);
  const headerRow = found.index;
  const headerCells = rows[headerRow] ?? [];
  const headers = headerCells.map((c) => (c === null ? '' : c instanceof Date ? cellText(c) : String(c).trim()));
  const layout = layoutOf(headerCells);
  const rememberedMapping = remembered.get(layout);
  const proposed =
    requested ?? (rememberedMapping ? toColumns(headerCells, rememberedMapping, found.mapping) : found.mapping);
  const mappingSource: ImportPreview['mappingSource'] = requested
    ? 'chosen'
    : rememberedMapping
      ? 'remembered'
      : 'found';
  const mapping: ColumnMapping = {};
  for (const f of sheet.fields) {
    const col = proposed[f.key];
    mapping[f.key] = col === undefined || col === null || col >= Math.max(headers.length, 1) + 50 ? null : col;
  }

  const problems: ImportProblem[] = [];
  let problemCount = 0;
  const columnName = (f: SheetField) => {
    const col = mapping[f.key];
    return col !== null && col !== undefined ? headers[col] || `#${col + 1}` : fieldLabel(f);
  };
  const byInputKey = new Map(sheet.fields.map((f) => [f.inputKey ?? f.key, f]));
  // Every problem of every row (the refused-rows sheet needs them all); the preview lists the first ones.
  const faults = new Map<number, ImportProblem[]>();
  const problemMessages = new Set<string>();
  // Problems that creating the missing reference rows would fix, and rows with no other problem.
  const creatableFaults = new WeakSet<RowProblem>();
  let creatableProblems = 0;
  const otherFaultRows = new Set<number>();
  const add = (row: number, p: RowProblem, value?: string) => {
    problemCount++;
    problemMessages.add(p.message);
    if (creatableFaults.has(p)) creatableProblems++;
    else otherFaultRows.add(row);
    const field = sheet.fields.find((f) => f.key === p.field) ?? byInputKey.get(p.field);
    const problem = {
      row,
      column: field ? columnName(field) : p.field,
      field: field?.key ?? p.field,
      message: p.message,
      ...(p.params ? { params: p.params } : {}),
      ...(value ? { value: value.slice(0, 60) } : {}),
    };
    faults.set(row, [...(faults.get(row) ?? []), problem]);
    if (problems.length < MAX_LISTED_PROBLEMS) problems.push(problem);
  };
  // Names the ledger's reference data lacks, with the rows that need each.
  const unknown = new Map<string, UnknownReference>();
  const noteUnknown = (p: RowProblem, values: Record<string, unknown>) => {
    const kind = REFERENCE_KIND[p.field];
    if (!kind || (p.message !== 'import.unknownReference' && p.message !== 'vegetation.village.otherTownship')) return;
    const name = String(p.params?.value ?? '').trim();
    const township = kind === 'village' && typeof values.township === 'string' ? values.township.trim() || null : null;
    const key = `${kind}|${nameKey(name)}|${nameKey(township)}`;
    const seen = unknown.get(key);
    if (seen) seen.rows++;
    else
      unknown.set(key, {
        kind,
        name,
        township,
        rows: 1,
        creatable: kind !== 'line' && (kind !== 'village' || township !== null),
      });
    if (unknown.get(key)!.creatable) creatableFaults.add(p);
  };

  let last = headerRow;
  for (let i = rows.length - 1; i > headerRow; i--) {
    if (!isEmptyRow(rows[i])) {
      last = i;
      break;
    }
  }
  const total = last - headerRow;

  // A required column the sheet lacks is one message, not one per row: rows wait until it is mapped.
  const missingColumns = sheet.fields.filter((f) => f.required && mapping[f.key] === null).map((f) => f.key);
  if (missingColumns.length > 0) {
    for (const f of sheet.fields.filter((x) => missingColumns.includes(x.key)))
      add(headerRow + 1, { field: f.key, message: 'import.columnMissing', params: { column: fieldLabel(f) } });
    let rowCount = 0;
    for (let i = headerRow + 1; i <= last; i++) if (!isEmptyRow(rows[i])) rowCount++;
    progress(total, total);
    return {
      preview: previewOf({ rows: rowCount, created: 0, updated: 0, unchanged: 0 }, [], missingColumns),
      accepted: [],
      refused: [],
      headerCells,
    };
  }

  const lookups = await sheet.loadLookups(ctx);

  // Pass 1: cells to values to a save input, and the key each row would have.
  interface Pending {
    rowNo: number;
    raw: RawRow;
    values: Record<string, unknown>;
    present: Set<string>;
    failed: Set<string>;
    mapped: Record<string, unknown>;
    rowProblems: RowProblem[];
    probe: ReturnType<LedgerSheet['schema']['safeParse']>;
    key: string | null;
  }
  const pending: Pending[] = [];
  for (let i = headerRow + 1; i <= last; i++) {
    if ((i - headerRow) % 2000 === 0) progress(Math.round((i - headerRow) / 2), total);
    const raw = rows[i] ?? [];
    if (isEmptyRow(raw)) continue;
    const rowNo = i + 1;
    const values: Record<string, unknown> = {};
    const present = new Set<string>();
    const failed = new Set<string>();
    for (const f of sheet.fields) {
      const col = mapping[f.key];
      if (col === null || col === undefined) continue;
      const converted = convert(f, raw[col] ?? null);
      if (converted.ok && converted.value === null && f.required) {
        failed.add(f.key).add(f.inputKey ?? f.key);
        add(rowNo, { field: f.key, message: 'validation.required' });
      } else if (converted.ok) {
        values[f.key] = converted.value;
        present.add(f.key);
      } else {
        failed.add(f.key).add(f.inputKey ?? f.key);
        add(rowNo, { field: f.key, message: converted.message, params: converted.params }, cellText(raw[col] ?? null));
      }
    }
    const rowProblems: RowProblem[] = [];
    const mapped = sheet.toInput(values, lookups, rowProblems);
    for (const rp of rowProblems) noteUnknown(rp, values);
    const probe = sheet.schema.safeParse(mapped);
    pending.push({
      rowNo,
      raw,
      values,
      present,
      failed,
      mapped,
      rowProblems,
      probe,
      key: probe.success ? sheet.keyOf(probe.data as Record<string, unknown>) : null,
    });
  }
  const existing = await sheet.loadExisting(ctx, lookups, [
    ...new Set(pending.map((p) => p.key).filter((k): k is string => k !== null)),
  ]);

  // Pass 2: merge with the record already in the ledger (the sheet's columns update it, columns the
  // sheet does not have keep their values), check like the form would, sort into new/changed/unchanged.
  const accepted: SheetRow<E>[] = [];
  const firstRowOfKey = new Map<string, number>();
  const sample: Record<string, string>[] = [];
  const counts = { rows: 0, created: 0, updated: 0, unchanged: 0 };
  for (const [n, p] of pending.entries()) {
    if (n % 2000 === 0) progress(Math.round(total / 2 + (n / Math.max(1, pending.length)) * (total / 2)), total);
    counts.rows++;
    const { rowNo, raw, values, present, failed, mapped, rowProblems } = p;
    const before = p.key !== null ? existing.get(p.key) : undefined;
    const merged = before
      ? {
          ...sheet.inputOf(before),
          ...Object.fromEntries(Object.entries(mapped).filter(([k]) => k !== 'id' && k !== 'version')),
        }
      : mapped;
    const parsed = before ? sheet.schema.safeParse(merged) : p.probe; // a new row was checked already
    if (!parsed.success) {
      const fieldOf = (k: string) => (sheet.fields.find((f) => f.key === k) ?? byInputKey.get(k))?.key ?? k;
      const reported = new Set(rowProblems.map((rp) => fieldOf(rp.field)));
      for (const issue of fieldIssuesFromZod(parsed.error.issues)) {
        const field = String(issue.path[0] ?? '');
        // An unknown line is one problem, not also "line missing".
        if (!reported.has(fieldOf(field))) rowProblems.push({ field, message: issue.message, params: issue.params });
      }
    }
    const input = parsed.success ? (parsed.data as Record<string, unknown>) : merged;
    if (parsed.success) sheet.check?.(input, before, rowProblems, lookups);
    if (parsed.success && rowProblems.length === 0 && failed.size === 0) {
      const key = sheet.keyOf(input);
      const first = firstRowOfKey.get(key);
      if (first !== undefined)
        rowProblems.push({ field: sheet.fields[0]!.key, message: 'import.duplicateRow', params: { row: first } });
      else firstRowOfKey.set(key, rowNo);
    }
    for (const rp of rowProblems) {
      if (failed.has(rp.field)) continue; // already reported as unreadable
      const f = sheet.fields.find((x) => x.key === rp.field) ?? byInputKey.get(rp.field);
      const col = f ? mapping[f.key] : null;
      add(rowNo, rp, col !== null && col !== undefined ? cellText(raw[col] ?? null) : undefined);
    }
    if (rowProblems.length > 0 || failed.size > 0) continue;
    if (
      before &&
      isDeepStrictEqual(
        normalise(sheet.schema.parse(sheet.inputOf(before)) as Record<string, unknown>),
        normalise(input),
      )
    ) {
      counts.unchanged++;
      continue;
    }
    if (before) counts.updated++;
    else counts.created++;
    accepted.push({ row: rowNo, input, existing: before });
    if (sample.length < 5)
      sample.push(
        Object.fromEntries(sheet.fields.filter((f) => present.has(f.key)).map((f) => [f.key, display(values[f.key])])),
      );
  }
  progress(total, total);
  const refused = [...faults.entries()]
    .sort(([a], [b]) => a - b)
    .map(([row, list]) => ({ row, raw: rows[row - 1] ?? [], problems: list }));
  return { preview: previewOf(counts, sample, []), accepted, refused, headerCells };

  function previewOf(c: typeof counts, sampleRows: Record<string, string>[], missing: string[]): ImportPreview {
    return {
      sheet: sheet.name,
      fileName,
      headerRow: headerRow + 1,
      headers,
      fields: sheet.fields.map((f) => ({ key: f.key, label: f.label, required: Boolean(f.required) })),
      mapping,
      foundMapping: found.mapping,
      mappingSource,
      layout,
      layoutRemembered: Boolean(rememberedMapping),
      missingColumns: missing,
      keyRule: sheet.keyRule,
      rowCount: c.rows,
      newCount: c.created,
      updateCount: c.updated,
      unchangedCount: c.unchanged,
      problemCount,
      problemRows: missing.length ? 0 : faults.size,
      creatableProblems,
      rowsFixedByCreating: [...faults.keys()].filter((row) => !otherFaultRows.has(row)).length,
      problemMessages: [...problemMessages].sort(),
      problems: problems.sort((a, b) => a.row - b.row),
      unknownReferences: [...unknown.values()].sort((a, b) => b.rows - a.rows),
      canCreateReferences,
      sample: sampleRows,
    };
  }
}

/** Optional fields: absent, undefined, null and '' all mean "empty". */
function normalise(input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) {
    if (k === 'id' || k === 'version' || v === undefined || v === null || v === '') continue;
    // Lists (townships of a line, skills of a person) compare as sets.
    out[k] = Array.isArray(v) ? v.map((x) => JSON.stringify(x)).sort() : v;
  }
  return out;
}

function display(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join('、');
  return String(v);
}
