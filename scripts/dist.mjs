// `npm run dist`: electron-builder rebuilds node_modules/better-sqlite3 in place for Electron's ABI
// (npmRebuild), which would leave `npm test`, `serve` and `server` failing with NODE_MODULE_VERSION.
// So the Node build is set aside first and put back afterwards, whether packaging worked or not.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const NATIVE = path.join('build', 'Release', 'better_sqlite3.node');

/** Runs `work` with the module's Node build kept in `keepDir`, and restores it afterwards. */
export function withNodeBuildKept(moduleDir, keepDir, work) {
  const built = path.join(moduleDir, NATIVE);
  const kept = path.join(keepDir, 'better_sqlite3.node');
  const hadBuild = existsSync(built);
  if (hadBuild) {
    mkdirSync(keepDir, { recursive: true });
    copyFileSync(built, kept);
  }
  try {
    return work();
  } finally {
    if (hadBuild) copyFileSync(kept, built);
  }
}

if (process.argv[1] === import.meta.filename) {
  const root = path.resolve(import.meta.dirname, '..');
  const status = withNodeBuildKept(
    path.join(root, 'node_modules', 'better-sqlite3'),
    path.join(root, '.native', 'node'),
    () => {
      const builder = path.join(
        root,
        'node_modules',
        '.bin',
        process.platform === 'win32' ? 'electron-builder.cmd' : 'electron-builder',
      );
      return spawnSync(
        builder,
        ['--win', '--config', 'electron-builder.yml', '--publish', 'never', ...process.argv.slice(2)],
        { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' },
      ).status;
    },
  );
  console.log('better-sqlite3 的 Node 版本已恢复（npm test / serve / server 可直接使用）。');
  process.exit(status ?? 1);
}
