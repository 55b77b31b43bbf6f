/**
 * `npm run serve`: the same app in a browser at http://127.0.0.1:<port>, for machines where the
 * Electron window cannot run. Options: --port (default 5780), --data <folder>, environment
 * GRIDDESK_DATA_DIR likewise.
 */
import path from 'node:path';
import { createCore } from '../core';
import { DATABASE_FILE, prepareDataDir } from '../core/host/data-folder';
import { arg, closeOnSignals, runMain } from './process';
import { startHttpServer } from './server';

async function main() {
  // The same folder the desktop app uses, so both modes see the same ledgers.
  const dataDir = prepareDataDir(arg('data'));
  const file = path.join(dataDir, DATABASE_FILE);
  const core = await createCore({ file });
  const port = Number(arg('port') ?? process.env.GRIDDESK_PORT ?? 5780);
  const staticDir = path.resolve(__dirname, '..', '..', 'renderer');
  const http = await startHttpServer({ core, port, staticDir });
  console.log(`GridDesk 浏览器模式已启动：${http.url}`);
  console.log(`数据文件：${file}`);
  closeOnSignals(http, core);
}

if (require.main === module) runMain(main);
