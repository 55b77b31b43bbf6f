import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { ApiError, type ColumnMapping, type ImportPreview, type JobResult, type LabelLanguage, type SheetName } from '../../contract';
import { isWriteContention } from '../db/dialect';
import type { SheetContext } from './sheet';
import { exportSheet } from './exporter';
import { analyseRows } from './importer';
import { byHeader, forgetLayout, loadLayouts, rememberLayout } from './layouts';
import { readSheet } from './read-sheet';
import { sheetFor, sheetOf } from './sheets';

export type Progress = (phase: string, done: number, total: number) => void;

export interface ImportParams {
  sheet: SheetName;
  path: string;
  fileName: string;
  mapping?: ColumnMapping;
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

async function analyse(params: ImportParams, ctx: SheetContext, progress: Progress) {
  progress('jobs.phase.reading', 0, 0);
  const t0 = performance.now();
  const rows = await readSheet(readFileSync(params.path), (n) => progress('jobs.phase.reading', n, 0));
  const t1 = performance.now();
  const remembered = await loadLayouts(ctx.db, params.sheet);
  const analysis = await analyseRows(await sheetFor(params.sheet, ctx), rows, params.fileName, params.mapping, ctx, (d, t) => progress('jobs.phase.checking', d, t), remembered);
  return { ...analysis, readMs: t1 - t0, checkMs: performance.now() - t1 };
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
  await rememberLayout(ctx.db, preview.sheet, preview.layout, byHeader(preview.headers, preview.mapping), ctx.user.username, ctx.now.toISOString());
}

export const EXCEL_JOBS = {
  'excel.analyse': async (params: ImportParams, ctx: SheetContext, progress: Progress): Promise<JobResult> => {
    const { preview } = await analyse(params, ctx, progress);
    return { kind: 'excel.analyse', preview };
  },

  /**
   * Checks every row again and writes them all in one transaction, or nothing: one bad row, a
   * cancel or a crash leaves the ledger exactly as it was.
   */
  'excel.commit': async (params: ImportParams, ctx: SheetContext, progress: Progress): Promise<JobResult> => {
    const sheet = sheetOf(params.sheet);
    for (let attempt = 1; ; attempt++) {
      try {
        return await ctx.db.connection().execute(async (conn) => {
          await sql`begin`.execute(conn);
          try {
            const tctx = { ...ctx, db: conn };
            const { preview, accepted, readMs, checkMs } = await analyse(params, tctx, progress);
            if (preview.problemCount > 0) throw new ApiError({ code: 'RULE', message: 'import.hasProblems', params: { count: preview.problemCount } });
            const t0 = performance.now();
            const { created, updated } = await sheet.write(tctx, accepted, await sheet.loadLookups(tctx), (d) => progress('jobs.phase.writing', d, accepted.length));
            await keepLayout(tctx, preview);
            await sql`commit`.execute(conn);
            const timings = { readMs, checkMs, writeMs: performance.now() - t0 };
            return { kind: 'excel.commit', outcome: { sheet: params.sheet, created, updated, unchanged: preview.unchangedCount, timings } } satisfies JobResult;
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
    const rows = await exportSheet(sheet, { ...params, list: parsed.data }, ctx, (d, t) => progress('jobs.phase.exporting', d, t));
    return { kind: 'excel.export', outcome: { fileId: params.fileId, name: params.name, rows } };
  },
};
