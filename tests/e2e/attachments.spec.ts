import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ADMIN_PASSWORD, createRecord } from './api';
import { login, VegetationPage } from './pages';
import { SEEDED_URL } from '../../playwright.config';

const save = process.env.GRIDDESK_SCREENSHOTS === '1';
const dir = mkdtempSync(path.join(tmpdir(), 'e2e-attach-'));

test('a before-photo and an agreement on a record: thumbnail in the drawer, wrong types refused, delete to the bin', async ({
  page,
}) => {
  await createRecord(SEEDED_URL, '10kV 测试一线', {
    towerRange: '#77',
    species: '杨树',
    treeCount: 2,
    verticalDistance: 3,
    action: 'trim',
    landowner: '附件测试户',
  });
  await login(page, 'admin', ADMIN_PASSWORD);
  const veg = new VegetationPage(page);
  await veg.search('附件测试户');
  await veg.rowsWith('附件测试户').first().dblclick();
  const panel = page.getByTestId('vegetation-form').getByTestId('attachments');
  await expect(panel).toContainText('还没有附件');

  // The README screenshot stands in for a site photo; a tiny PDF for the signed agreement.
  const pdf = path.join(dir, '补偿协议.pdf');
  writeFileSync(pdf, '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  const fake = path.join(dir, '照片.jpg');
  writeFileSync(fake, 'MZ this is a program, not a photo');
  const input = panel.locator('input[type=file]');
  await input.setInputFiles(path.resolve('docs/screenshots/dashboard.png'));
  await expect(panel.getByTestId('attachment-tile')).toHaveCount(1);
  await expect(panel.getByTestId('attachment-tile').locator('img')).toBeVisible(); // the thumbnail made in the window
  await input.setInputFiles(pdf);
  await expect(panel.getByTestId('attachment-tile')).toHaveCount(2);
  await input.setInputFiles(fake);
  await expect(page.getByText('“照片.jpg”不是可接受的附件类型')).toBeVisible();
  await expect(panel.getByTestId('attachment-tile')).toHaveCount(2);
  await panel.scrollIntoViewIfNeeded();
  if (save) await page.screenshot({ path: 'docs/screenshots/attachments.png' });

  await panel.getByTestId('attachment-tile').nth(1).getByRole('button', { name: '删除' }).click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await expect(panel.getByTestId('attachment-tile')).toHaveCount(1);
});
