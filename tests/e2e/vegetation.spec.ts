import { expect, test } from '@playwright/test';
import { SEEDED_URL } from '../../playwright.config';
import { ADMIN_PASSWORD, adminToken, api, createRecord } from './api';
import { login, VegetationPage } from './pages';

test.beforeEach(async ({ page }) => {
  await login(page, 'admin', ADMIN_PASSWORD);
  await expect(page.getByRole('heading', { name: '树障清理台账' })).toBeVisible();
});

test('create a record: the grade and the threshold it used are shown', async ({ page }) => {
  const veg = new VegetationPage(page);
  await page.keyboard.press('Control+n'); // the keyboard way to a new record
  await expect(veg.form()).toBeVisible();
  await veg.fill({
    line: '10kV 测试一线',
    towers: '#12–#15',
    species: '杨树',
    vertical: '1.2',
    landowner: '创建测试户',
  });
  await expect(page.getByTestId('judge-preview')).toContainText('紧急');
  await expect(page.getByTestId('judge-preview')).toContainText('最小允许 1.5 m');
  await veg.save();
  await expect(veg.form()).toBeHidden();
  await veg.search('创建测试户');
  await expect(veg.rowsWith('#12–#15').first()).toContainText('紧急');
});

test('bad input is shown at the field and nothing is written', async ({ page }) => {
  const veg = new VegetationPage(page);
  await veg.openNew();
  await veg.fill({
    line: '10kV 测试一线',
    towers: '#15–#12',
    species: '香樟',
    vertical: '-1',
    landowner: '校验测试户',
  });
  await veg.save();
  await expect(veg.field('towerRange')).toContainText('起始杆号不能大于终止杆号');
  await expect(veg.field('verticalDistance')).toContainText('不能为负数');
  await page.getByRole('button', { name: '取消' }).click();
  await page.getByRole('button', { name: '确定' }).click();
  await veg.search('校验测试户');
  await expect(page.getByTestId('grid-no-match')).toBeVisible();
});

test('edit a record; a save over someone else’s newer version gives a conflict', async ({ page }) => {
  const veg = new VegetationPage(page);
  const { record, token } = await createRecord(SEEDED_URL, '110kV 测试二线', {
    towerRange: '#3',
    species: '桉树',
    treeCount: 2,
    verticalDistance: 5,
    action: 'trim',
    landowner: '编辑测试户',
  });

  await veg.search('编辑测试户');
  await veg.rowsWith('编辑测试户').first().dblclick();
  await expect(veg.form()).toBeVisible();
  await veg.fill({ vertical: '8' });
  await veg.save();
  await expect(veg.form()).toBeHidden();
  await expect(veg.rowsWith('#3').first()).toContainText('一般');

  // Open it again, then someone else saves first.
  await veg.rowsWith('编辑测试户').first().dblclick();
  const current = await api(SEEDED_URL, 'vegetation.get', { id: record.id }, token);
  await api(
    SEEDED_URL,
    'vegetation.save',
    { ...current, landowner: '编辑测试户', notes: '另一位同事的修改', landownerPhone: null },
    token,
  );
  await veg.fill({ species: '毛竹' });
  await veg.save();
  await expect(page.getByTestId('conflict-alert')).toBeVisible();
  await expect(page.getByTestId('conflict-alert')).toContainText('已被其他人修改');
  await expect(page.getByTestId('conflict-alert')).toContainText('备注：另一位同事的修改');
  const after = await api(SEEDED_URL, 'vegetation.get', { id: record.id }, token);
  expect(after.species).toBe('桉树');
  expect(after.notes).toBe('另一位同事的修改');
});

test('filter to 紧急 and overdue, sort by planned date; a filter that matches nothing says so and clears', async ({
  page,
}) => {
  const veg = new VegetationPage(page);
  await page.getByTestId('preset-emergency').click();
  await expect(veg.grid().getByTestId('grade-tag').first()).toHaveText('紧急');
  const gradeTexts = await veg.grid().getByTestId('grade-tag').allTextContents();
  expect(new Set(gradeTexts)).toEqual(new Set(['紧急']));
  await page.getByTestId('preset-overdue').click(); // quick filters combine: 紧急 and overdue
  await expect(veg.grid().locator('.row-overdue').first()).toBeVisible();
  expect(new Set(await veg.grid().getByTestId('grade-tag').allTextContents())).toEqual(new Set(['紧急']));
  await page.getByRole('columnheader', { name: '计划日期' }).click();
  await expect(page.getByRole('columnheader', { name: '计划日期' })).toHaveAttribute('aria-sort', 'ascending');

  // A search nobody matches: not "no records yet", but "nothing matches", with the way back.
  await page.getByTestId('veg-search').locator('input').fill('没有这个户主');
  await page.getByTestId('veg-search').locator('input').press('Enter');
  await expect(page.getByTestId('grid-no-match')).toContainText('没有符合筛选条件的记录');
  await expect(page.getByText('还没有树障记录')).toHaveCount(0);
  await page.getByTestId('grid-clear-filters').click();
  await expect(page.getByTestId('grid-no-match')).toHaveCount(0);
  await expect(page.getByTestId('preset-emergency')).not.toHaveClass(/checked/);
  await expect(page.getByTestId('veg-search').locator('input')).toHaveValue('');
  await expect(veg.grid().getByTestId('grade-tag').first()).toBeVisible();
});

test('delete → recycle bin → restore brings the record back', async ({ page }) => {
  const veg = new VegetationPage(page);
  const { record, token } = await createRecord(SEEDED_URL, '10kV 测试一线', {
    towerRange: '#40–#41',
    species: '泡桐',
    treeCount: 1,
    verticalDistance: 3,
    action: 'fell',
    landowner: '删除测试户',
  });

  await veg.search('删除测试户');
  await expect(veg.rowsWith('删除测试户')).toHaveCount(1);
  await veg.selectFirst();
  await page.getByTestId('veg-delete').click();
  await page.getByTestId('confirm-delete').click();
  await expect(page.getByTestId('grid-no-match')).toBeVisible();

  await page.getByRole('menuitem', { name: '回收站' }).click();
  const row = page.getByTestId('recycle-grid').getByRole('row').filter({ hasText: '#40–#41 泡桐' });
  await row.first().getByTestId('restore').click();
  await expect(page.getByText('已恢复')).toBeVisible();

  const back = await api(SEEDED_URL, 'vegetation.get', { id: record.id }, token);
  expect(back).toEqual(record);
});

test('dispute flow: blocked while open, back to its status when closed', async ({ page }) => {
  const veg = new VegetationPage(page);
  await createRecord(SEEDED_URL, '10kV 测试一线', {
    towerRange: '#60',
    species: '香樟',
    treeCount: 4,
    verticalDistance: 2.5,
    action: 'trim',
    landowner: '纠纷测试户',
    status: 'scheduled',
    plannedDate: '2026-12-20',
    plantedInZone: true,
  });

  await veg.search('纠纷测试户');
  await expect(veg.rowsWith('纠纷测试户')).toHaveCount(1);
  await veg.selectFirst();
  await page.getByTestId('veg-dispute').click();
  const drawer = page.getByTestId('dispute-drawer');
  await drawer.getByTestId('dispute-open-form').getByLabel('纠纷情况').fill('户主要求高额补偿，拒绝修剪');
  await drawer.getByRole('button', { name: '登记纠纷（记录转为受阻）' }).click();
  await expect(drawer.getByText('纠纷处理中')).toBeVisible();

  const entry = drawer.getByTestId('dispute-entry-form');
  await entry.getByPlaceholder('内容').fill('镇政府组织协调，户主同意修剪');
  await entry.getByRole('button', { name: '添加协商记录' }).click();
  await expect(drawer.getByTestId('dispute-entries')).toContainText('镇政府组织协调');

  const money = drawer.getByTestId('dispute-money-form');
  await money.getByLabel('约定补偿(元)').fill('500');
  await money.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('不予补偿').first()).toBeVisible();

  await drawer.getByTestId('dispute-close-form').getByLabel('结束说明').fill('已达成协议');
  await drawer.getByRole('button', { name: '结束纠纷' }).click();
  await expect(drawer.getByText('历史纠纷')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(veg.rowsWith('纠纷测试户').first()).toContainText('已排期');
});

test('a span past the line’s last tower is refused at 杆号区段, naming the line and its tower count', async ({
  page,
}) => {
  const line = `10kV 杆塔测试${Date.now() % 100000}线`;
  const token = await adminToken(SEEDED_URL);
  await api(
    SEEDED_URL,
    'lines.save',
    { name: line, voltage: '10', conductor: 'bare', areaType: 'rural', townshipIds: [], towerCount: 180 },
    token,
  );
  await page.reload();
  const veg = new VegetationPage(page);
  await veg.openNew();
  await veg.fill({ line, towers: '#250–#252', species: '杨树', vertical: '3', landowner: '杆塔越界户' });
  await veg.save();
  await expect(veg.field('towerRange')).toContainText(`#250 超出了 ${line} 的杆塔数（共 180 基）`);
  await veg.fill({ towers: '#178–#180' });
  await veg.save();
  await expect(veg.form()).toBeHidden();
  await veg.search('杆塔越界户');
  await expect(veg.rowsWith('#178–#180')).toHaveCount(1);
});
