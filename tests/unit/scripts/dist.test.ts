import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withNodeBuildKept } from '../../../scripts/dist.mjs';

const root = path.resolve(import.meta.dirname, '..', '..', '..');

/**
 * `npm run dist` on a copy of better-sqlite3: the packaging step is replaced by what electron-builder's
 * npmRebuild does to the module (its .node overwritten with another ABI's build), then the copy must
 * load in plain Node again, as `npm test` needs straight after.
 */
describe('npm run dist leaves the Node build of better-sqlite3 alone', () => {
  let dir: string;
  let moduleDir: string;
  const native = () => path.join(moduleDir, 'build', 'Release', 'better_sqlite3.node');
  const opensInNode = () =>
    execFileSync(
      process.execPath,
      [
        '-e',
        `const D = require(${JSON.stringify(moduleDir)}); console.log(new D(':memory:').prepare('select 40 + 2 as n').get().n)`,
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    ).trim();

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'griddesk-dist-'));
    moduleDir = path.join(dir, 'node_modules', 'better-sqlite3');
    const source = path.join(root, 'node_modules', 'better-sqlite3');
    for (const part of ['package.json', 'lib'])
      cpSync(path.join(source, part), path.join(moduleDir, part), { recursive: true });
    cpSync(path.join(source, 'build', 'Release', 'better_sqlite3.node'), native());
    // better-sqlite3 finds its binary through `bindings`, which looks beside the module's package.json.
    cpSync(path.join(root, 'node_modules', 'bindings'), path.join(dir, 'node_modules', 'bindings'), {
      recursive: true,
    });
    cpSync(path.join(root, 'node_modules', 'file-uri-to-path'), path.join(dir, 'node_modules', 'file-uri-to-path'), {
      recursive: true,
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the copy works before, is broken by the rebuild, and works again afterwards', () => {
    expect(opensInNode()).toBe('42');
    const rebuildForElectron = () => {
      writeFileSync(native(), 'built for NODE_MODULE_VERSION 145');
      expect(() => opensInNode()).toThrow();
      return 0;
    };
    expect(withNodeBuildKept(moduleDir, path.join(dir, '.native', 'node'), rebuildForElectron)).toBe(0);
    expect(opensInNode()).toBe('42');
  });

  it('restores it when packaging fails half way too', () => {
    const before = readFileSync(native());
    expect(() =>
      withNodeBuildKept(moduleDir, path.join(dir, '.native', 'node'), () => {
        writeFileSync(native(), 'half written');
        throw new Error('electron-builder: cannot download NSIS');
      }),
    ).toThrow('cannot download NSIS');
    expect(readFileSync(native()).equals(before)).toBe(true);
  });

  it('is what `npm run dist` runs', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.dist).toContain('node scripts/dist.mjs');
    expect(pkg.scripts.dist).not.toMatch(/&& electron-builder/);
  });
});
