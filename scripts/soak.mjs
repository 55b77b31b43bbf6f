// `npm run soak`: the crash-safety test with 500 kills instead of 50 (any OS).
import { spawnSync } from 'node:child_process';

const run = spawnSync('npx', ['vitest', 'run', 'tests/unit/reliability'], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: { ...process.env, CRASH_CYCLES: process.env.CRASH_CYCLES ?? '500' },
});
process.exit(run.status ?? 1);
