// `npm start`: runs the desktop app. better-sqlite3 in node_modules is built for Node (the tests use
// it); Electron needs a build for its own ABI, so we keep one in .native/electron and the main
// process loads it from there. Built once per Electron version (prebuilt download, else compile).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { cannotBuildMessage, needsBuild, stampFor } from './native-build.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');

let electronBinary;
try {
  electronBinary = require('electron');
} catch (err) {
  console.error('找不到 Electron 可执行文件（Electron binary missing）。');
  console.error('Reinstall without ELECTRON_SKIP_BINARY_DOWNLOAD, or use `npm run serve` for the browser mode.');
  console.error(String(err));
  process.exit(1);
}

const versionOf = (pkg) => JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')).version;
const electronVersion = versionOf('electron');
const nativeDir = path.join(root, '.native', 'electron');
const stamp = stampFor({ electron: electronVersion, betterSqlite3: versionOf('better-sqlite3'), arch: process.arch });
const target = path.join(nativeDir, 'better_sqlite3.node');

if (needsBuild(nativeDir, stamp)) {
  console.log(`为 Electron ${electronVersion} 准备 better-sqlite3 …`);
  const work = path.join(root, '.native', 'build', 'better-sqlite3');
  rmSync(work, { recursive: true, force: true });
  cpSync(path.join(root, 'node_modules', 'better-sqlite3'), work, { recursive: true });
  rmSync(path.join(work, 'build'), { recursive: true, force: true });
  const run = (cmd, args) =>
    spawnSync(cmd, args, { cwd: work, stdio: 'inherit', shell: process.platform === 'win32' }).status === 0;
  const ok =
    run('npx', [
      '--yes',
      'prebuild-install',
      '--runtime=electron',
      `--target=${electronVersion}`,
      `--arch=${process.arch}`,
    ]) ||
    run('npx', [
      '--yes',
      'node-gyp',
      'rebuild',
      '--release',
      '--runtime=electron',
      `--target=${electronVersion}`,
      `--arch=${process.arch}`,
      '--dist-url=https://electronjs.org/headers',
    ]);
  if (!ok) {
    const found = (cmd, args) =>
      spawnSync(cmd, args, { stdio: 'ignore', shell: process.platform === 'win32' }).status === 0;
    const hasPython =
      found('python3', ['--version']) || found('python', ['--version']) || found('py', ['-3', '--version']);
    // node-gyp finds Visual Studio itself; where/which of cl, g++ or clang++ is the honest outside check.
    const compiler =
      process.platform === 'win32' ? ['where', ['cl']] : ['which', [process.platform === 'darwin' ? 'clang++' : 'g++']];
    const hasCompiler =
      found(compiler[0], compiler[1]) || (process.platform === 'win32' && found('where', ['MSBuild']));
    console.error(
      cannotBuildMessage({
        platform: process.platform,
        hasPython,
        hasCompiler,
        prebuiltHost:
          process.env.npm_config_better_sqlite3_binary_host_mirror ?? process.env.npm_config_better_sqlite3_binary_host,
      }),
    );
    process.exit(1);
  }
  mkdirSync(nativeDir, { recursive: true });
  cpSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), target);
  writeFileSync(path.join(nativeDir, 'version.txt'), stamp);
}

const child = spawn(electronBinary, ['.'], { cwd: root, stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
