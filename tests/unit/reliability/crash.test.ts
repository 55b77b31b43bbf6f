import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core';
import { checkAfterKill, runUntilKilled } from './crash-harness';

// Power cut in a storm: the core is SIGKILLed at random moments while it writes. After each kill the
// file must be sound, every acknowledged write present, every bulk write whole. CRASH_CYCLES raises
// the count (npm run soak runs 500).
const CYCLES = Number(process.env.CRASH_CYCLES ?? 50);

describe('crash safety', () => {
  it(
    `keeps every acknowledged write through ${CYCLES} kills`,
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'griddesk-crash-'));
      const file = path.join(dir, 'griddesk.sqlite');
      let seed = 20261127;
      const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
      let acknowledged = 0;
      try {
        for (let cycle = 0; cycle < CYCLES; cycle++) {
          const acks = await runUntilKilled(file, cycle, 30 + Math.floor(random() * 400));
          acknowledged += acks.length;
          expect(checkAfterKill(file, acks), `after kill ${cycle}`).toEqual([]);
        }
        // And the app opens the file normally afterwards.
        const core = await createCore({ file });
        await core.close();
        console.log(`crash test: ${CYCLES} kills, ${acknowledged} acknowledged writes checked`);
        expect(acknowledged).toBeGreaterThan(CYCLES);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    30 * 60_000,
  );
});
