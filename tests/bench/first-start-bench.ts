/**
 * The first start of the day on a big ledger (issue 25, part 4): no backup yet today, `npm run serve`
 * started as a new process, a browser already holding a session. Measured: process start → first
 * rows drawn, and the day's backup finishing in the background meanwhile, with saves during it.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { launchChromium } from './chromium';

export interface FirstStart {
  toFirstRowsMs: number;
  backupMs: number;
  percentsSeen: number[];
  saveMsDuringBackup: number[];
  backupWritten: boolean;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

async function post<T>(url: string, method: string, input: unknown, token: string): Promise<T> {
  const res = await fetch(`${url}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: boolean; result: T; error?: unknown };
  if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.result;
}

export async function benchFirstStart(dataDir: string, token: string, lineId: number): Promise<FirstStart> {
  rmSync(path.join(dataDir, 'backups'), { recursive: true, force: true });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript((tk) => sessionStorage.setItem('griddesk.token', tk), token);

  const t0 = performance.now();
  const server = spawn(process.execPath, ['dist/electron/http/serve.js', '--data', dataDir, '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    // As a clerk would: the page is asked for until the server answers.
    for (;;) {
      const up = await fetch(`${url}/`).then(
        () => true,
        () => false,
      );
      if (up) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await page.goto(`${url}/#/vegetation`);
    await page.getByTestId('vegetation-grid').getByTestId('grade-tag').first().waitFor({ timeout: 60_000 });
    const toFirstRowsMs = performance.now() - t0;

    const percentsSeen: number[] = [];
    const saveMsDuringBackup: number[] = [];
    const folder = path.join(dataDir, 'backups');
    const written = () =>
      existsSync(folder) && readdirSync(folder).some((n) => n.includes('-daily') && !n.endsWith('-journal'));
    // Until the day's backup is written (or has failed): a save now and then, as a clerk would.
    for (let i = 0; performance.now() - t0 < 120_000; i++) {
      const { daily } = await post<{ daily: { running: boolean; percent: number; lastError: string | null } }>(
        url,
        'backup.list',
        {},
        token,
      );
      if (daily.lastError || (!daily.running && written())) break;
      if (daily.running) percentsSeen.push(daily.percent);
      const s0 = performance.now();
      await post(
        url,
        'vegetation.save',
        {
          lineId,
          towerRange: `#${100 + (i % 50)}`,
          species: '杨树',
          treeCount: 1,
          verticalDistance: 3,
          action: 'trim',
        },
        token,
      );
      if (daily.running) saveMsDuringBackup.push(performance.now() - s0);
      await new Promise((r) => setTimeout(r, 100));
    }
    const backupMs = performance.now() - t0;
    const backupWritten = written();
    return { toFirstRowsMs, backupMs, percentsSeen, saveMsDuringBackup, backupWritten };
  } finally {
    await browser.close();
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
}
