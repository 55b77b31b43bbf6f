import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cannotBuildMessage, needsBuild, stampFor } from '../../../scripts/native-build.mjs';

describe('npm start: the better-sqlite3 build kept for Electron', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const stamp = stampFor({ electron: '41.7.1', betterSqlite3: '12.11.1', arch: 'x64' });

  it('is rebuilt when better-sqlite3 changes, not only Electron', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'griddesk-native-'));
    writeFileSync(path.join(dir, 'better_sqlite3.node'), 'binary');
    writeFileSync(path.join(dir, 'version.txt'), stamp);
    expect(needsBuild(dir, stamp)).toBe(false);
    expect(needsBuild(dir, stampFor({ electron: '41.7.1', betterSqlite3: '12.12.0', arch: 'x64' }))).toBe(true);
    // The old stamp (Electron version and arch only) means a rebuild.
    writeFileSync(path.join(dir, 'version.txt'), '41.7.1 x64');
    expect(needsBuild(dir, stamp)).toBe(true);
  });

  it('a missing version.txt means a rebuild, not a crash', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'griddesk-native-'));
    writeFileSync(path.join(dir, 'better_sqlite3.node'), 'binary');
    expect(needsBuild(dir, stamp)).toBe(true);
    expect(needsBuild(path.join(dir, 'absent'), stamp)).toBe(true);
  });
});

describe('when neither a prebuilt binary nor a compiler is available', () => {
  it('on Windows names Visual Studio Build Tools with the C++ workload, and Python, and blames no network', () => {
    const message = cannotBuildMessage({ platform: 'win32', hasPython: false, hasCompiler: false });
    expect(message).toContain('Visual Studio Build Tools');
    expect(message).toContain('使用 C++ 的桌面开发');
    expect(message).toContain('Python 3');
    expect(message).not.toMatch(/https?:\/\//);
    expect(message).toContain('npm run serve');
  });

  it('names only what is missing, and the mirror it tried', () => {
    const message = cannotBuildMessage({
      platform: 'win32',
      hasPython: true,
      hasCompiler: false,
      prebuiltHost: 'https://registry.npmmirror.com/-/binary/better-sqlite3',
    });
    expect(message).toContain('Visual Studio Build Tools');
    expect(message).not.toContain('Python 3');
    expect(message).toContain('已尝试镜像 https://registry.npmmirror.com/-/binary/better-sqlite3');
    expect(cannotBuildMessage({ platform: 'linux', hasPython: true, hasCompiler: false })).toContain('build-essential');
  });
});
