import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ImportProblem, MethodName, SheetName } from '../../contract';
import type { DB } from '../db/schema';

export type FieldKind = 'text' | 'integer' | 'number' | 'date' | 'boolean' | 'enum' | 'lookup' | 'lookupList';

/** One column of a ledger's sheet: what it is called, how a cell becomes a value. */
export interface SheetField {
  /** Key in the sheet's values; for lookups the name, resolved to an id by the sheet. */
  key: string;
  /** Label key in SHEET_LABELS ('vegetation.line'): the Chinese header, and the English one. */
  label: string;
  kind: FieldKind;
  /** For enums: the allowed values and where their labels are ('vegetation.statuses'). */
  values?: readonly string[];
  valueLabels?: string;
  required?: boolean;
  /** The template's example row. */
  example: string | number | boolean | null;
  /** Other header spellings met in real sheets. */
  aliases?: string[];
  /** The save input's field that an error on this column is reported under (lineId for line). */
  inputKey?: string;
  width?: number;
}

export interface SheetContext {
  db: Kysely<DB>;
  /** The same connection without Kysely, for prepared statements on bulk paths (inside db's transaction). */
  sqlite?: import('better-sqlite3').Database;
  now: Date;
  today: string;
  user: { id: number; username: string };
}

export type RowProblem = Pick<ImportProblem, 'field' | 'message' | 'params'>;

export interface SheetRow<Existing> {
  /** Excel row number. */
  row: number;
  input: Record<string, unknown>;
  existing: Existing | undefined;
}

/** Export: how one grid column's value goes into a cell. */
export interface ExportColumn<Row> {
  kind: 'text' | 'number' | 'date' | 'enum' | 'boolean';
  valueLabels?: string;
  value?: (row: Row, lang: 'zh-CN' | 'en') => unknown;
  width?: number;
}

/**
 * A ledger's spreadsheet: its columns, how sheet rows match records already in the ledger, and
 * how rows are written. Each module declares one; the importer, template and export are shared.
 */
export interface LedgerSheet<Lookups = unknown, Existing = unknown, Row = unknown> {
  name: SheetName;
  /** The save method whose roles may import this sheet, and whose input schema checks each row. */
  saveMethod: MethodName;
  schema: z.ZodType;
  fields: SheetField[];
  /** Columns that depend on the office's settings (staff's skills): replaces `fields` when present. */
  fieldsFor?(ctx: SheetContext): Promise<SheetField[]>;
  /** i18n key: what decides that a sheet row is a record already in the ledger. */
  keyRule: string;
  loadLookups(ctx: SheetContext): Promise<Lookups>;
  /** Live names for a lookup column's drop-down in the template. */
  lookupNames?(lookups: Lookups, field: string): string[];
  /** The cells (converted by kind) as a save input; lookups resolved by name. */
  toInput(values: Record<string, unknown>, lookups: Lookups, problems: RowProblem[]): Record<string, unknown>;
  /** The natural key of a checked input. */
  keyOf(input: Record<string, unknown>): string;
  /** The records already in the ledger under these keys. */
  loadExisting(ctx: SheetContext, lookups: Lookups, keys: string[]): Promise<Map<string, Existing>>;
  /** A record already in the ledger as a save input: unmapped columns keep these values. */
  inputOf(existing: Existing): Record<string, unknown>;
  /** Rules beyond the schema that depend on the record's current state. */
  check?(
    input: Record<string, unknown>,
    existing: Existing | undefined,
    problems: RowProblem[],
    lookups: Lookups,
  ): void;
  write(
    ctx: SheetContext,
    rows: SheetRow<Existing>[],
    lookups: Lookups,
    progress: (done: number) => void,
  ): Promise<{ created: number; updated: number }>;
  /** Export: the grid's list input schema and its rows, streamed in the grid's order. */
  listSchema: z.ZodType;
  rows(ctx: SheetContext, list: unknown): AsyncIterable<Row>;
  /** How many rows the export will write (for its progress bar). */
  count(ctx: SheetContext, list: unknown): Promise<number>;
  exportColumns: Record<string, ExportColumn<Row>>;
}
