import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StartupState } from '../../../electron/contract';
import { createCore, type Core } from '../../../electron/core';
import { readConnection } from '../../../electron/main/connection';
import { failureCode, runStartup } from '../../../electron/main/startup';
import { PasswordHasher } from '../../../electron/core/accounts/password';
import { TEST_SCRYPT } from '../helpers/core';

/** The desktop's start sequence with the real core on real files: what the start screen is told, in order. */
describe('the start screen’s sequence', () => {
  let dir: string;
  let core: Core | null = null;
  afterEach(async () => {
    await core?.close();
    core = null;
    rmSync(dir, { recursive: true, force: true });
  });
  const run = (file: string, extra: Partial<Parameters<typeof runStartup>[0]> = {}) => {
    const seen: StartupState[] = [];
    const opened = runStartup(
      {
        folder: dir,
        readConnection: () => readConnection(dir),
        open: (step) => createCore({ file, onStartupStep: step, passwords: new PasswordHasher(TEST_SCRYPT) }),
        ...extra,
      },
      (s) => seen.push(s),
    );
    return { seen, opened };
  };

  it('a new file: opening, then the database is made, then ready (no backup of nothing)', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'griddesk-start-'));
    const { seen, opened } = run(path.join(dir, 'griddesk.sqlite'));
    core = (await opened) as Core;
    expect(core).not.toBeNull();
    expect(seen.map((s) => s.phase)).toEqual(['opening', 'migrate', 'ready']);
  });

  it('the next day: ready at once, and the day’s backup is written in the background afterwards', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'griddesk-start-'));
    const file = path.join(dir, 'griddesk.sqlite');
    await (await createCore({ file })).close();
    expect(existsSync(path.join(dir, 'backups'))).toBe(false);
    const { seen, opened } = run(file);
    core = (await opened) as Core;
    expect(seen.map((s) => s.phase)).toEqual(['opening', 'ready']);
    for (
      let i = 0;
      i < 200 &&
      !(
        existsSync(path.join(dir, 'backups')) &&
        readdirSync(path.join(dir, 'backups')).some((n) => n.includes('-daily'))
      );
      i++
    )
      await new Promise((r) => setTimeout(r, 20));
    expect(readdirSync(path.join(dir, 'backups')).filter((n) => n.includes('-daily'))).toHaveLength(1);
  });

  it('a damaged database is a failure the screen explains, with the folder, and nothing is opened', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'griddesk-start-'));
    const file = path.join(dir, 'griddesk.sqlite');
    writeFileSync(file, 'this is a spreadsheet someone renamed, not a database'.repeat(100));
    const { seen, opened } = run(file);
    expect(await opened).toBeNull();
    expect(seen.at(-1)).toMatchObject({ phase: 'failed', failure: { code: 'damaged', folder: dir } });
  });

  it('a damaged connection.json and a data folder that could not be made are named as such', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'griddesk-start-'));
    writeFileSync(path.join(dir, 'connection.json'), '{"mode":"client","server":"http://x"}');
    const broken = run(path.join(dir, 'griddesk.sqlite'));
    expect(await broken.opened).toBeNull();
    expect(broken.seen.at(-1)?.failure?.code).toBe('connection-file');
    const noFolder = run(path.join(dir, 'griddesk.sqlite'), {
      dataFolderError: Object.assign(new Error('EPERM: operation not permitted, mkdir'), { code: 'EPERM' }),
    });
    expect(await noFolder.opened).toBeNull();
    expect(noFolder.seen.map((s) => s.phase)).toEqual(['opening', 'failed']);
    expect(noFolder.seen[1]?.failure).toMatchObject({
      code: 'data-folder',
      detail: 'EPERM: operation not permitted, mkdir',
    });
  });

  it('reads the cause from Node’s and SQLite’s codes, and the migrator’s words for a newer database', () => {
    expect(failureCode(Object.assign(new Error('x'), { code: 'EACCES' }))).toBe('no-permission');
    expect(failureCode(Object.assign(new Error('x'), { code: 'ENOSPC' }))).toBe('disk-full');
    expect(failureCode(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }))).toBe('locked');
    expect(failureCode(new Error('数据库来自更新版本的 GridDesk（未知迁移：0099），请升级程序。'))).toBe(
      'newer-version',
    );
    expect(failureCode(new Error('something else'))).toBe('unknown');
  });
});
