import {
  CONDITION_LEVELS,
  DEFECT_GRADES,
  EQUIPMENT_TYPES,
  contract,
  type EquipmentRow,
  type ParsedInputOf,
} from '../../contract';
import type { HandlerContext } from '../context';
import { nameKey } from '../excel/cells';
import { namesFor } from '../excel/header-synonyms';
import { writeThroughHandler } from '../excel/sheet-context';
import type { LedgerSheet } from '../excel/sheet';
import { lineNames, lineSheetInput, loadLineLookups, type LineLookups } from '../excel/line-lookup';
import { upgradesHandlers } from './upgrades.handlers';
import { allEquipment, listEquipment, loadUpgradeContext } from './upgrades.repository';

type Existing = EquipmentRow;

const save = upgradesHandlers['equipment.save'] as unknown as (
  input: unknown,
  ctx: HandlerContext,
) => Promise<EquipmentRow>;
const CONDITIONS = CONDITION_LEVELS.map(String);

/** 设备台账 in and out of Excel; the same equipment code is the same item. */
export const equipmentSheet: LedgerSheet<LineLookups, Existing, EquipmentRow> = {
  name: 'equipment',
  saveMethod: 'equipment.save',
  schema: contract['equipment.save'].input,
  keyRule: 'import.keyRule.equipment',
  fields: [
    {
      key: 'code',
      label: 'equipment.code',
      kind: 'text',
      required: true,
      example: 'TR-001',
      aliases: namesFor('equipmentCode'),
      width: 12,
    },
    {
      key: 'name',
      label: 'equipment.name',
      kind: 'text',
      required: true,
      example: '10kV 城关线 1 号配变',
      aliases: namesFor('equipmentName'),
      width: 24,
    },
    {
      key: 'kind',
      label: 'equipment.kind',
      kind: 'enum',
      required: true,
      values: EQUIPMENT_TYPES,
      valueLabels: 'equipment.kinds',
      example: '配变',
      aliases: namesFor('equipmentKind'),
      width: 10,
    },
    {
      key: 'line',
      label: 'equipment.line',
      kind: 'lookup',
      inputKey: 'lineId',
      example: null,
      aliases: namesFor('line'),
      width: 16,
    },
    {
      key: 'location',
      label: 'equipment.location',
      kind: 'text',
      example: '#12 杆',
      aliases: namesFor('location'),
      width: 12,
    },
    {
      key: 'model',
      label: 'equipment.model',
      kind: 'text',
      example: 'S11-M-200/10',
      aliases: namesFor('model'),
      width: 16,
    },
    {
      key: 'capacity',
      label: 'equipment.capacity',
      kind: 'text',
      example: '200kVA',
      aliases: namesFor('capacity'),
      width: 10,
    },
    {
      key: 'installYear',
      label: 'equipment.installYear',
      kind: 'integer',
      example: 2008,
      aliases: namesFor('installYear'),
      width: 10,
    },
    {
      key: 'condition',
      label: 'equipment.condition',
      kind: 'enum',
      values: CONDITIONS,
      valueLabels: 'equipment.conditions',
      example: '3 一般',
      aliases: namesFor('condition'),
      width: 10,
    },
    {
      key: 'defectGrade',
      label: 'equipment.defectGrade',
      kind: 'enum',
      values: DEFECT_GRADES,
      valueLabels: 'equipment.grades',
      example: null,
      aliases: namesFor('defectGrade'),
      width: 10,
    },
    {
      key: 'defectFoundOn',
      label: 'equipment.defectFoundOn',
      kind: 'date',
      example: null,
      aliases: namesFor('defectFoundOn'),
      width: 12,
    },
    { key: 'notes', label: 'equipment.notes', kind: 'text', example: null, aliases: namesFor('notes'), width: 20 },
  ],
  loadLookups: ({ db }) => loadLineLookups(db),
  lookupNames: lineNames,
  toInput: (values, lookups, problems) =>
    lineSheetInput(values, lookups, problems, (key, value, input) => {
      if (key !== 'condition') return false;
      input.condition = value === null ? undefined : Number(value);
      return true;
    }),
  keyOf: (input) => nameKey(String(input.code)),
  async loadExisting(ctx) {
    const found = new Map<string, Existing>();
    for await (const r of allEquipment(
      ctx.db,
      { sortModel: [], filterModel: {} },
      await loadUpgradeContext(ctx.db, ctx.today),
    ))
      found.set(nameKey(r.code), r);
    return found;
  },
  inputOf: (r) => ({
    id: r.id,
    version: r.version,
    kind: r.kind,
    code: r.code,
    name: r.name,
    lineId: r.lineId,
    location: r.location,
    model: r.model,
    capacity: r.capacity,
    installYear: r.installYear,
    condition: r.condition,
    defectGrade: r.defectGrade,
    defectFoundOn: r.defectFoundOn,
    notes: r.notes,
  }),
  write: (ctx, rows, _lookups, progress) => writeThroughHandler(ctx, rows, save, progress),
  listSchema: contract['equipment.list'].input,
  rows: async function* (ctx, list) {
    yield* allEquipment(ctx.db, list as ParsedInputOf<'equipment.list'>, await loadUpgradeContext(ctx.db, ctx.today));
  },
  async count(ctx, list) {
    return (
      await listEquipment(
        ctx.db,
        { ...(list as ParsedInputOf<'equipment.list'>), startRow: 0, endRow: 1 },
        await loadUpgradeContext(ctx.db, ctx.today),
      )
    ).rowCount;
  },
  exportColumns: {
    code: { kind: 'text', width: 12 },
    name: { kind: 'text', width: 24 },
    kind: { kind: 'enum', valueLabels: 'equipment.kinds' },
    lineName: { kind: 'text', width: 16 },
    location: { kind: 'text' },
    model: { kind: 'text', width: 16 },
    installYear: { kind: 'number' },
    age: { kind: 'number' },
    condition: { kind: 'enum', valueLabels: 'equipment.conditions' },
    defectGrade: { kind: 'enum', valueLabels: 'equipment.grades' },
    defectDueOn: { kind: 'date', width: 12 },
  },
};
