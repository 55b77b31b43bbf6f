import ExcelJS from 'exceljs';
import { labelText, type ColumnMapping, type ImportProblem } from '../../contract';
import type { RawRow } from './read-sheet';

/** The user's wording of each problem message: i18n key → template with {{params}}. */
export type ProblemTexts = Record<string, string>;

/** A problem in the user's words (their template, else the Chinese label, else the key). */
export function problemText(p: Pick<ImportProblem, 'message' | 'params'>, texts: ProblemTexts = {}): string {
  const template = texts[p.message];
  if (template === undefined) return labelText('zh-CN', p.message, p.params ?? {});
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => String(p.params?.[k] ?? ''));
}

const FAULT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFD8D6' } };

/**
 * The rows an import left out, as they were in the sheet (the same header, the same cells), with a
 * last column naming each cell's fault; the faulty cells are shaded. The clerk fixes them here and
 * imports this file again.
 */
export async function writeRefusedRows(
  outputPath: string,
  header: RawRow,
  mapping: ColumnMapping,
  refused: { row: number; raw: RawRow; problems: ImportProblem[] }[],
  texts: ProblemTexts,
  problemHeader: string,
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: outputPath, useStyles: true, useSharedStrings: false });
  wb.creator = 'GridDesk';
  const ws = wb.addWorksheet('未导入的行', { views: [{ state: 'frozen', ySplit: 1 }] });
  const width = Math.max(header.length, ...refused.map((r) => r.raw.length));
  ws.columns = [...Array.from({ length: width }, () => ({ width: 14 })), { width: 60 }];
  const head = ws.addRow([...Array.from({ length: width }, (_, i) => header[i] ?? null), problemHeader]);
  head.font = { bold: true };
  head.commit();
  for (const r of refused) {
    const cells = Array.from({ length: width }, (_, i) => r.raw[i] ?? null);
    const said = r.problems.map((p) => `${p.column}：${problemText(p, texts)}`).join('；');
    const row = ws.addRow([...cells, said]);
    for (const [i, cell] of cells.entries()) if (cell instanceof Date) row.getCell(i + 1).numFmt = 'yyyy-mm-dd';
    for (const p of r.problems) {
      const col = mapping[p.field];
      if (col !== null && col !== undefined) row.getCell(col + 1).fill = FAULT_FILL;
    }
    row.getCell(width + 1).font = { color: { argb: 'FFC00000' } };
    row.commit();
  }
  await ws.commit();
  await wb.commit();
}
