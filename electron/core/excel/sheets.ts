import type { SheetName } from '../../contract';
import { referenceSheets } from '../reference/reference.sheets';
import { staffSheet } from '../staff/staff.sheet';
import { equipmentSheet } from '../upgrades/equipment.sheet';
import { lightningDeviceSheet } from '../lightning/lightning.sheet';
import { vegetationSheet } from '../vegetation/vegetation.sheet';
import { towerSheet } from '../reference/towers.sheet';
import type { LedgerSheet, SheetContext } from './sheet';

/** Every ledger that goes in and out of Excel. A new module adds its sheet here. */
export const SHEETS: Record<SheetName, LedgerSheet<never, never, never>> = {
  vegetation: vegetationSheet as unknown as LedgerSheet<never, never, never>,
  staff: staffSheet as unknown as LedgerSheet<never, never, never>,
  equipment: equipmentSheet as unknown as LedgerSheet<never, never, never>,
  lightningDevices: lightningDeviceSheet as unknown as LedgerSheet<never, never, never>,
  towers: towerSheet as unknown as LedgerSheet<never, never, never>,
  ...(referenceSheets as unknown as Record<
    'lines' | 'townships' | 'villages' | 'teams',
    LedgerSheet<never, never, never>
  >),
};

export function sheetOf(name: SheetName): LedgerSheet<unknown, unknown, unknown> {
  return SHEETS[name] as unknown as LedgerSheet<unknown, unknown, unknown>;
}

/** The sheet with its columns as this office has them (see LedgerSheet.fieldsFor). */
export async function sheetFor(name: SheetName, ctx: SheetContext): Promise<LedgerSheet<unknown, unknown, unknown>> {
  const sheet = sheetOf(name);
  return sheet.fieldsFor ? { ...sheet, fields: await sheet.fieldsFor(ctx) } : sheet;
}
