// Runs the core suite on PostgreSQL: a throwaway server in a temporary folder on 127.0.0.1
// (or the one GRIDDESK_TEST_POSTGRES names), then `vitest -c vitest.postgres.config.mts`.
import { spawnSync } from 'node:child_process';
import { findPostgresBin, startTempPostgres } from './postgres-temp.mjs';

// GRIDDESK_TEST_PG_BIN: where pg_dump and pg_restore are, for the server-backup round trip.
const runVitest = (url, bin = findPostgresBin()) =>
  spawnSync('npx', ['vitest', 'run', '-c', 'vitest.postgres.config.mts', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, GRIDDESK_TEST_POSTGRES: url, ...(bin ? { GRIDDESK_TEST_PG_BIN: bin } : {}) },
  }).status ?? 1;

if (process.env.GRIDDESK_TEST_POSTGRES) process.exit(runVitest(process.env.GRIDDESK_TEST_POSTGRES));

const bin = findPostgresBin();
if (!bin) {
  const msg =
    'PostgreSQL server not found (Debian: apt-get install postgresql): the core suite on PostgreSQL did not run.';
  if (process.env.CI) {
    console.error(msg);
    process.exit(1);
  }
  console.warn(`${msg} Skipped on this machine.`);
  process.exit(0);
}

const server = await startTempPostgres(bin);
let status = 1;
try {
  console.log(`PostgreSQL ${server.version} on ${server.url.replace('postgres://postgres@', '')} for the core suite`);
  status = runVitest(server.url, bin);
} finally {
  server.stop();
}
process.exit(status);
