/**
 * `npm run serve`: the same app in a browser at http://127.0.0.1:<port>, for machines where the
 * Electron window cannot run. Options: --port (default 5780), --data <folder>, environment
 * GRIDDESK_DATA_DIR likewise.
 */
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../core';
import { arg, closeOnSignals, runMain } from './process';
import { startHttpServer } from './server';

/** Same folder the desktop app uses on each platform, so both modes see the same ledgers. */
export function defaultDataDir(): string {
  if (process.env.GRIDDESK_DATA_DIR) return process.env.GRIDDESK_DATA_DIR;
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'GridDesk');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'GridDesk');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'GridDesk');
}

async function main() {
  const dataDir = arg('data') ?? defaultDataDir();
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'griddesk.sqlite');
  const core = await createCore({ file });
  const port = Number(arg('port') ?? process.env.GRIDDESK_PORT ?? 5780);
  const staticDir = path.resolve(__dirname, '..', '..', 'renderer');
  const http = await startHttpServer({ core, port, staticDir });
  console.log(`GridDesk 浏览器模式已启动：${http.url}`);
  console.log(`数据文件：${file}`);
  closeOnSignals(http, core);
}

if (require.main === module) runMain(main);
