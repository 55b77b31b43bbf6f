import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What the data folder depends on: passed in so the choice is tested for Windows on any machine. */
export interface Host {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  home: string;
}

export const currentHost = (): Host => ({ platform: process.platform, env: process.env, home: os.homedir() });

const FOLDER = 'GridDesk';
export const DATABASE_FILE = 'griddesk.sqlite';

/**
 * Where the ledgers live. Windows: %LOCALAPPDATA%\GridDesk — never Roaming, which roaming profiles
 * and folder redirection put on a network share, where SQLite's WAL can corrupt the file.
 * GRIDDESK_DATA_DIR overrides it (tests, portable setups).
 */
export function defaultDataDir(host: Host = currentHost()): string {
  if (host.env.GRIDDESK_DATA_DIR) return host.env.GRIDDESK_DATA_DIR;
  if (host.platform === 'win32')
    return path.win32.join(host.env.LOCALAPPDATA ?? path.win32.join(host.home, 'AppData', 'Local'), FOLDER);
  if (host.platform === 'darwin') return path.join(host.home, 'Library', 'Application Support', FOLDER);
  return path.join(host.env.XDG_CONFIG_HOME ?? path.join(host.home, '.config'), FOLDER);
}

/** Where versions before 0.2 kept the ledgers on Windows (Electron's default userData: Roaming). */
export function roamingDataDir(host: Host = currentHost()): string | null {
  if (host.platform !== 'win32' || host.env.GRIDDESK_DATA_DIR) return null;
  return path.win32.join(host.env.APPDATA ?? path.win32.join(host.home, 'AppData', 'Roaming'), FOLDER);
}

export type MoveOutcome =
  | { moved: false; reason: 'no-old-folder' | 'already-here' }
  | { moved: true; from: string; to: string; keptAs: string };

const hasDatabase = (dir: string) => existsSync(path.join(dir, DATABASE_FILE));
const isEmptyOrMissing = (dir: string) => !existsSync(dir) || readdirSync(dir).length === 0;

/**
 * Moves the ledgers from the old folder to the new one, once. The whole old folder is copied to a
 * staging folder beside the target and renamed into place only when complete, so the target never
 * holds half a move; an interrupted copy is thrown away and done again at the next start. The old
 * folder is kept, renamed, as the backup, with a note saying where the data went. Runs before the
 * database is opened and before the single-instance lock, so nothing holds the files.
 */
export function moveOldDataFolder(from: string | null, to: string, now = new Date()): MoveOutcome {
  if (!from || path.resolve(from) === path.resolve(to) || !hasDatabase(from))
    return { moved: false, reason: 'no-old-folder' };
  if (hasDatabase(to) || !isEmptyOrMissing(to)) return { moved: false, reason: 'already-here' };
  const staging = `${to}.moving`;
  rmSync(staging, { recursive: true, force: true });
  cpSync(from, staging, { recursive: true, errorOnExist: true, preserveTimestamps: true });
  rmSync(to, { recursive: true, force: true }); // empty or absent (checked above)
  renameSync(staging, to);
  const stamp = now.toISOString().slice(0, 10).replaceAll('-', '');
  let keptAs = `${from}.moved-${stamp}`;
  for (let n = 2; existsSync(keptAs); n++) keptAs = `${from}.moved-${stamp}-${n}`;
  try {
    renameSync(from, keptAs);
    writeFileSync(
      path.join(keptAs, '已迁移-MOVED.txt'),
      `GridDesk 的台账已于 ${now.toISOString()} 移到 ${to}。\r\n此文件夹是移动前的备份，确认新位置的数据无误后可以删除。\r\nThe ledgers moved to ${to}; this folder is the copy from before the move.\r\n`,
    );
  } catch {
    // Locked by another program: the copy is complete and in use; the old folder simply stays as it was.
    keptAs = from;
  }
  return { moved: true, from, to, keptAs };
}

/**
 * The data folder a process uses: the one it was given, else the default, moving an old Roaming
 * folder there first. Every host (desktop, `npm run serve`, the office server) starts through here.
 */
export function prepareDataDir(
  explicit: string | undefined,
  host: Host = currentHost(),
  log: (line: string) => void = console.log,
): string {
  const dir = explicit ?? defaultDataDir(host);
  if (!explicit) {
    const outcome = moveOldDataFolder(roamingDataDir(host), dir);
    if (outcome.moved) log(`台账已从 ${outcome.from} 移到 ${outcome.to}（原文件夹保留为 ${outcome.keptAs}）`);
  }
  mkdirSync(dir, { recursive: true });
  return dir;
}
