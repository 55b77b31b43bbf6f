/**
 * The import part of `npm run bench`: a 100k-row sheet through the real import path (upload,
 * check, one-transaction write in the worker), the write phase against the sqlite3 tool's .import of
 * the same rows, and how grid pages answer while the import runs.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { FILE_CHUNK_BYTES, type JobState } from '../../electron/contract';
import type { Core } from '../../electron/core';

const SPECIES = ['杨树', '柳树', '桉树', '毛竹', '杉树', '松树', '香樟', '泡桐'];
const ACTIONS = ['修剪', '砍伐', '移栽'];

async function makeSheet(file: string, rows: number, lines: string[]) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet('台账');
  ws.addRow(['某县供电公司 树障隐患台账（基准测试）']).commit();
  ws.addRow([
    '线路',
    '杆号区段',
    '户主',
    '树种',
    '株数',
    '垂直距离(m)',
    '水平距离(m)',
    '处理方式',
    '计划日期',
    '备注',
  ]).commit();
  const plannedOn = [0, 1].map((d) => {
    const day = new Date(Date.now() + d * 86_400_000);
    return `${day.getFullYear()}/${day.getMonth() + 1}/${day.getDate()}`;
  });
  for (let i = 0; i < rows; i++) {
    // Towers from #5000 up: keys the demo county does not use, so every row is new.
    const tower = 5000 + Math.floor(i / (lines.length * SPECIES.length));
    ws.addRow([
      lines[i % lines.length],
      `#${tower}–#${tower + 1}`,
      `户主${i % 977}`,
      SPECIES[Math.floor(i / lines.length) % SPECIES.length],
      1 + (i % 30),
      (i % 80) / 10,
      i % 3 === 0 ? (i % 50) / 10 : null,
      ACTIONS[i % 3],
      // Planned within the next days: a near tree (emergency) must be dealt with by tomorrow, whatever day the bench runs.
      plannedOn[i % plannedOn.length],
      i % 10 === 0 ? '临近民房' : null,
    ]).commit();
  }
  await ws.commit();
  await wb.commit();
}

async function job(core: Core, token: string, jobId: string, during?: () => Promise<void>): Promise<JobState> {
  for (;;) {
    const s = (await core.dispatch('jobs.get', { jobId }, { token })) as JobState;
    if (s.status !== 'running') return s;
    if (during) await during();
    else await new Promise((r) => setTimeout(r, 20));
  }
}

export interface ImportFigures {
  rows: number;
  totalMs: number;
  uploadMs: number;
  analyseMs: number;
  readMs: number;
  checkMs: number;
  writeMs: number;
  sqlite3ImportMs: number;
  pageIdle: number[];
  pageDuring: number[];
}

export async function benchImport(core: Core, token: string, dir: string, rows: number): Promise<ImportFigures> {
  const options = (await core.dispatch('reference.options', {}, { token })) as { lines: { name: string }[] };
  // The sheet's spans lie past the demo county's last towers (#5000 up, so every row is new): its
  // lines carry no tower count here, as lines entered before counts existed do.
  const counts = new Database(core.file);
  counts.prepare('update lines set tower_count = null').run();
  counts.close();
  const sheetFile = path.join(dir, 'import-100k.xlsx');
  await makeSheet(
    sheetFile,
    rows,
    options.lines.map((l) => l.name),
  );
  const bytes = (await import('node:fs')).readFileSync(sheetFile);

  // Baseline database: the same file as it is now, for sqlite3's .import.
  const copy = path.join(dir, 'baseline.sqlite');
  const src = new Database(core.file);
  await src.backup(copy);
  const maxBefore = (src.prepare('select max(id) as m from vegetation_records').get() as { m: number }).m;
  src.close();

  const page = async () => {
    const t0 = performance.now();
    await core.dispatch('vegetation.list', { startRow: 500, endRow: 600, grades: ['major'] }, { token });
    return performance.now() - t0;
  };
  const pageIdle: number[] = [];
  for (let i = 0; i < 20; i++) pageIdle.push(await page());

  const t0 = performance.now();
  let uploadId: string | undefined;
  for (let offset = 0; offset < bytes.length; offset += FILE_CHUNK_BYTES) {
    const chunk = bytes.subarray(offset, offset + FILE_CHUNK_BYTES);
    const r = (await core.dispatch(
      'files.upload',
      {
        uploadId,
        name: 'import-100k.xlsx',
        offset,
        data: chunk.toString('base64'),
        done: offset + chunk.length >= bytes.length,
      },
      { token },
    )) as { fileId: string };
    uploadId = r.fileId;
  }
  const uploadMs = performance.now() - t0;
  const t1 = performance.now();
  const analysed = await job(
    core,
    token,
    ((await core.dispatch('excel.analyse', { sheet: 'vegetation', fileId: uploadId }, { token })) as { jobId: string })
      .jobId,
  );
  const analyseMs = performance.now() - t1;
  if (analysed.result?.kind !== 'excel.analyse' || analysed.result.preview.problemCount > 0)
    throw new Error(
      `bench sheet did not check clean: ${JSON.stringify(analysed.result?.kind === 'excel.analyse' ? analysed.result.preview.problems.slice(0, 3) : analysed.error)}`,
    );
  const pageDuring: number[] = [];
  const committed = await job(
    core,
    token,
    (
      (await core.dispatch(
        'excel.commit',
        { sheet: 'vegetation', fileId: uploadId, mapping: analysed.result.preview.mapping },
        { token },
      )) as { jobId: string }
    ).jobId,
    async () => {
      pageDuring.push(await page());
      await new Promise((r) => setTimeout(r, 10));
    },
  );
  const totalMs = performance.now() - t0;
  if (committed.result?.kind !== 'excel.commit') throw new Error(`import failed: ${JSON.stringify(committed.error)}`);
  const { timings, created } = committed.result.outcome;

  // The same rows as CSV, straight from what the import wrote, for sqlite3's .import.
  const db = new Database(core.file, { readonly: true });
  const columns = (db.prepare('pragma table_info(vegetation_records)').all() as { name: string }[])
    .map((c) => c.name)
    .filter((c) => c !== 'id');
  const quote = (v: unknown) =>
    v === null ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v);
  const lines = [columns.join(',')];
  for (const r of db
    .prepare(`select ${columns.join(',')} from vegetation_records where id > ?`)
    .raw()
    .iterate(maxBefore))
    lines.push((r as unknown[]).map(quote).join(','));
  db.close();
  const csv = path.join(dir, 'import-100k.csv');
  writeFileSync(csv, lines.join('\n'));
  const script = `.import --csv ${csv} import_rows\ninsert into vegetation_records (${columns.join(',')}) select ${columns.map((c) => `nullif(${c}, '')`).join(',')} from import_rows;\n`;
  const t2 = performance.now();
  execFileSync('sqlite3', [copy], {
    input: `pragma journal_mode=wal;\npragma synchronous=full;\nbegin;\n${script}commit;\n`,
  });
  const sqlite3ImportMs = performance.now() - t2;

  return {
    rows: created,
    totalMs,
    uploadMs,
    analyseMs,
    readMs: timings.readMs,
    checkMs: timings.checkMs,
    writeMs: timings.writeMs,
    sqlite3ImportMs,
    pageIdle,
    pageDuring,
  };
}
