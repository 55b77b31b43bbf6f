import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Every SQLite file the app opens goes through electron/core/db/sqlite-file.ts, which knows which
// build of the driver this process loads (Electron's under `npm start`). A `new Database(` anywhere
// else in the app opened a backup with Node's build and called the ABI error "backup corrupt".
const ONE_PLACE = path.join('electron', 'core', 'db', 'sqlite-file.ts');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : /\.(ts|mts|cts|js|mjs)$/.test(name) ? [full] : [];
  });
}

describe('opening SQLite files', () => {
  it('happens in one function only: no `new Database(` and no value import of better-sqlite3 elsewhere in the app', () => {
    const offenders = sources('electron')
      .filter((f) => f !== ONE_PLACE)
      .flatMap((f) => {
        const text = readFileSync(f, 'utf8');
        return [
          ...(/new\s+Database\s*\(/.test(text) ? [`${f}: new Database(`] : []),
          ...(/^import\s+(?!type\b)[^;]*from\s+'better-sqlite3'/m.test(text) ? [`${f}: imports better-sqlite3`] : []),
        ];
      });
    expect(offenders).toEqual([]);
    expect(readFileSync(ONE_PLACE, 'utf8')).toMatch(/new Database\(/);
  });
});
