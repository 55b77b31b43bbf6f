import ExcelJS from 'exceljs';
import { labelAt, type LabelLanguage } from '../../contract';
import { own } from '../shared/own';
import type { LedgerSheet, SheetContext } from './sheet';

export interface ExportRequest {
  list: unknown;
  columns: { colId: string; header: string }[];
  language: LabelLanguage;
  outputPath: string;
}

const dateCell = (v: unknown) =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? new Date(`${v.slice(0, 10)}T00:00:00Z`) : null;

/**
 * Streams the grid's rows into an .xlsx: the columns the user sees, in their order, with their
 * headers; dates as real dates, fixed values as their labels. Memory stays flat for a million rows.
 */
export async function exportSheet(
  sheet: LedgerSheet<unknown, unknown, unknown>,
  req: ExportRequest,
  ctx: SheetContext,
  progress: (done: number, total: number) => void,
): Promise<number> {
  const columns = req.columns.filter((c) => own(sheet.exportColumns, c.colId));
  const total = await sheet.count(ctx, req.list);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: req.outputPath,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = 'GridDesk';
  const ws = wb.addWorksheet('导出', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => {
    const def = sheet.exportColumns[c.colId]!;
    return {
      header: c.header,
      key: c.colId,
      width: def.width ?? (def.kind === 'date' ? 12 : 11),
      style: def.kind === 'date' ? { numFmt: 'yyyy-mm-dd' } : {},
    };
  });
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();

  const yes = req.language === 'en' ? 'Yes' : '是';
  const no = req.language === 'en' ? 'No' : '否';
  let n = 0;
  for await (const row of sheet.rows(ctx, req.list)) {
    const r = row as Record<string, unknown>;
    const values = columns.map((c) => {
      const def = sheet.exportColumns[c.colId]!;
      const v = def.value ? def.value(row, req.language) : r[c.colId];
      if (v === null || v === undefined) return null;
      switch (def.kind) {
        case 'date':
          return dateCell(v);
        case 'enum': {
          const label = labelAt(req.language, `${def.valueLabels}.${String(v)}`);
          return typeof label === 'string' ? label : String(v);
        }
        case 'boolean':
          return v ? yes : no;
        case 'number':
          return typeof v === 'number' ? v : Number(v);
        default:
          return String(v);
      }
    });
    ws.addRow(values).commit();
    if (++n % 5000 === 0) progress(n, total);
  }
  progress(n, total);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(1, columns.length) } };
  await ws.commit();
  await wb.commit();
  return n;
}
