import { z } from 'zod';
import { LEDGER_EDITORS, EVERYONE, command, query } from './method';
import { fileId } from './files';

/** Ledgers that can be imported from and exported to Excel. Each has a sheet in the core. */
export const SHEET_NAMES = [
  'vegetation',
  'lines',
  'townships',
  'villages',
  'teams',
  'staff',
  'equipment',
  'lightningDevices',
  'towers',
] as const;
export const sheetName = z.enum(SHEET_NAMES);
export type SheetName = z.infer<typeof sheetName>;

/** Which sheet column feeds which field: field key → column index (0-based) or null for "not imported". */
export const columnMapping = z.record(z.string().max(40), z.number().int().min(0).max(500).nullable());
export type ColumnMapping = z.infer<typeof columnMapping>;

export const importProblem = z.object({
  /** Row number as Excel shows it (1-based). */
  row: z.number().int(),
  /** The column's header in the sheet, or the field label when the column is missing. */
  column: z.string(),
  field: z.string(),
  /** i18n key and its parameters. */
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  value: z.string().optional(),
});
export type ImportProblem = z.infer<typeof importProblem>;

export const MAX_LISTED_PROBLEMS = 1000;

/** A name a sheet uses that the reference data lacks (a township, a village, a team, a line). */
export const unknownReference = z.object({
  kind: z.enum(['line', 'township', 'village', 'team']),
  name: z.string(),
  /** For a village: the township the rows name for it (a village is created in it). */
  township: z.string().nullable(),
  /** How many rows name it. */
  rows: z.number().int(),
  /** Whether the import can create it: not lines (they need voltage and conductor), not a village without a township. */
  creatable: z.boolean(),
});
export type UnknownReference = z.infer<typeof unknownReference>;

export const importPreview = z.object({
  sheet: sheetName,
  fileName: z.string(),
  /** 1-based row of the header; rows above it (titles) are skipped. */
  headerRow: z.number().int(),
  headers: z.array(z.string()),
  fields: z.array(z.object({ key: z.string(), label: z.string(), required: z.boolean() })),
  mapping: columnMapping,
  /** What the importer proposed from the headers alone (the mapping 'found'). */
  foundMapping: columnMapping,
  /** Where `mapping` came from: the headers, a layout the office mapped by hand before, or this request. */
  mappingSource: z.enum(['found', 'remembered', 'chosen']),
  /** The sheet's layout (its set of headers), under which a hand-made mapping is remembered. */
  layout: z.string(),
  /** Whether the office has a remembered mapping for this layout. */
  layoutRemembered: z.boolean(),
  /** Required fields no column is mapped to: rows are not checked until they are. */
  missingColumns: z.array(z.string()),
  /** i18n key describing what decides that a sheet row is a record already in the ledger. */
  keyRule: z.string(),
  rowCount: z.number().int(),
  newCount: z.number().int(),
  updateCount: z.number().int(),
  unchangedCount: z.number().int(),
  problemCount: z.number().int(),
  /** How many rows have at least one problem (what 只导入无误的行 leaves out). */
  problemRows: z.number().int(),
  /** Problems that creating the missing townships, villages and teams would fix, and the rows that would then be clean. */
  creatableProblems: z.number().int(),
  rowsFixedByCreating: z.number().int(),
  /** The message keys of all problems, listed or not (the refused-rows sheet is written with their texts). */
  problemMessages: z.array(z.string()),
  /** The first MAX_LISTED_PROBLEMS problems, in sheet order. */
  problems: z.array(importProblem),
  unknownReferences: z.array(unknownReference),
  /** Whether this user may create the missing townships, villages and teams in the import. */
  canCreateReferences: z.boolean(),
  /** A few converted rows, to check the mapping by eye. */
  sample: z.array(z.record(z.string(), z.string())),
});
export type ImportPreview = z.infer<typeof importPreview>;

export const importOutcome = z.object({
  sheet: sheetName,
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Rows left out (只导入无误的行), and the sheet that hands them back with their problems. */
  refused: z.number().int(),
  refusedFile: z.object({ fileId, name: z.string() }).nullable(),
  /** Reference rows the import created for names the sheet used. */
  createdReferences: z.object({ townships: z.number().int(), villages: z.number().int(), teams: z.number().int() }),
  /** Where the time went: reading the file, checking the rows, writing them (the benchmark prints these). */
  timings: z.object({ readMs: z.number(), checkMs: z.number(), writeMs: z.number() }),
});
export type ImportOutcome = z.infer<typeof importOutcome>;
export const exportOutcome = z.object({ fileId, name: z.string(), rows: z.number().int() });

const started = z.object({ jobId: z.string() });

export const excelMethods = {
  /** An empty sheet to fill in: Chinese headers, one example row, drop-down lists for fixed values. */
  'excel.template': query(EVERYONE, z.object({ sheet: sheetName }), z.object({ fileId, name: z.string() })),
  /** Reads the uploaded file and checks every row; nothing is written. Runs as a job. */
  'excel.analyse': query(
    LEDGER_EDITORS,
    z.object({ sheet: sheetName, fileId, mapping: columnMapping.optional() }),
    started,
  ),
  /** Checks again and, only if no row has a problem, writes all rows in one transaction. Runs as a job. */
  'excel.commit': command(
    LEDGER_EDITORS,
    z.object({
      sheet: sheetName,
      fileId,
      mapping: columnMapping,
      /** 'all': every row or none (the default); 'valid': the rows without problems, the rest handed back in a sheet. */
      rows: z.enum(['all', 'valid']).default('all'),
      /** Create the townships, villages and teams the sheet names and the ledger lacks, in the same transaction. */
      createReferences: z.boolean().default(false),
      /** The user's wording of each problem message (i18n key → template with {{params}}), for the refused-rows sheet. */
      problemTexts: z
        .record(z.string().max(100), z.string().max(500))
        .refine((r) => Object.keys(r).length <= 300, { error: 'validation.too_big' })
        .optional(),
    }),
    started,
  ),
  /** Forgets the office's remembered mapping for a layout: the next file of it is mapped from its headers again. */
  'excel.forgetLayout': command(
    LEDGER_EDITORS,
    z.object({ sheet: sheetName, layout: z.string().max(64) }),
    z.object({ forgotten: z.boolean() }),
  ),
  /**
   * The grid as the user sees it: the list method's filters and sort, the visible columns in order
   * with the headers shown. Streams to an .xlsx file; runs as a job.
   */
  'excel.export': query(
    EVERYONE,
    z.object({
      sheet: sheetName,
      list: z.record(z.string(), z.unknown()),
      columns: z
        .array(z.object({ colId: z.string().max(64), header: z.string().max(100) }))
        .min(1)
        .max(60),
      language: z.enum(['zh-CN', 'en']).default('zh-CN'),
    }),
    started,
  ),
} as const;
