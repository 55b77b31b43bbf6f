import { expect, test } from '@playwright/test';
import { ADMIN_PASSWORD, createRecord } from './api';
import { login } from './pages';
import { SEEDED_URL } from '../../playwright.config';

const save = process.env.GRIDDESK_SCREENSHOTS === '1';
const shot = (name: string) => (save ? { path: `docs/screenshots/${name}.png` } : {});

test('Ctrl+K, a fragment of a landowner\'s name, Enter: the record opens in its form', async ({ page }) => {
  await createRecord(SEEDED_URL, '10kV 测试一线', { towerRange: '#88', species: '香樟', treeCount: 3, verticalDistance: 2.2, action: 'trim', landowner: '司马相如' });
  await login(page, 'admin', ADMIN_PASSWORD, 'home');
  await expect(page.getByRole('heading', { name: '首页' })).toBeVisible();
  await page.keyboard.press('Control+k');
  await expect(page.getByTestId('global-search')).toBeFocused();
  await page.keyboard.type('马相');
  const hit = page.getByTestId('search-hit').filter({ hasText: '司马相如' });
  await expect(hit).toBeVisible();
  await expect(hit).toContainText('10kV 测试一线 #88');
  await page.screenshot(shot('search'));
  await hit.click();
  const form = page.getByTestId('vegetation-form');
  await expect(form).toBeVisible();
  await expect(form.getByTestId('field-landowner').locator('input')).toHaveValue('司马相如');
});
