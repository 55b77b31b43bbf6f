import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readSheet } from '../../../../electron/core/excel/read-sheet';

/**
 * A big sheet of Chinese text read back whole. ExcelJS 4.4's streaming reader decoded each inflated
 * chunk on its own, so a character split between two chunks came out as two U+FFFD ("#5211��#5212"
 * at row 74,275 of the bench's 100k-row ledger). patches/exceljs+4.4.0.patch decodes across chunks.
 */
describe('reading a large .xlsx of Chinese text', () => {
  it('keeps every character, whichever chunk boundary it falls on', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    const expected: string[][] = [];
    // Rows of varying length so chunk boundaries (16 KiB of inflated XML) land inside many characters.
    for (let i = 0; i < 6000; i++) {
      const row = [
        `10kV 城关${i % 7}线`,
        `#${i}–#${i + 1}`,
        '杨树'.repeat(1 + (i % 5)),
        `户主${'张王李赵'[i % 4]}${i}`,
      ];
      expected.push(row);
      ws.addRow(row);
    }
    const rows = await readSheet(Buffer.from(await wb.xlsx.writeBuffer()));
    const text = rows.map((r) => r.map((c) => String(c ?? '')));
    expect(text.filter((r) => r.join('').includes('\uFFFD'))).toEqual([]);
    expect(text).toEqual(expected);
  });
});
