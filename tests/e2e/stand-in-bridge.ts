import type { Page } from '@playwright/test';

/**
 * A stand-in for the desktop preload's bridge in Chromium: calls go to the served app's HTTP API as
 * main would hand them to the core; printing and opening files answer "not done". A spec adds the
 * parts its journey needs (connection, startup, updates) to `window.griddesk` in its own init script,
 * which runs after this one.
 */
export async function standInBridge(page: Page): Promise<void> {
  await page.addInitScript(() => {
    (window as unknown as { griddesk: unknown }).griddesk = {
      platform: 'desktop',
      call: async (method: string, input: unknown, token: string | null) =>
        (
          await fetch(`/api/${method}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
            body: JSON.stringify(input ?? {}),
          })
        ).json(),
      print: async () => ({ ok: false }),
      printToPDF: async () => ({ ok: false }),
      openFile: async () => ({ ok: false }),
    };
  });
}
