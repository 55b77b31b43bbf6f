import ExcelJS from 'exceljs';
import { labelAt } from '../../contract';
import { enumLabels, fieldLabel } from './importer';
import type { LedgerSheet, SheetContext } from './sheet';

const TEMPLATE_ROWS = 2000;

function columnLetter(n: number): string {
  let s = '';
  for (let x = n + 1; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/**
 * The sheet a clerk fills in: Chinese headers (required ones marked *), one example row, drop-down
 * lists for fixed values and for the lines and townships already in the ledger, and a notes page.
 */
export async function buildTemplate(sheet: LedgerSheet<unknown, unknown, unknown>, ctx: SheetContext): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'GridDesk';
  const ws = wb.addWorksheet('导入模板', { views: [{ state: 'frozen', ySplit: 1 }] });
  const lists = wb.addWorksheet('选项', { state: 'veryHidden' });
  const lookups = await sheet.loadLookups(ctx);
  let listColumn = 0;

  sheet.fields.forEach((f, i) => {
    const col = ws.getColumn(i + 1);
    col.width = f.width ?? 12;
    const head = ws.getCell(1, i + 1);
    head.value = fieldLabel(f) + (f.required ? '*' : '');
    head.font = { bold: true, color: f.required ? { argb: 'FFC00000' } : undefined };
    head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    const example = ws.getCell(2, i + 1);
    example.value = f.kind === 'date' && typeof f.example === 'string' ? new Date(`${f.example}T00:00:00Z`) : f.example;
    if (f.kind === 'date') col.numFmt = 'yyyy-mm-dd';

    let choices: string[] = [];
    if (f.kind === 'enum') choices = enumLabels(f).map((l) => l.names[0]!);
    else if (f.kind === 'lookup') choices = sheet.lookupNames?.(lookups, f.key) ?? [];
    if (choices.length === 0) return;
    // The choices go on the hidden sheet: a list typed into the rule is limited to 255 characters.
    const letter = columnLetter(listColumn++);
    choices.forEach((c, r) => (lists.getCell(`${letter}${r + 1}`).value = c));
    const rule: ExcelJS.DataValidation = {
      type: 'list',
      allowBlank: !f.required,
      formulae: [`选项!$${letter}$1:$${letter}$${choices.length}`],
      showErrorMessage: f.kind === 'enum',
      errorTitle: fieldLabel(f),
      error: `请从下拉列表中选择：${choices.slice(0, 8).join('、')}`,
    };
    for (let r = 2; r <= TEMPLATE_ROWS + 1; r++) ws.getCell(r, i + 1).dataValidation = rule;
  });

  const notes = wb.addWorksheet('填写说明');
  const keyRule = labelAt('zh-CN', sheet.keyRule);
  [
    ['填写说明'],
    ['1. 第 1 行是表头，请勿修改；带 * 的列必填。第 2 行是示例，可直接覆盖。'],
    ['2. 日期可写成 2026-05-03、2026/5/3 或 2026年5月3日，也可以是 Excel 日期格式。'],
    ['3. 有下拉箭头的列请从列表中选择。数字可带单位（如 2.5m），全角数字也可识别。'],
    [`4. ${typeof keyRule === 'string' ? keyRule : '再次导入同一文件不会重复新增记录。'}`],
    ['5. 导入前会逐行检查，任何一行有问题都不会写入，请按提示修改后重新导入。'],
  ].forEach((r) => notes.addRow(r));
  notes.getColumn(1).width = 90;
  notes.getCell('A1').font = { bold: true, size: 14 };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
