import { writeFileSync } from 'node:fs';
import { ApiError, allows, contract, labelAt, type Role, type SheetName } from '../../contract';
import type { HandlerContext, Handlers } from '../context';
import { currentUser } from '../context';
import type { CommitParams, ExportParams, ImportParams } from './excel.jobs';
import { own } from '../shared/own';
import { sheetFor, sheetOf } from './sheets';
import { buildTemplate } from './template';
import { forgetLayout } from './layouts';

type ExcelMethods =
  | 'excel.template'
  | 'excel.analyse'
  | 'excel.commit'
  | 'excel.forgetLayout'
  | 'excel.export'
  | 'jobs.get'
  | 'jobs.cancel';

/** Importing writes the ledger: only roles that may save its records may import it. */
function mayImport(ctx: HandlerContext, sheet: SheetName) {
  const user = currentUser(ctx);
  if (!allows(contract[sheetOf(sheet).saveMethod].access, user.role))
    throw new ApiError({ code: 'FORBIDDEN', message: 'errors.forbidden' });
  return user;
}

/** Creating missing townships, villages and teams in an import needs the right to save each of them. */
const mayCreateReferences = (role: Role) =>
  (['townships.save', 'villages.save', 'teams.save'] as const).every((m) => allows(contract[m].access, role));

function sheetTitle(sheet: SheetName): string {
  const t = labelAt('zh-CN', `import.titles.${sheet}`);
  return typeof t === 'string' ? t : sheet;
}

const stamp = (d: Date) => d.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');

export const excelHandlers: Handlers<ExcelMethods> = {
  'excel.template': async (input, ctx) => {
    const user = currentUser(ctx);
    const sctx = { db: ctx.db, now: ctx.now, today: ctx.today, user: { id: user.userId, username: user.username } };
    const buf = await buildTemplate(await sheetFor(input.sheet, sctx), sctx);
    const name = `${sheetTitle(input.sheet)}导入模板.xlsx`;
    const file = ctx.runtime.files.reserve(user.userId, name);
    writeFileSync(file.path, buf);
    return { fileId: ctx.runtime.files.publish(file).id, name };
  },

  'excel.analyse': async (input, ctx) => {
    const user = mayImport(ctx, input.sheet);
    const file = ctx.runtime.files.get(input.fileId, user.userId);
    const params: ImportParams = {
      sheet: input.sheet,
      path: file.path,
      fileName: file.name,
      mayCreateReferences: mayCreateReferences(user.role),
      ...(input.mapping ? { mapping: input.mapping } : {}),
    };
    return { jobId: ctx.runtime.jobs.start('excel.analyse', params, { id: user.userId, username: user.username }) };
  },

  'excel.commit': async (input, ctx) => {
    const user = mayImport(ctx, input.sheet);
    const file = ctx.runtime.files.get(input.fileId, user.userId);
    if (input.createReferences && !mayCreateReferences(user.role))
      throw new ApiError({ code: 'FORBIDDEN', message: 'errors.forbidden' });
    const refusedName = `${file.name.replace(/\.(xlsx|csv)$/i, '')}-未导入的行.xlsx`;
    const refused = input.rows === 'valid' ? ctx.runtime.files.reserve(user.userId, refusedName) : null;
    const params: CommitParams = {
      sheet: input.sheet,
      path: file.path,
      fileName: file.name,
      mapping: input.mapping,
      mayCreateReferences: mayCreateReferences(user.role),
      rows: input.rows,
      createReferences: input.createReferences,
      problemTexts: input.problemTexts ?? {},
      refused: refused ? { path: refused.path, fileId: refused.id, name: refusedName } : null,
    };
    ctx.audit({
      entity: input.sheet,
      entityId: file.name,
      summary: input.rows === 'valid' ? 'import of the rows without problems started' : 'import started',
    });
    const jobId = ctx.runtime.jobs.start(
      'excel.commit',
      params,
      { id: user.userId, username: user.username },
      (result) => {
        if (refused && result.kind === 'excel.commit' && result.outcome.refusedFile) ctx.runtime.files.publish(refused);
        const changed =
          result.kind === 'excel.commit' &&
          result.outcome.createdReferences.townships +
            result.outcome.createdReferences.villages +
            result.outcome.createdReferences.teams >
            0;
        ctx.runtime.changes.record(
          changed ? [input.sheet, 'townships', 'villages', 'teams'] : [input.sheet],
          user.username,
          new Date(),
          ctx.session?.tokenHash ?? null,
        );
      },
    );
    return { jobId };
  },

  'excel.forgetLayout': async (input, ctx) => {
    mayImport(ctx, input.sheet);
    const forgotten = await forgetLayout(ctx.db, input.sheet, input.layout);
    if (forgotten)
      ctx.audit({
        entity: 'import_layouts',
        entityId: input.sheet,
        summary: 'remembered mapping forgotten',
        after: { layout: input.layout },
      });
    return { forgotten };
  },

  'excel.export': async (input, ctx) => {
    const user = currentUser(ctx);
    const sheet = sheetOf(input.sheet);
    const unknown = input.columns.find((c) => !own(sheet.exportColumns, c.colId));
    if (unknown)
      throw new ApiError({
        code: 'VALIDATION',
        message: 'validation.unknown_column',
        issues: [{ path: ['columns'], message: 'validation.unknown_column', params: { column: unknown.colId } }],
      });
    const list = sheet.listSchema.safeParse({ ...input.list, startRow: 0, endRow: 1 });
    if (!list.success)
      throw new ApiError({
        code: 'VALIDATION',
        message: 'errors.validation',
        issues: [{ path: ['list'], message: 'errors.validation' }],
      });
    const name = `${sheetTitle(input.sheet)}-${stamp(ctx.now)}.xlsx`;
    const file = ctx.runtime.files.reserve(user.userId, name);
    const params: ExportParams = {
      sheet: input.sheet,
      list: input.list,
      columns: input.columns,
      language: input.language,
      outputPath: file.path,
      fileId: file.id,
      name,
    };
    const jobId = ctx.runtime.jobs.start('excel.export', params, { id: user.userId, username: user.username }, () =>
      ctx.runtime.files.publish(file),
    );
    return { jobId };
  },

  'jobs.get': async (input, ctx) => ctx.runtime.jobs.get(input.jobId, currentUser(ctx).userId),

  'jobs.cancel': async (input, ctx) => {
    const cancelled = await ctx.runtime.jobs.cancel(input.jobId, currentUser(ctx).userId);
    if (cancelled) ctx.audit({ entity: 'jobs', entityId: input.jobId, summary: 'cancelled' });
    return { cancelled };
  },
};
