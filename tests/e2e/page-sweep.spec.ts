import { expect, test, type Page } from '@playwright/test';
import { ADMIN_PASSWORD } from './api';
import { login } from './pages';

/**
 * Every page at 1366×768, in Chinese and in English, as an admin sees it (admins see every page).
 * A page fails on: a horizontal scrollbar on the page body, a menu label cut off, a Chinese
 * character on the English page outside the records' own data, a console error or an unhandled rejection.
 */
const PAGES = [
  'home',
  'vegetation',
  'trimming',
  'outages',
  'trimmingTeams',
  'staff',
  'certificates',
  'training',
  'skills',
  'roster',
  'repairs',
  'repairReport',
  'absences',
  'upgrades',
  'equipment',
  'lightningDevices',
  'lightningTests',
  'campaign',
  'rectifications',
  'trips',
  'lines',
  'towers',
  'lineFile',
  'lineRisk',
  'townships',
  'villages',
  'teams',
  'recycle',
  'audit',
  'users',
  'settings',
  'backup',
];

// Where records' own words are shown (names of lines, people, places, notes): Chinese there is data.
const DATA = [
  '.ag-cell',
  '.ag-floating-filter',
  'td',
  '.ant-select-selection-item',
  '.ant-select-selection-overflow',
  '.ant-statistic-content',
  '.ant-tag',
  '.ant-select-content',
  '.data-header',
  '[data-testid="user-menu"]',
  '[data-testid="language-switch"]',
  '.ant-list-item',
  '.ant-descriptions-item-content',
  '.roster-cell',
  '[data-record]',
].join(',');

test.use({ viewport: { width: 1366, height: 768 } });

async function sweep(page: Page, lang: 'zh-CN' | 'en') {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  await login(page, 'admin', ADMIN_PASSWORD, 'home');
  await expect(page.locator('.ant-layout-sider')).toBeVisible();
  await page.evaluate((l) => localStorage.setItem('griddesk.lang', l), lang);
  await page.reload();
  await expect(page.locator('.ant-layout-sider')).toBeVisible();
  // Every menu group open, so every label is laid out.
  for (const group of await page
    .locator('.ant-menu-submenu:not(.ant-menu-submenu-open) > .ant-menu-submenu-title')
    .all())
    await group.click();

  for (const key of PAGES) {
    await page.evaluate((k) => (window.location.hash = `/${k}`), key);
    await page.locator('.page').first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    const found = await page.evaluate(
      ({ english, data }) => {
        const out: string[] = [];
        const doc = document.documentElement;
        if (doc.scrollWidth > doc.clientWidth) out.push(`page is ${doc.scrollWidth}px wide in ${doc.clientWidth}px`);
        for (const el of Array.from(document.querySelectorAll<HTMLElement>('.page'))) {
          if (getComputedStyle(el).overflowX !== 'hidden' && el.scrollWidth > el.clientWidth + 1)
            out.push(`page body scrolls sideways (${el.scrollWidth}px in ${el.clientWidth}px)`);
        }
        for (const el of Array.from(
          document.querySelectorAll<HTMLElement>('.ant-layout-sider .ant-menu-title-content'),
        )) {
          if (el.scrollWidth > el.clientWidth + 1) out.push(`menu label cut: ${el.textContent}`);
        }
        if (english) {
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const text = n.textContent ?? '';
            const parent = n.parentElement;
            if (
              !/[\u4e00-\u9fff]/.test(text) ||
              !parent ||
              parent.closest(data) ||
              parent.closest('[aria-hidden="true"], .ant-select-dropdown, .ant-tooltip')
            )
              continue;
            if (parent.getClientRects().length === 0) continue; // not shown
            out.push(
              `Chinese on the English page: “${text.trim().slice(0, 40)}” in <${parent.tagName.toLowerCase()} class="${parent.className}">`,
            );
          }
        }
        return out;
      },
      { english: lang === 'en', data: DATA },
    );
    problems.push(...[...new Set(found)].map((p) => `${key}: ${p}`));
  }
  expect(problems, problems.join('\n')).toEqual([]);
}

test('every page in Chinese at 1366×768: no sideways scrolling, no cut menu label, no console error', async ({
  page,
}) => {
  await sweep(page, 'zh-CN');
});

test('every page in English at 1366×768: and no Chinese outside the records’ own data', async ({ page }) => {
  await sweep(page, 'en');
});
