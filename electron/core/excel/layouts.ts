import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ColumnMapping, SheetName } from '../../contract';
import type { DB } from '../db/schema';
import { headerKey } from './cells';
import type { RawRow } from './read-sheet';

/** A remembered mapping: field key → the header (as compared) its column has, or null for "not imported". */
export type LayoutMapping = Record<string, string | null>;

/** A spreadsheet's layout: its set of headers as compared (order and repeats do not matter), hashed. */
export function layoutOf(header: RawRow): string {
  const keys = [...new Set(header.map((c) => headerKey(c)).filter(Boolean))].sort();
  return createHash('sha256').update(keys.join('\u0000')).digest('hex').slice(0, 32);
}

/** Column numbers → header names, so a remembered mapping still fits when the columns move. */
export function byHeader(header: RawRow, mapping: ColumnMapping): LayoutMapping {
  return Object.fromEntries(
    Object.entries(mapping).map(([field, col]) => [
      field,
      col === null || col === undefined ? null : headerKey(header[col] ?? null) || null,
    ]),
  );
}

/** A remembered mapping on this header row; fields it does not name keep `fallback`'s column. */
export function toColumns(header: RawRow, remembered: LayoutMapping, fallback: ColumnMapping): ColumnMapping {
  const keys = header.map((c) => headerKey(c));
  const out: ColumnMapping = { ...fallback };
  for (const [field, name] of Object.entries(remembered)) {
    if (!(field in fallback)) continue; // a field the sheet no longer has
    const col = name === null ? -1 : keys.indexOf(name);
    out[field] = col >= 0 ? col : null;
  }
  return out;
}

export async function loadLayouts(db: Kysely<DB>, sheet: SheetName): Promise<Map<string, LayoutMapping>> {
  const rows = await db
    .selectFrom('import_layouts')
    .select(['layout', 'mapping_json'])
    .where('sheet', '=', sheet)
    .execute();
  return new Map(rows.map((r) => [r.layout, JSON.parse(r.mapping_json) as LayoutMapping]));
}

export async function rememberLayout(
  db: Kysely<DB>,
  sheet: SheetName,
  layout: string,
  mapping: LayoutMapping,
  by: string,
  at: string,
): Promise<void> {
  const row = { sheet, layout, mapping_json: JSON.stringify(mapping), saved_by: by, saved_at: at };
  await db
    .insertInto('import_layouts')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['sheet', 'layout']).doUpdateSet({ mapping_json: row.mapping_json, saved_by: by, saved_at: at }),
    )
    .execute();
}

export async function forgetLayout(db: Kysely<DB>, sheet: SheetName, layout: string): Promise<boolean> {
  const r = await db
    .deleteFrom('import_layouts')
    .where('sheet', '=', sheet)
    .where('layout', '=', layout)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
