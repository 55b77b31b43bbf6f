import { existsSync, readdirSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/** Seeded server (admin + demo county, set up by global-setup) and an empty one for the first-run journey. */
// E2E_PORT_BASE moves all three servers (e.g. to run specs while another checkout's suite holds 5797–5799).
const PORT = Number(process.env.E2E_PORT_BASE ?? 5797);
export const SEEDED_URL = `http://127.0.0.1:${PORT + 2}`;
export const FRESH_URL = `http://127.0.0.1:${PORT + 1}`;

// The office server on PostgreSQL over HTTPS, where a PostgreSQL server is installed (CI installs one).
const hasPostgres =
  existsSync('/usr/lib/postgresql') &&
  readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/pg_ctl`));
export const OFFICE_URL = hasPostgres ? `https://127.0.0.2:${PORT}` : '';

// Debian's Chromium where it exists (this machine, CI); Playwright's own browser on a developer PC.
const systemChromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  // Reference images (the work order's first page) live beside the specs, committed.
  snapshotPathTemplate: '{testDir}/__snapshots__/{arg}{ext}',
  globalSetup: './tests/e2e/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: SEEDED_URL,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      ...(existsSync(systemChromium) ? { executablePath: systemChromium } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: [
    {
      command: `node scripts/serve-test.mjs ${PORT + 2} tests/.tmp/e2e-seeded`,
      url: `${SEEDED_URL}/`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `node scripts/serve-test.mjs ${PORT + 1} tests/.tmp/e2e-fresh`,
      url: `${FRESH_URL}/`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    ...(OFFICE_URL
      ? [
          {
            command: `node scripts/serve-office-test.mjs ${PORT} tests/.tmp/e2e-office`,
            url: `${OFFICE_URL}/`,
            ignoreHTTPSErrors: true,
            reuseExistingServer: false,
            timeout: 90_000,
          },
        ]
      : []),
  ],
});
