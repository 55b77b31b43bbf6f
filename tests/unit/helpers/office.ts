import type { ImportPreview, JobState, SheetName } from '../../../electron/contract';
import type { TestCore } from './core';
import { uploadFile, waitForJob } from './files';
import { FIXTURE_LINES, FIXTURE_TOWNSHIPS } from '../../fixtures/excel/make-fixtures';

/** The lines and townships the fixture sheets name. */
export async function seedFixtureReference(t: TestCore): Promise<void> {
  const ids = [];
  for (const name of FIXTURE_TOWNSHIPS) ids.push((await t.call('townships.save', { name }, t.adminToken)).id);
  for (const name of FIXTURE_LINES)
    await t.call(
      'lines.save',
      { name, voltage: '10', conductor: 'bare', areaType: 'rural', townshipIds: ids },
      t.adminToken,
    );
}

export async function analyse(
  t: TestCore,
  sheet: SheetName,
  bytes: Buffer,
  name = 'sheet.xlsx',
  token = t.adminToken,
): Promise<{ fileId: string; state: JobState; preview: ImportPreview }> {
  const fileId = await uploadFile(t, bytes, name, token);
  const { jobId } = await t.call('excel.analyse', { sheet, fileId }, token);
  const state = await waitForJob(t, jobId, token);
  const preview = state.result?.kind === 'excel.analyse' ? state.result.preview : (undefined as never);
  return { fileId, state, preview };
}

export async function importSheet(
  t: TestCore,
  sheet: SheetName,
  bytes: Buffer,
  name = 'sheet.xlsx',
  token = t.adminToken,
) {
  const a = await analyse(t, sheet, bytes, name, token);
  if (a.state.status !== 'done') return { analysed: a, committed: a.state };
  const { jobId } = await t.call('excel.commit', { sheet, fileId: a.fileId, mapping: a.preview.mapping }, token);
  return { analysed: a, committed: await waitForJob(t, jobId, token) };
}
