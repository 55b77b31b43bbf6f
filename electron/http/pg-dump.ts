import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const EXE = process.platform === 'win32' ? 'pg_dump.exe' : 'pg_dump';

/** Where PostgreSQL's client tools are usually installed, newest first. */
function installedBins(): string[] {
  const roots =
    process.platform === 'win32'
      ? [path.join(process.env.ProgramFiles ?? 'C:\\Program Files', 'PostgreSQL')]
      : ['/usr/lib/postgresql'];
  return roots.filter(existsSync).flatMap((root) =>
    readdirSync(root)
      .sort((a, b) => Number(b) - Number(a))
      .map((v) => path.join(root, v, 'bin')),
  );
}

/**
 * pg_dump: in the folder the config names (only there, when named), else on PATH, else where
 * PostgreSQL installs it. Null when there is none.
 */
export function findPgDump(pgBin?: string): string | null {
  if (pgBin) return existsSync(path.join(pgBin, EXE)) ? path.join(pgBin, EXE) : null;
  const which = spawnSync(
    process.platform === 'win32' ? 'where' : 'sh',
    process.platform === 'win32' ? [EXE] : ['-c', `command -v ${EXE}`],
    { encoding: 'utf8' },
  );
  if (which.status === 0 && which.stdout.trim()) return which.stdout.trim().split(/\r?\n/)[0]!;
  for (const bin of installedBins()) if (existsSync(path.join(bin, EXE))) return path.join(bin, EXE);
  return null;
}

/**
 * A custom-format dump of the server's database (restored with pg_restore), written before the
 * server upgrades its tables. The password goes by environment, not on the command line other
 * users of the machine can read.
 */
export function dumpDatabase(
  pgDump: string,
  connectionString: string,
  folder: string,
  reason: string,
  now = new Date(),
): string {
  mkdirSync(folder, { recursive: true });
  const url = new URL(connectionString);
  const password = decodeURIComponent(url.password);
  url.password = '';
  const stamp = `${now.getFullYear()}${String(now.getMonth() + 1).padStart(2, '0')}${String(now.getDate()).padStart(2, '0')}-${[now.getHours(), now.getMinutes(), now.getSeconds()].map((n) => String(n).padStart(2, '0')).join('')}`;
  const file = path.join(folder, `griddesk-${stamp}-${reason}.dump`);
  const run = spawnSync(pgDump, ['--format=custom', `--file=${file}`, `--dbname=${url.toString()}`], {
    encoding: 'utf8',
    env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
  });
  if (run.status !== 0 || !existsSync(file) || statSync(file).size === 0)
    throw new Error(`pg_dump 失败：${(run.stderr || run.error?.message || '').trim()}`);
  return file;
}
