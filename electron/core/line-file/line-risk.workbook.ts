import ExcelJS from 'exceljs';
import { RISK_FACTORS, type LineRiskHeaders, type LineRiskRow } from '../../contract';

/**
 * 线路风险排序 as a workbook for the file before the season: the first sheet has each line's points per
 * factor (weight already applied, the weight in the header), the second the counts behind them.
 */
export async function lineRiskWorkbook(rows: LineRiskRow[], headers: LineRiskHeaders): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'GridDesk';
  const weights = new Map(rows[0]?.parts.map((p) => [p.factor, p.weight]) ?? []);
  const sheet = (name: string, value: (p: LineRiskRow['parts'][number]) => number, withWeights: boolean) => {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
    ws.columns = [
      { header: headers.rank, key: 'rank', width: 6 },
      { header: headers.line, key: 'line', width: 22 },
      { header: headers.towerCount, key: 'towerCount', width: 8 },
      { header: headers.score, key: 'score', width: 8 },
      ...RISK_FACTORS.map((f) => ({
        header: withWeights && weights.has(f) ? `${headers.factors[f]} ×${weights.get(f)}` : headers.factors[f],
        key: f,
        width: 14,
      })),
    ];
    rows.forEach((r, i) =>
      ws.addRow({
        rank: i + 1,
        line: r.lineName,
        towerCount: r.towerCount,
        score: r.score,
        ...Object.fromEntries(r.parts.map((p) => [p.factor, value(p)])),
      }),
    );
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).alignment = { wrapText: true, vertical: 'middle' };
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 4 + RISK_FACTORS.length } };
  };
  sheet(headers.sheet, (p) => p.points, true);
  sheet(headers.countsSheet, (p) => p.count, false);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
