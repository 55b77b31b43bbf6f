import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { SEEDED_URL } from '../../playwright.config';
import { ADMIN_PASSWORD, adminToken, api } from './api';
import { login, VegetationPage } from './pages';

// 线路档案 (一线一档): a manager opens a hazard's line and reads the line tower by tower.
test('from a hazard, its line: the hazard over its span, a failed ground red at its tower, a trip from another desk appears, a click opens the device', async ({
  page,
}) => {
  const token = await adminToken(SEEDED_URL);
  const tag = Date.now() % 100000;
  const name = `10kV 档案测试${tag}线`;
  const today = new Date().toLocaleDateString('sv-SE');
  const line = await api(
    SEEDED_URL,
    'lines.save',
    { name, voltage: '10', conductor: 'bare', areaType: 'rural', townshipIds: [], towerCount: 120 },
    token,
  );
  const { record } = await api(
    SEEDED_URL,
    'vegetation.save',
    {
      lineId: line.id,
      towerRange: '#20–#24',
      species: '杨树',
      treeCount: 3,
      verticalDistance: 0.5,
      action: 'trim',
      landowner: `档案户${tag}`,
    },
    token,
  );
  const ground = await api(
    SEEDED_URL,
    'lightningDevices.save',
    { kind: 'grounding', code: `JD-${tag}`, site: 'tower', lineId: line.id, tower: '#40', soilResistivity: 300 },
    token,
  );
  await api(
    SEEDED_URL,
    'lightningTests.save',
    { deviceId: ground.id, testedOn: today, tester: '张工', groundingOhm: 16 },
    token,
  );

  await login(page, 'admin', ADMIN_PASSWORD);
  const veg = new VegetationPage(page);
  await veg.search(`档案户${tag}`);
  await veg.grid().getByTestId('line-file-link').first().click();
  await expect(page.getByRole('heading', { name: `线路档案 · ${name}` })).toBeVisible();
  await expect(page.getByTestId('line-file-as-of')).toContainText('#1–#120（共 120 基）');

  const hazard = page.getByTestId(`strip-hazard-${record.id}`);
  await expect(hazard.locator('rect')).toHaveAttribute('data-grade', 'emergency');
  await expect(hazard.locator('title')).toHaveText(/^#20–#24 紧急 树障/);
  const device = page.getByTestId(`strip-device-${ground.id}`);
  await expect(device.locator('circle')).toHaveAttribute('fill', '#f5222d');
  await expect(device.locator('title')).toHaveText(new RegExp(`^JD-${tag} 接地装置 #40：不合格`));
  await expect(page.getByTestId('line-file-figures')).toContainText('紧急 1');

  // A trip entered at another desk is drawn without reloading the page.
  const trip = await api(
    SEEDED_URL,
    'trips.save',
    { lineId: line.id, occurredAt: `${today}T10:30`, towers: '#38–#41', reclosed: true, deviceIds: [] },
    token,
  );
  await expect(page.getByTestId(`strip-trip-${trip.id}`)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('line-file-figures')).toContainText('今年 1');

  await device.click();
  await expect(page.getByRole('heading', { name: '防雷设施' })).toBeVisible();
  await expect(
    page
      .getByRole('row')
      .filter({ hasText: `JD-${tag}` })
      .first(),
  ).toBeVisible();
});

test('the line file prints on A3 landscape with the line’s name, the strip and its figures', async ({ page }) => {
  const token = await adminToken(SEEDED_URL);
  const tag = Date.now() % 100000;
  const name = `10kV 档案打印${tag}线`;
  const line = await api(
    SEEDED_URL,
    'lines.save',
    { name, voltage: '10', conductor: 'bare', areaType: 'rural', townshipIds: [], towerCount: 90 },
    token,
  );
  for (const [towerRange, verticalDistance] of [
    ['#5–#8', 0.5],
    ['#30', 2.5],
  ] as const)
    await api(
      SEEDED_URL,
      'vegetation.save',
      { lineId: line.id, towerRange, species: '杨树', treeCount: 2, verticalDistance, action: 'trim' },
      token,
    );
  await login(page, 'admin', ADMIN_PASSWORD, `lineFile?f=${encodeURIComponent(JSON.stringify({ lineId: line.id }))}`);
  await expect(page.getByRole('heading', { name: `线路档案 · ${name}` })).toBeVisible();
  await page.getByTestId('line-file-print').click();
  const sheet = page.getByTestId('print-line-file');
  await expect(sheet.getByTestId('line-strip')).toBeVisible();

  const dir = mkdtempSync(path.join(tmpdir(), 'griddesk-line-file-'));
  const file = path.join(dir, 'line-file.pdf');
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  for (const expected of [
    `线路档案 · ${name}`,
    '#1–#90（共 90 基）',
    '未消除树障',
    '紧急 1 · 重大 1 · 一般 0',
    '树障',
    '编制',
  ])
    expect(text).toContain(expected);
  // A3 landscape (pdfinfo: 1191.12 x 841.92 pts (A3)), on one sheet.
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  expect(info).toMatch(/Page size:\s+1191[.\d]* x 841[.\d]* pts \(A3\)/);
  expect(info).toMatch(/Pages:\s+1\n/);
});

test('线路风险排序 lists every line by score with its breakdown, and a line opens its file', async ({ page }) => {
  const token = await adminToken(SEEDED_URL);
  const { rows } = await api(SEEDED_URL, 'lineRisk.list', {}, token);
  const top = rows[0]!;
  expect(top.score).toBeGreaterThan(0);
  await login(page, 'admin', ADMIN_PASSWORD, 'lineRisk');
  const table = page.getByTestId('line-risk');
  const first = table.locator('tr.ant-table-row').first();
  await expect(first).toContainText(top.lineName);
  await expect(first).toContainText(String(top.score));
  const biggest = [...top.parts].sort((x, y) => y.points - x.points)[0]!;
  await expect(page.getByTestId(`risk-${top.lineId}-${biggest.factor}`)).toHaveText(String(biggest.points));
  await first.getByTestId('line-file-link').click();
  await expect(page.getByRole('heading', { name: `线路档案 · ${top.lineName}` })).toBeVisible();
});

test('the ranking exports to Excel: the lines in the page’s order, points per factor, the counts behind them', async ({
  page,
}) => {
  const token = await adminToken(SEEDED_URL);
  const { rows } = await api(SEEDED_URL, 'lineRisk.list', {}, token);
  await login(page, 'admin', ADMIN_PASSWORD, 'lineRisk');
  await expect(page.getByTestId('line-risk').locator('tr.ant-table-row').first()).toContainText(rows[0]!.lineName);
  const downloading = page.waitForEvent('download');
  await page.getByTestId('line-risk-export').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^线路风险排序\d{4}-\d{2}-\d{2}\.xlsx$/);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'griddesk-line-risk-')), download.suggestedFilename());
  await download.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ranking = wb.getWorksheet('线路风险排序')!;
  expect((ranking.getRow(1).values as string[]).slice(1, 5)).toEqual(['排名', '线路', '杆塔数', '分数']);
  expect(ranking.getRow(1).getCell(5).value).toMatch(/^紧急树障（每处） ×\d+/);
  expect(ranking.rowCount - 1).toBe(rows.length);
  for (const [i, row] of rows.slice(0, 5).entries()) {
    expect(ranking.getRow(i + 2).getCell(2).value).toBe(row.lineName);
    expect(ranking.getRow(i + 2).getCell(4).value).toBe(row.score);
  }
  expect(wb.getWorksheet('计数')!.getRow(2).getCell(2).value).toBe(rows[0]!.lineName);
});

test('the map view draws the line’s path from its towers, the records beside it and the townships’ names; without positions it says how to import them', async ({
  page,
}) => {
  const token = await adminToken(SEEDED_URL);
  const tag = Date.now() % 100000;
  const name = `10kV 路径测试${tag}线`;
  const line = await api(
    SEEDED_URL,
    'lines.save',
    { name, voltage: '10', conductor: 'bare', areaType: 'rural', townshipIds: [], towerCount: 12 },
    token,
  );
  // Twelve towers north-east out of town, #6 never surveyed.
  for (let n = 1; n <= 12; n++)
    await api(
      SEEDED_URL,
      'towers.save',
      n === 6
        ? { lineId: line.id, number: n, kind: 'tangent' }
        : {
            lineId: line.id,
            number: n,
            kind: n === 1 || n === 12 ? 'terminal' : 'tangent',
            longitude: 112.5 + n * 0.002,
            latitude: 28.5 + n * 0.0015,
          },
      token,
    );
  await api(SEEDED_URL, 'townships.save', { name: `路径镇${tag}`, longitude: 112.512, latitude: 28.511 }, token);
  const { record } = await api(
    SEEDED_URL,
    'vegetation.save',
    { lineId: line.id, towerRange: '#3–#5', species: '杨树', treeCount: 3, verticalDistance: 0.5, action: 'trim' },
    token,
  );
  const ground = await api(
    SEEDED_URL,
    'lightningDevices.save',
    { kind: 'grounding', code: `LJ-${tag}`, site: 'tower', lineId: line.id, tower: '#8', soilResistivity: 300 },
    token,
  );
  await api(
    SEEDED_URL,
    'lightningTests.save',
    { deviceId: ground.id, testedOn: new Date().toLocaleDateString('sv-SE'), tester: '张工', groundingOhm: 16 },
    token,
  );

  await login(page, 'admin', ADMIN_PASSWORD, `lineFile?f=${encodeURIComponent(JSON.stringify({ lineId: line.id }))}`);
  await expect(page.getByRole('heading', { name: `线路档案 · ${name}` })).toBeVisible();
  await page.getByTestId('line-file-view').getByText('路径图').click();
  const map = page.getByTestId('line-map');
  await expect(map).toBeVisible();
  // Ten spans drawn solid, the one across #6 dashed.
  await expect(map.getByTestId('map-path').locator('line')).toHaveCount(10);
  await expect(map.getByTestId('map-path').locator('line[stroke-dasharray]')).toHaveCount(1);
  await expect(map.getByTestId(`map-hazard-${record.id}`).locator('title')).toHaveText(/^#3–#5 紧急 树障/);
  await expect(map.getByTestId(`map-device-${ground.id}`).locator('circle')).toHaveAttribute('fill', '#f5222d');
  await expect(map.getByTestId('map-place').filter({ hasText: `路径镇${tag}` })).toBeVisible();
  await expect(page.getByTestId('map-some-missing')).toContainText('1 基杆塔没有坐标');
  // The view is kept in the address: a reload comes back to the map.
  await page.reload();
  await expect(page.getByTestId('line-map')).toBeVisible();

  await page.getByTestId('map-open-towers').click();
  await expect(page.getByRole('heading', { name: '杆塔' })).toBeVisible();

  const bare = await api(
    SEEDED_URL,
    'lines.save',
    { name: `${name}乙`, voltage: '10', conductor: 'bare', areaType: 'rural', townshipIds: [], towerCount: 30 },
    token,
  );
  await page.goto(`/#/lineFile?f=${encodeURIComponent(JSON.stringify({ lineId: bare.id, view: 'map' }))}`);
  await expect(page.getByTestId('map-no-positions')).toContainText('这条线路的杆塔还没有坐标');
  await expect(page.getByTestId('map-no-positions')).toContainText('经度、纬度');
});
