// `npm run soak`: the long versions of two tests (any OS): the crash-safety test with 500 kills
// instead of 50, and the API fuzz with ten times its calls (≈440,000 instead of ≈44,000).
import { spawnSync } from 'node:child_process';

const run = spawnSync('npx', ['vitest', 'run', 'tests/unit/reliability', 'tests/unit/security/fuzz-api.test.ts'], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: { ...process.env, CRASH_CYCLES: process.env.CRASH_CYCLES ?? '500', FUZZ_SCALE: process.env.FUZZ_SCALE ?? '10' },
});
process.exit(run.status ?? 1);
