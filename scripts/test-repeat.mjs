// `npm run test:repeat [-- N]`: the unit suite N times in a row (default 5), stopping at the first
// failure, with each run's time. A suite that passes once but not five times is flaky: fix it.
import { spawnSync } from 'node:child_process';

const times = Number(process.argv[2] ?? process.env.TEST_REPEAT ?? 5);
if (!Number.isInteger(times) || times < 1) {
  console.error(`test:repeat: "${process.argv[2]}" is not a number of runs`);
  process.exit(2);
}

const took = [];
for (let i = 1; i <= times; i++) {
  const started = Date.now();
  const run = spawnSync('npx', ['vitest', 'run'], { stdio: 'inherit', shell: process.platform === 'win32' });
  took.push((Date.now() - started) / 1000);
  console.log(
    `test:repeat: run ${i} of ${times} ${run.status === 0 ? 'passed' : 'FAILED'} in ${took.at(-1).toFixed(0)} s`,
  );
  if (run.status !== 0) process.exit(run.status ?? 1);
}
console.log(`test:repeat: ${times} of ${times} passed; ${took.map((s) => `${s.toFixed(0)} s`).join(', ')}`);
