import { expect, type Locator, type Page } from '@playwright/test';

/** Page models: the steps a clerk takes, named the way they would say them. */
/** Signs in on the given page (the tree-clearance ledger unless told otherwise; 'home' is the first screen). */
export async function login(page: Page, username: string, password: string, route = 'vegetation') {
  await page.goto(`/#/${route}`);
  const form = page.getByTestId('login-form');
  await form.getByLabel('用户名').fill(username);
  await form.getByLabel('密码').fill(password);
  await form.getByRole('button', { name: '登录' }).click();
}

export async function pickOption(page: Page, field: Locator, text: string) {
  await field.locator('.ant-select').click();
  await page.keyboard.type(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
}

export class VegetationPage {
  constructor(readonly page: Page) {}

  grid() {
    return this.page.getByTestId('vegetation-grid');
  }

  /** Data rows (AG Grid renders pinned and body parts as separate rows with the same row index). */
  rowsWith(text: string) {
    return this.grid().getByRole('row').filter({ hasText: text });
  }

  form() {
    return this.page.getByTestId('vegetation-form');
  }

  field(name: string) {
    return this.form().getByTestId(`field-${name}`);
  }

  async openNew() {
    await this.page.getByTestId('veg-add').click();
    await expect(this.form()).toBeVisible();
  }

  async fill(values: { line?: string; towers?: string; species?: string; vertical?: string; landowner?: string }) {
    if (values.line) await pickOption(this.page, this.field('lineId'), values.line);
    if (values.towers !== undefined) await this.field('towerRange').locator('input').fill(values.towers);
    if (values.species !== undefined) await this.field('species').locator('input').fill(values.species);
    if (values.vertical !== undefined) await this.field('verticalDistance').locator('input').fill(values.vertical);
    if (values.landowner !== undefined) await this.field('landowner').locator('input').fill(values.landowner);
  }

  async save() {
    await this.form().getByTestId('form-save').click();
  }

  async search(text: string) {
    const box = this.page.getByTestId('veg-search').locator('input');
    await box.fill(text);
    await box.press('Enter');
  }

  /** Ticks the checkbox of the first row shown (search first so that it is the one meant). */
  async selectFirst() {
    await this.grid().getByRole('row').getByRole('checkbox').first().check();
  }
}

/** The upgrade-request form, opened from the 技改大修 page and saved with Ctrl+S (a clerk raising one). */
export async function raiseUpgradeRequest(
  page: Page,
  v: { equipmentCode: string; problem: string; work: string; cost: string; customers: string },
) {
  await page.getByTestId('upgrade-add').click();
  const form = page.locator('.ant-drawer:visible');
  await form.getByLabel('设备').click();
  await page.keyboard.type(v.equipmentCode);
  await page.keyboard.press('Enter');
  await form.getByLabel('存在问题').fill(v.problem);
  await form.getByLabel('拟实施内容').fill(v.work);
  await form.getByLabel('估算金额（万元）').fill(v.cost);
  await form.getByLabel('影响用户数').fill(v.customers);
  await page.keyboard.press('Control+s');
}
