// The better-sqlite3 build for Electron's ABI that `npm start` keeps in .native/electron, and what
// to tell a developer when it cannot be made. Pure parts are exported for tests/unit/scripts.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Rebuilt whenever Electron, better-sqlite3 or the CPU changes. */
export const stampFor = ({ electron, betterSqlite3, arch }) =>
  `electron ${electron} better-sqlite3 ${betterSqlite3} ${arch}`;

/** True when .native/electron has no usable build for this stamp (a missing or old version.txt included). */
export function needsBuild(nativeDir, stamp) {
  const file = path.join(nativeDir, 'better_sqlite3.node');
  const stampFile = path.join(nativeDir, 'version.txt');
  if (!existsSync(file) || !existsSync(stampFile)) return true;
  return readFileSync(stampFile, 'utf8').trim() !== stamp;
}

/**
 * When neither a prebuilt binary could be fetched nor a compiler was found: name what is missing
 * and how to get it, without links that a county office's network cannot reach.
 */
export function cannotBuildMessage({ platform, hasPython, hasCompiler, prebuiltHost }) {
  const lines = ['无法为 Electron 准备 better-sqlite3（Cannot prepare better-sqlite3 for Electron）。', ''];
  lines.push(
    `1. 没有下载到预编译文件（prebuilt binary）：${prebuiltHost ? `已尝试镜像 ${prebuiltHost}` : '请检查网络，或设置镜像（见 README「在中国的网络上安装」）'}。`,
  );
  lines.push('2. 本机也无法自行编译，缺少：');
  if (!hasCompiler) {
    lines.push(
      platform === 'win32'
        ? '   - C++ 编译器：Visual Studio Build Tools，安装时勾选「使用 C++ 的桌面开发」（Desktop development with C++）'
        : platform === 'darwin'
          ? '   - C++ 编译器：Xcode Command Line Tools（xcode-select --install）'
          : '   - C++ 编译器：make 与 g++（Debian/Ubuntu: apt-get install build-essential）',
    );
  }
  if (!hasPython) lines.push('   - Python 3（node-gyp 需要；Windows 可从 Microsoft Store 或 Build Tools 安装）');
  if (hasCompiler && hasPython) lines.push('   - 编译器与 Python 都在，但编译失败：请看上方 node-gyp 的输出');
  lines.push('', '补齐后重新运行 npm start。若只需在浏览器中使用：npm run serve。');
  return lines.join('\n');
}
