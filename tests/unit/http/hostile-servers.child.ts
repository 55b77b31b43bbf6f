/**
 * Both HTTP servers in a process of their own, for the raw-socket fuzzer to hammer: the loopback
 * server of `npm run serve` (plain HTTP on 127.0.0.1, serving a renderer folder) and the office
 * server's transport (HTTPS on 127.0.0.2, a LAN address for the test). One core behind both, on
 * the SQLite file or the PostgreSQL database given. Prints {"loopback": url, "lan": url} when ready.
 *
 *   node --import tsx hostile-servers.child.ts <dataDir> [postgresUrl]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createCore } from '../../../electron/core';
import { loadServerCertificate } from '../../../electron/http/certificate';
import { startHttpServer, type HttpLimits } from '../../../electron/http/server';

// Short limits, so slow senders are cut off within the test's time (the defaults are 15 s / 60 s).
const limits: Partial<HttpLimits> = { headersMs: 1500, requestMs: 3000, checkEveryMs: 250 };

async function main() {
  const [dataDir, postgres] = process.argv.slice(2) as [string, string | undefined];
  const staticDir = path.join(dataDir, 'renderer');
  mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>GridDesk</title>');
  writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  const core = await createCore({
    file: path.join(dataDir, 'griddesk.sqlite'),
    ...(postgres ? { postgres: { connectionString: postgres, max: 4 } } : {}),
  });
  const log = (message: string, err?: unknown) => process.stderr.write(`${message} ${String(err ?? '')}\n`);
  const loopback = await startHttpServer({ core, port: 0, staticDir, limits, log });
  const tls = await loadServerCertificate(dataDir);
  const lan = await startHttpServer({ core, host: '127.0.0.2', port: 0, staticDir, tls, limits, log });
  const lanPort = (lan.server.address() as { port: number }).port;
  process.stdout.write(
    `${JSON.stringify({ loopback: loopback.url, lan: `https://127.0.0.2:${lanPort}`, file: core.file })}\n`,
  );
  process.on('SIGTERM', () => {
    void Promise.all([loopback.close(), lan.close()])
      .then(() => core.close())
      .then(() => process.exit(0));
  });
}

main().catch((err) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
