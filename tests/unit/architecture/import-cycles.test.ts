import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importCycles } from '../../../scripts/import-cycles.mjs';

describe('the import-cycle check that npm run lint runs', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'griddesk-cycles-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (file: string, code: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), code);
  };

  it('finds a circle made of type-only imports, as the old one through core/context.ts was', () => {
    write('a/context.ts', "import type { Runner } from '../jobs/runner';\nexport interface Ctx { jobs: Runner }\n");
    write('jobs/runner.ts', "import type { Input } from './worker';\nexport class Runner { x?: Input }\n");
    write('jobs/worker.ts', "import { handler } from '../mod/handlers';\nexport type Input = typeof handler;\n");
    write('mod/handlers.ts', "import type { Ctx } from '../a/context';\nexport const handler = (c: Ctx) => c;\n");
    write('mod/leaf.ts', 'export const leaf = 1;\n');
    const cycles = importCycles([dir]);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]!.map((f) => path.relative(dir, f))).toEqual([
      'a/context.ts',
      'jobs/runner.ts',
      'jobs/worker.ts',
      'mod/handlers.ts',
    ]);
  });

  it('finds none in the app', () => {
    expect(importCycles(['electron', 'renderer/src'])).toEqual([]);
  });
});
