import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * In development, node_modules holds better-sqlite3 built for Node (the tests need that). `npm start`
 * puts a copy built for Electron in .native/ (scripts/start-electron.mjs) and we load that one.
 * The packaged app has the Electron build in place (electron-builder rebuilds it), so no override.
 */
export function electronNativeBinding(appPath: string, isPackaged: boolean): string | undefined {
  if (isPackaged) return undefined;
  const file = path.join(appPath, '.native', 'electron', 'better_sqlite3.node');
  return existsSync(file) ? file : undefined;
}
