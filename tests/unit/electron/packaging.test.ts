import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { minimatch } from 'minimatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const config = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as {
  files: string[];
  electronFuses: Record<string, boolean>;
  win: { icon: string };
  nsis: { installerIcon: string; include: string };
  publish: { provider: string }[];
};
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  main: string;
  dependencies: Record<string, string>;
  version: string;
  author: string;
};

describe('the installer configuration', () => {
  it('locks the Electron binary down: every fuse as the issue asks, none loosened', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('has the icon and the publisher, and the uninstall box stays quiet during an update and a silent uninstall', () => {
    for (const icon of [config.win.icon, config.nsis.installerIcon]) {
      const bytes = readFileSync(path.join(root, icon));
      expect(bytes.readUInt16LE(2)).toBe(1); // an .ico, not a renamed PNG
      expect(bytes.readUInt16LE(4)).toBeGreaterThanOrEqual(4);
    }
    expect(pkg.author).toBeTruthy();
    const nsh = readFileSync(path.join(root, config.nsis.include), 'utf8');
    const box = nsh.split('\n').findIndex((l) => l.includes('MessageBox'));
    expect(box).toBeGreaterThan(0);
    expect(nsh.split('\n')[box - 1]).toMatch(/\$\{ifNot\} \$\{isUpdated\}/);
    expect(nsh.split('\n')[box]).toMatch(/\/SD IDOK/);
    expect(nsh).toContain('$LOCALAPPDATA\\GridDesk');
  });

  it('writes latest.yml for the desks’ updater (a generic feed), and publishes nothing itself', () => {
    expect(config.publish.map((p) => p.provider)).toEqual(['generic']);
    expect(readFileSync(path.join(root, 'scripts', 'dist.mjs'), 'utf8')).toContain("'--publish', 'never'");
  });
});

/**
 * What the packaged app loads: main.js (package.json's main), and every file reached from it by a
 * relative require or a path.join(__dirname, …, 'x.js') (the preload, the job worker); the renderer's
 * index.html. Compiled here into a temp folder, as `npm run dist` compiles it.
 */
describe('the packaged runtime files', () => {
  let out: string;
  const reached = new Map<string, string>();
  const bare = new Set<string>();

  beforeAll(() => {
    out = mkdtempSync(path.join(tmpdir(), 'griddesk-pack-'));
    execFileSync(
      process.execPath,
      [
        path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
        '-p',
        'tsconfig.node.json',
        '--outDir',
        path.join(out, 'dist', 'electron'),
        '--sourceMap',
        'false',
        '--removeComments',
        'true',
      ],
      { cwd: root },
    );
    const visit = (file: string) => {
      if (reached.has(file)) return;
      const code = readFileSync(file, 'utf8');
      reached.set(file, code);
      for (const [, spec = ''] of code.matchAll(/require\("([^"]+)"\)/g)) {
        if (!spec.startsWith('.')) {
          bare.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? spec));
          continue;
        }
        const target = path.resolve(path.dirname(file), spec);
        visit([`${target}.js`, target, path.join(target, 'index.js')].find((f) => existsSync(f) && f.endsWith('.js'))!);
      }
      for (const [, args] of code.matchAll(/path(?:_1\.default)?\.join\(__dirname, ((?:'[^']*'(?:, )?)+)\)/g)) {
        const parts = [...(args ?? '').matchAll(/'([^']*)'/g)].map((m) => m[1] ?? '');
        if (parts.at(-1)!.endsWith('.js')) visit(path.resolve(path.dirname(file), ...parts));
      }
    };
    visit(path.join(out, pkg.main));
  }, 120_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  const packagedName = (file: string) => path.relative(out, file).split(path.sep).join('/');

  it('reaches the main process, the preload, the job worker and the core', () => {
    const names = [...reached.keys()].map(packagedName);
    expect(names).toContain('dist/electron/main/main.js');
    expect(names).toContain('dist/electron/preload/preload.js');
    expect(names).toContain('dist/electron/core/jobs/job.worker.js');
    expect(names).toContain('dist/electron/core/index.js');
  });

  it('every one of them, and the renderer, is matched by electron-builder.yml’s files', () => {
    const included = (name: string) => {
      let inside = false;
      for (const glob of config.files) {
        if (glob.startsWith('!')) {
          if (minimatch(name, glob.slice(1))) inside = false;
        } else if (minimatch(name, glob)) inside = true;
      }
      return inside;
    };
    const missing = [...reached.keys()].map(packagedName).filter((n) => !included(n));
    expect(missing).toEqual([]);
    const rendererIndex = readFileSync(path.join(root, 'electron', 'main', 'main.ts'), 'utf8').match(
      /app\.getAppPath\(\), '([^']+)', '([^']+)'/,
    )!;
    expect(included(`${rendererIndex[1]}/${rendererIndex[2]}/index.html`)).toBe(true);
    expect(included('dist/renderer/assets/index-abc123.js')).toBe(true);
    expect(included('package.json')).toBe(true);
  });

  it('nothing at run time needs tsx, a .ts file, or a package that is only a devDependency', () => {
    for (const [file, code] of reached) {
      const name = packagedName(file);
      // The job runner falls back to tsx only when job.worker.js is missing, which the test above rules out.
      const withoutFallback = name.endsWith('job-runner.js')
        ? code.replace(/return new [\w.]*Worker\(`require\('tsx\/cjs'\);[^\n]*/, '')
        : code;
      expect(withoutFallback, name).not.toMatch(/tsx/);
      expect(withoutFallback, name).not.toMatch(/require\("[^"]+\.ts"\)/);
    }
    const external = [...bare].filter((m) => !builtinModules.includes(m.replace(/^node:/, '')) && m !== 'electron');
    expect(external.filter((m) => !(m in pkg.dependencies))).toEqual([]);
  });
});
