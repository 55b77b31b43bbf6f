import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ApiError } from '../../contract';
import { checkZip } from './zip-guard';

/** A cell as read: what Excel stored, reduced to plain values. */
export type RawCell = string | number | boolean | Date | null;
export type RawRow = RawCell[];

export const MAX_SHEET_ROWS = 1_000_000;

const refuse = (message: string, params?: Record<string, string | number>) =>
  new ApiError({ code: 'VALIDATION', message, params });

/** Formula results, rich text, hyperlinks and errors become the value a person sees in the cell. */
export function plainCell(v: unknown): RawCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    if ('result' in o) return plainCell(o.result);
    if ('text' in o) return plainCell(o.text);
    if ('error' in o) return null;
  }
  return String(v);
}

/** Decodes a text file: UTF-8 (with or without BOM), else GBK/GB18030 as WPS and old Excel save it. */
export function decodeText(buf: Buffer): string {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3).toString('utf8');
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return new TextDecoder('gb18030').decode(buf);
  }
}

/** RFC 4180 CSV (quotes, doubled quotes, CRLF); tab-separated when the first line has tabs and no commas. */
export function parseCsv(text: string): RawRow[] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const sep = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const rows: RawRow[] = [];
  let row: RawRow = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === sep) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      if (rows.length > MAX_SHEET_ROWS) throw refuse('excel.tooManyRows', { max: MAX_SHEET_ROWS });
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.map((r) => r.map((c) => (c === '' ? null : c)));
}

function kindOf(buf: Buffer): 'xlsx' | 'xls' | 'text' | 'binary' {
  if (buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50) return 'xlsx';
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0) return 'xls';
  const head = buf.subarray(0, 4096);
  if (head[0] === 0xff && head[1] === 0xfe) return 'text';
  return head.includes(0) ? 'binary' : 'text';
}

/**
 * The first worksheet's rows, whatever the file is: .xlsx (streamed, after the zip check), or .csv
 * in UTF-8 or GBK. Everything else gets a message the user can act on.
 */
export async function readSheet(buf: Buffer, onRows?: (n: number) => void): Promise<RawRow[]> {
  const kind = kindOf(buf);
  if (kind === 'xls') throw refuse('excel.oldXls');
  if (kind === 'binary') throw refuse('excel.unreadable');
  if (kind === 'text') return parseCsv(decodeText(buf));
  checkZip(buf);
  const rows: RawRow[] = [];
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(buf), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache', // needed to tell a date cell from a number cell
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = (row.values as unknown[]).slice(1); // ExcelJS rows are 1-based
        rows[row.number - 1] = values.map(plainCell);
        if (row.number > MAX_SHEET_ROWS) throw refuse('excel.tooManyRows', { max: MAX_SHEET_ROWS });
        if (row.number % 5000 === 0) onRows?.(row.number);
      }
      break; // the first worksheet only
    }
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw refuse('excel.unreadable');
  }
  // Rows ExcelJS skipped (empty) are holes: make them empty rows so row numbers stay Excel's.
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return rows;
}
