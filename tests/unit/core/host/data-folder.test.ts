import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  defaultDataDir,
  moveOldDataFolder,
  prepareDataDir,
  roamingDataDir,
  type Host,
} from '../../../../electron/core/host/data-folder';

const windows = (env: Record<string, string> = {}): Host => ({
  platform: 'win32',
  home: 'C:\\Users\\clerk',
  env: { APPDATA: 'C:\\Users\\clerk\\AppData\\Roaming', LOCALAPPDATA: 'C:\\Users\\clerk\\AppData\\Local', ...env },
});

describe('where the ledgers live', () => {
  it('on Windows: %LOCALAPPDATA%\\GridDesk, never Roaming (which redirection may put on a share)', () => {
    expect(defaultDataDir(windows())).toBe('C:\\Users\\clerk\\AppData\\Local\\GridDesk');
    expect(roamingDataDir(windows())).toBe('C:\\Users\\clerk\\AppData\\Roaming\\GridDesk');
    expect(defaultDataDir({ ...windows(), env: {} })).toBe('C:\\Users\\clerk\\AppData\\Local\\GridDesk');
  });

  it('GRIDDESK_DATA_DIR wins, and then nothing is moved from Roaming', () => {
    expect(defaultDataDir(windows({ GRIDDESK_DATA_DIR: 'D:\\台账' }))).toBe('D:\\台账');
    expect(roamingDataDir(windows({ GRIDDESK_DATA_DIR: 'D:\\台账' }))).toBeNull();
  });

  it('Linux and macOS are unchanged', () => {
    expect(defaultDataDir({ platform: 'linux', home: '/home/a', env: {} })).toBe('/home/a/.config/GridDesk');
    expect(defaultDataDir({ platform: 'darwin', home: '/Users/a', env: {} })).toBe(
      '/Users/a/Library/Application Support/GridDesk',
    );
    expect(roamingDataDir({ platform: 'linux', home: '/home/a', env: {} })).toBeNull();
  });
});

describe('moving an old Roaming folder', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const setUp = () => {
    dir = mkdtempSync(path.join(tmpdir(), 'griddesk-move-'));
    const from = path.join(dir, 'Roaming', 'GridDesk');
    const to = path.join(dir, 'Local', 'GridDesk');
    mkdirSync(path.join(from, 'backups'), { recursive: true });
    writeFileSync(path.join(from, 'griddesk.sqlite'), 'ledger');
    writeFileSync(path.join(from, 'griddesk.sqlite-wal'), 'recent saves');
    writeFileSync(path.join(from, 'backups', 'griddesk-20261201.sqlite'), 'yesterday');
    return { from, to };
  };

  it('moves everything once, and keeps the old folder as the backup with a note', () => {
    const { from, to } = setUp();
    const outcome = moveOldDataFolder(from, to, new Date('2026-12-06T08:00:00Z'));
    expect(outcome).toEqual({ moved: true, from, to, keptAs: `${from}.moved-20261206` });
    expect(readFileSync(path.join(to, 'griddesk.sqlite'), 'utf8')).toBe('ledger');
    expect(readFileSync(path.join(to, 'griddesk.sqlite-wal'), 'utf8')).toBe('recent saves');
    expect(readFileSync(path.join(to, 'backups', 'griddesk-20261201.sqlite'), 'utf8')).toBe('yesterday');
    expect(existsSync(from)).toBe(false);
    expect(readFileSync(path.join(`${from}.moved-20261206`, 'griddesk.sqlite'), 'utf8')).toBe('ledger');
    expect(readFileSync(path.join(`${from}.moved-20261206`, '已迁移-MOVED.txt'), 'utf8')).toContain(to);
    // The next start finds nothing to move.
    expect(moveOldDataFolder(from, to)).toEqual({ moved: false, reason: 'no-old-folder' });
  });

  it('never overwrites ledgers already in the new place', () => {
    const { from, to } = setUp();
    mkdirSync(to, { recursive: true });
    writeFileSync(path.join(to, 'griddesk.sqlite'), 'newer ledger');
    expect(moveOldDataFolder(from, to)).toEqual({ moved: false, reason: 'already-here' });
    expect(readFileSync(path.join(to, 'griddesk.sqlite'), 'utf8')).toBe('newer ledger');
    expect(readFileSync(path.join(from, 'griddesk.sqlite'), 'utf8')).toBe('ledger');
  });

  it('a move cut off half way leaves no half in the new place, and is done whole at the next start', () => {
    const { from, to } = setUp();
    // What an interrupted copy leaves: a partial staging folder, and no target.
    mkdirSync(`${to}.moving`, { recursive: true });
    writeFileSync(path.join(`${to}.moving`, 'griddesk.sqlite'), 'led');
    expect(existsSync(to)).toBe(false);
    const outcome = moveOldDataFolder(from, to);
    expect(outcome.moved).toBe(true);
    expect(readFileSync(path.join(to, 'griddesk.sqlite'), 'utf8')).toBe('ledger');
    expect(existsSync(`${to}.moving`)).toBe(false);
  });

  it('an old folder without a database (never used) is left alone', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'griddesk-move-'));
    const from = path.join(dir, 'Roaming', 'GridDesk');
    mkdirSync(from, { recursive: true });
    writeFileSync(path.join(from, 'window-state.json'), '{}');
    expect(moveOldDataFolder(from, path.join(dir, 'Local', 'GridDesk'))).toEqual({
      moved: false,
      reason: 'no-old-folder',
    });
    expect(readdirSync(from)).toEqual(['window-state.json']);
  });

  it('prepareDataDir uses an explicit folder (--data) as given, leaves Roaming alone, and creates it', () => {
    const { from } = setUp();
    const host: Host = { platform: 'linux', home: dir, env: { XDG_CONFIG_HOME: path.join(dir, 'config') } };
    expect(prepareDataDir(path.join(dir, 'elsewhere'), host)).toBe(path.join(dir, 'elsewhere'));
    expect(existsSync(path.join(dir, 'elsewhere'))).toBe(true);
    expect(existsSync(path.join(from, 'griddesk.sqlite'))).toBe(true);
    expect(prepareDataDir(undefined, host)).toBe(path.join(dir, 'config', 'GridDesk'));
    expect(existsSync(path.join(dir, 'config', 'GridDesk'))).toBe(true);
  });
});
