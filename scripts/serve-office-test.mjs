// The office server as the end-to-end tests meet it: a throwaway PostgreSQL and `office-server.js`
// over HTTPS on 127.0.0.2 (a stand-in for a LAN address) with a fresh self-signed certificate.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { findPostgresBin, startTempPostgres } from './postgres-temp.mjs';

const [port, dir] = process.argv.slice(2);
const dataDir = path.resolve(dir);
rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });
const server = await startTempPostgres(findPostgresBin());
const admin = new pg.Client({ connectionString: server.url });
await admin.connect();
await admin.query(`create database griddesk template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C'`);
await admin.end();
const child = spawn(process.execPath, ['dist/electron/http/office-server.js', '--data', dataDir], {
  stdio: 'inherit',
  env: {
    ...process.env,
    GRIDDESK_PG_URL: server.url.replace(/\/postgres$/, '/griddesk'),
    GRIDDESK_SERVER_HOST: '127.0.0.2',
    GRIDDESK_SERVER_PORT: port,
  },
});
let stopped = false;
const stop = () => {
  if (stopped) return;
  stopped = true;
  child.kill('SIGTERM');
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
child.on('exit', (code) => {
  server.stop();
  process.exit(code ?? 0);
});
