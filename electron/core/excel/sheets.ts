import type { SheetName } from '../../contract';
import { referenceSheets } from '../reference/reference.sheets';
import { staffSheet } from '../staff/staff.sheet';
import { vegetationSheet } from '../vegetation/vegetation.sheet';
import type { LedgerSheet } from './sheet';

/** Every ledger that goes in and out of Excel. A new module adds its sheet here. */
export const SHEETS: Record<SheetName, LedgerSheet<never, never, never>> = {
  vegetation: vegetationSheet as unknown as LedgerSheet<never, never, never>,
  staff: staffSheet as unknown as LedgerSheet<never, never, never>,
  ...(referenceSheets as unknown as Record<'lines' | 'townships' | 'villages' | 'teams', LedgerSheet<never, never, never>>),
};

export function sheetOf(name: SheetName): LedgerSheet<unknown, unknown, unknown> {
  return SHEETS[name] as unknown as LedgerSheet<unknown, unknown, unknown>;
}
