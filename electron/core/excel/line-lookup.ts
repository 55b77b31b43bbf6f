import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { nameKey } from './cells';
import type { TowerBound } from '../reference/tower-bounds';
import type { RowProblem } from './sheet';

/** Registers that name their line in a column: live lines by name, as a sheet would write it. */
export interface LineLookups {
  lines: Map<string, number>;
  /** Lines with a tower count: a row's towers must lie on its line. */
  towers: Map<number, TowerBound>;
}

export async function loadLineLookups(db: Kysely<DB>): Promise<LineLookups> {
  const lines = await db
    .selectFrom('lines')
    .select(['id', 'name', 'tower_count'])
    .where('deleted_at', 'is', null)
    .execute();
  return {
    lines: new Map(lines.map((l) => [nameKey(l.name), l.id])),
    towers: new Map(lines.flatMap((l) => (l.tower_count ? [[l.id, { count: l.tower_count, line: l.name }]] : []))),
  };
}

export const lineNames = (lookups: LineLookups, field: string) => (field === 'line' ? [...lookups.lines.keys()] : []);

/** The line column's value → lineId (null when blank); an unknown name is a problem on that column. */
export function lineIdOf(value: unknown, lookups: LineLookups, problems: RowProblem[]): number | null {
  const id = value === null ? null : lookups.lines.get(nameKey(String(value)));
  if (id === undefined)
    problems.push({ field: 'line', message: 'import.unknownReference', params: { value: String(value) } });
  return id ?? null;
}

/**
 * A sheet row's values → the save's input for a register that names its line: the line column
 * becomes `lineId`; `column` may take any other column (returning true when it did); the rest pass through.
 */
export function lineSheetInput(
  values: Record<string, unknown>,
  lookups: LineLookups,
  problems: RowProblem[],
  column?: (key: string, value: unknown, input: Record<string, unknown>) => boolean,
): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (key === 'line') input.lineId = lineIdOf(value, lookups, problems);
    else if (!column?.(key, value, input)) input[key] = value;
  }
  return input;
}
