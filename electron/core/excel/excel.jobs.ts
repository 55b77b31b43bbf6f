import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import {
  ApiError,
  type ColumnMapping,
  type ImportPreview,
  type JobResult,
  type LabelLanguage,
  type SheetName,
} from '../../contract';
import { isWriteContention } from '../db/dialect';
import type { SheetContext } from './sheet';
import { exportSheet } from './exporter';
import { analyseRows } from './importer';
import { createMissingReferences } from './missing-references';
import { writeRefusedRows, type ProblemTexts } from './refused-rows';
import { byHeader, forgetLayout, loadLayouts, rememberLayout } from './layouts';
import { readSheet, type RawRow } from './read-sheet';
import { sheetFor, sheetOf } from './sheets';

export type Progress = (phase: string, done: number, total: number) => void;

export interface ImportParams {
  sheet: SheetName;
  path: string;
  fileName: string;
  mapping?: ColumnMapping;
  /** Whether the user may create missing townships, villages and teams (their role may save them). */
  mayCreateReferences: boolean;
}

export interface CommitParams extends ImportParams {
  mapping: ColumnMapping;
  rows: 'all' | 'valid';
  createReferences: boolean;
  problemTexts: ProblemTexts;
  /** Where the refused rows go (rows 'valid'), reserved for the user by the handler. */
  refused: { path: string; fileId: string; name: string } | null;
}

export interface ExportParams {
  sheet: SheetName;
  list: unknown;
  columns: { colId: string; header: string }[];
  language: LabelLanguage;
  outputPath: string;
  fileId: string;
  name: string;
}

async function readRows(params: ImportParams, progress: Progress) {
  progress('jobs.phase.reading', 0, 0);
  const t0 = performance.now();
  const rows = await readSheet(readFileSync(params.path), (n) => progress('jobs.phase.reading', n, 0));
  return { rows, readMs: performance.now() - t0 };
}

async function analyse(params: ImportParams, rows: RawRow[], ctx: SheetContext, progress: Progress) {
  const t0 = performance.now();
  const remembered = await loadLayouts(ctx.db, params.sheet);
  const sheet = await sheetFor(params.sheet, ctx);
  const analysis = await analyseRows(
    sheet,
    rows,
    params.fileName,
    params.mapping,
    ctx,
    (d, t) => progress('jobs.phase.checking', d, t),
    remembered,
    params.mayCreateReferences,
  );
  return { ...analysis, checkMs: performance.now() - t0 };
}

/**
 * A mapping chosen by hand is remembered for the sheet's layout, for everyone; one that is what
 * the headers give anyway needs no memory (a remembered one for the layout is dropped).
 */
async function keepLayout(ctx: SheetContext, preview: ImportPreview) {
  const same = preview.fields.every((f) => (preview.mapping[f.key] ?? null) === (preview.foundMapping[f.key] ?? null));
  if (same) {
    if (preview.layoutRemembered) await forgetLayout(ctx.db, preview.sheet, preview.layout);
    return;
  }
  await rememberLayout(
    ctx.db,
    preview.sheet,
    preview.layout,
    byHeader(preview.headers, preview.mapping),
    ctx.user.username,
    ctx.now.toISOString(),
  );
}

const NO_REFERENCES = { townships: 0, villages: 0, teams: 0 };

export const EXCEL_JOBS = {
  'excel.analyse': async (params: ImportParams, ctx: SheetContext, progress: Progress): Promise<JobResult> => {
    const { rows } = await readRows(params, progress);
    const { preview } = await analyse(params, rows, ctx, progress);
    return { kind: 'excel.analyse', preview };
  },

  /**
   * Checks every row again and writes them in one transaction: all of them or none (one bad row, a
   * cancel or a crash leaves the ledger exactly as it was), or — when asked — the rows without
   * problems, handing the others back in a sheet. Missing townships, villages and teams are
   * created first in the same transaction when asked.
   */
  'excel.commit': async (params: CommitParams, ctx: SheetContext, progress: Progress): Promise<JobResult> => {
    const sheet = sheetOf(params.sheet);
    const { rows, readMs } = await readRows(params, progress);
    for (let attempt = 1; ; attempt++) {
      try {
        return await ctx.db.connection().execute(async (conn) => {
          await sql`begin`.execute(conn);
          try {
            const tctx = { ...ctx, db: conn };
            let analysis = await analyse(params, rows, tctx, progress);
            let createdReferences = NO_REFERENCES;
            if (params.createReferences && analysis.preview.unknownReferences.some((r) => r.creatable)) {
              if (!params.mayCreateReferences) throw new ApiError({ code: 'FORBIDDEN', message: 'errors.forbidden' });
              createdReferences = await createMissingReferences(tctx, analysis.preview.unknownReferences);
              analysis = await analyse(params, rows, tctx, progress);
            }
            const { preview, accepted, refused, headerCells, checkMs } = analysis;
            if (preview.missingColumns.length > 0)
              throw new ApiError({
                code: 'RULE',
                message: 'import.hasProblems',
                params: { count: preview.problemCount },
              });
            if (params.rows === 'all' && preview.problemCount > 0)
              throw new ApiError({
                code: 'RULE',
                message: 'import.hasProblems',
                params: { count: preview.problemCount },
              });
            const t0 = performance.now();
            const { created, updated } = await sheet.write(tctx, accepted, await sheet.loadLookups(tctx), (d) =>
              progress('jobs.phase.writing', d, accepted.length),
            );
            await keepLayout(tctx, preview);
            let refusedFile: { fileId: string; name: string } | null = null;
            if (params.rows === 'valid' && refused.length > 0 && params.refused) {
              await writeRefusedRows(
                params.refused.path,
                headerCells,
                preview.mapping,
                refused,
                params.problemTexts,
                params.problemTexts['import.problem'] ?? '问题',
              );
              refusedFile = { fileId: params.refused.fileId, name: params.refused.name };
            }
            await sql`commit`.execute(conn);
            const timings = { readMs, checkMs, writeMs: performance.now() - t0 };
            return {
              kind: 'excel.commit',
              outcome: {
                sheet: params.sheet,
                created,
                updated,
                unchanged: preview.unchangedCount,
                refused: refused.length,
                refusedFile,
                createdReferences,
                timings,
              },
            } satisfies JobResult;
          } catch (err) {
            await sql`rollback`.execute(conn);
            throw err;
          }
        });
      } catch (err) {
        // Someone saved a record while the sheet was being checked: check again on the new data.
        if (isWriteContention(err) && attempt < 3) continue;
        throw err;
      }
    }
  },

  'excel.export': async (params: ExportParams, ctx: SheetContext, progress: Progress): Promise<JobResult> => {
    const sheet = sheetOf(params.sheet);
    const parsed = sheet.listSchema.safeParse({ ...(params.list as object), startRow: 0, endRow: 1 });
    if (!parsed.success) throw new ApiError({ code: 'VALIDATION', message: 'errors.validation' });
    const rows = await exportSheet(sheet, { ...params, list: parsed.data }, ctx, (d, t) =>
      progress('jobs.phase.exporting', d, t),
    );
    return { kind: 'excel.export', outcome: { fileId: params.fileId, name: params.name, rows } };
  },
};
