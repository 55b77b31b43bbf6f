/**
 * How a list travels over HTTP when the client asks for it (header PACKED_ROWS_HEADER): the row keys
 * once, then each row as an array of values. A grid block of 100 tree-hazard rows shrinks by about
 * 40 %, which is most of what the transport itself costs (encoding, the socket, decoding).
 * Anything else, or rows that do not all share one shape (or hold undefined), travels as plain JSON.
 */
export const PACKED_ROWS_HEADER = 'x-griddesk-rows';

export interface PackedRows {
  $columns: string[];
  $values: unknown[][];
}

const isPlainRow = (r: unknown): r is Record<string, unknown> =>
  typeof r === 'object' && r !== null && !Array.isArray(r);

/** `{ rows: [{a, b}, …], … }` → `{ rows: { $columns: ['a','b'], $values: [[…], …] }, … }`; anything else unchanged. */
export function packRows(result: unknown): unknown {
  if (!isPlainRow(result) || !Array.isArray(result.rows) || result.rows.length === 0) return result;
  const rows = result.rows as unknown[];
  if (!rows.every(isPlainRow)) return result;
  const columns = Object.keys(rows[0] as object);
  const values: unknown[][] = [];
  for (const row of rows as Record<string, unknown>[]) {
    const keys = Object.keys(row);
    if (keys.length !== columns.length || keys.some((k, i) => k !== columns[i])) return result;
    const line = columns.map((c) => row[c]);
    // JSON drops an undefined property but turns an undefined array item into null: keep them apart.
    if (line.includes(undefined)) return result;
    values.push(line);
  }
  return { ...result, rows: { $columns: columns, $values: values } satisfies PackedRows };
}

const isPacked = (v: unknown): v is PackedRows =>
  isPlainRow(v) &&
  Array.isArray((v as Partial<PackedRows>).$columns) &&
  Array.isArray((v as Partial<PackedRows>).$values);

/** The inverse of packRows. */
export function unpackRows(result: unknown): unknown {
  if (!isPlainRow(result) || !isPacked(result.rows)) return result;
  const { $columns, $values } = result.rows;
  const rows = $values.map((values) => {
    const row: Record<string, unknown> = {};
    $columns.forEach((c, i) => (row[c] = values[i]));
    return row;
  });
  return { ...result, rows };
}
