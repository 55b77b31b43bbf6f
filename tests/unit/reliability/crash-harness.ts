import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';

const WORKER = path.resolve(import.meta.dirname, 'crash-worker.ts');

export interface CycleResult {
  acks: string[];
  problems: string[];
}

/** Starts the worker, lets it write for `killAfterMs` after it is ready, then SIGKILLs it. */
export function runUntilKilled(file: string, cycle: number, killAfterMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, file, String(cycle)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acks: string[] = [];
    let buffer = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      let i: number;
      while ((i = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 1);
        if (line === 'READY') timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        else if (line.startsWith('ACK ')) acks.push(line.slice(4));
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve(acks);
      else reject(new Error(`worker ended by itself (cycle ${cycle}): ${stderr.slice(0, 2000)}`));
    });
  });
}

/** Rows in each sheet the crash worker imports. */
export const CRASH_IMPORT_ROWS = 40;

/** What must hold after a kill: the file is sound, every acknowledged write is there, bulk writes are whole. */
export function checkAfterKill(file: string, acks: string[]): string[] {
  const problems: string[] = [];
  const db = new Database(file);
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    for (const a of acks) {
      const [kind, x, y] = a.split(' ');
      if (kind === 'save') {
        const row = db.prepare('select landowner from vegetation_records where id = ?').get(Number(x)) as
          { landowner: string } | undefined;
        if (row?.landowner !== y) problems.push(`acknowledged save ${x} (${y}) missing`);
      }
      if (kind === 'import') {
        const got = db
          .prepare('select count(*) n from vegetation_records where notes = ? and deleted_at is null')
          .get(x) as { n: number };
        if (got.n !== Number(y)) problems.push(`acknowledged import ${x} has ${got.n} of ${y} rows`);
      }
      if (kind === 'bulkdelete') {
        const left = db
          .prepare('select count(*) n from vegetation_records where notes = ? and deleted_at is null')
          .get(x) as { n: number };
        if (left.n > 0) problems.push(`acknowledged bulk delete of ${x} left ${left.n} rows`);
      }
    }
    // Bulk deletes are all-or-nothing: in every batch either no row or every row is in the bin.
    const partial = db
      .prepare(
        'select notes, sum(deleted_at is not null) d, count(*) n from vegetation_records group by notes having d > 0 and d < n',
      )
      .all() as { notes: string; d: number; n: number }[];
    for (const p of partial) problems.push(`bulk delete of ${p.notes} is partial (${p.d}/${p.n})`);
    // Imports are all-or-nothing too, acknowledged or cut off by the kill: no sheet is half in.
    const imports = db
      .prepare("select notes, count(*) n from vegetation_records where notes like 'import-%' group by notes")
      .all() as { notes: string; n: number }[];
    for (const i of imports) if (i.n !== CRASH_IMPORT_ROWS) problems.push(`import ${i.notes} is partial (${i.n} rows)`);
    // A threshold change re-grades everything in its transaction: every basis names the stored value.
    const stored = db.prepare("select value_json from settings where key = 'clearance.10.bare.vertical'").get() as {
      value_json: string;
    };
    const stale = db
      .prepare(
        "select count(*) n from vegetation_records where deleted_at is null and json_extract(hazard_basis_json, '$.settingKey') = 'clearance.10.bare.vertical' and json_extract(hazard_basis_json, '$.minimum') != ?",
      )
      .get(Number(JSON.parse(stored.value_json))) as { n: number };
    if (stale.n > 0) problems.push(`${stale.n} records judged by an old threshold`);
  } finally {
    db.close();
  }
  return problems;
}
