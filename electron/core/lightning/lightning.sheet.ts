import {
  LIGHTNING_DEVICE_TYPES,
  LIGHTNING_SITES,
  contract,
  towerNumbersIn,
  type LightningDeviceRow,
  type ParsedInputOf,
} from '../../contract';
import type { HandlerContext } from '../context';
import { nameKey } from '../excel/cells';
import { namesFor } from '../excel/header-synonyms';
import { writeThroughHandler } from '../excel/sheet-context';
import type { LedgerSheet } from '../excel/sheet';
import { lineNames, lineSheetInput, loadLineLookups, type LineLookups } from '../excel/line-lookup';
import { towersBeyondLine } from '../reference/tower-bounds';
import { lightningHandlers } from './lightning.handlers';
import { allDevices, listDevices, loadLightningContext } from './lightning.repository';

const save = lightningHandlers['lightningDevices.save'] as unknown as (
  input: unknown,
  ctx: HandlerContext,
) => Promise<LightningDeviceRow>;

/** 防雷设施 in and out of Excel (the register most offices keep as a sheet today); the same code is the same device. */
export const lightningDeviceSheet: LedgerSheet<LineLookups, LightningDeviceRow, LightningDeviceRow> = {
  name: 'lightningDevices',
  saveMethod: 'lightningDevices.save',
  schema: contract['lightningDevices.save'].input,
  keyRule: 'import.keyRule.lightningDevices',
  fields: [
    {
      key: 'code',
      label: 'lightning.code',
      kind: 'text',
      required: true,
      example: 'JD-0001',
      aliases: namesFor('deviceCode'),
      width: 12,
    },
    {
      key: 'kind',
      label: 'lightning.kind',
      kind: 'enum',
      required: true,
      values: LIGHTNING_DEVICE_TYPES,
      valueLabels: 'lightning.kinds',
      example: '接地装置',
      aliases: namesFor('deviceKind'),
      width: 14,
    },
    {
      key: 'site',
      label: 'lightning.site',
      kind: 'enum',
      required: true,
      values: LIGHTNING_SITES,
      valueLabels: 'lightning.sites',
      example: '线路杆塔',
      aliases: namesFor('site'),
      width: 14,
    },
    {
      key: 'line',
      label: 'lightning.line',
      kind: 'lookup',
      inputKey: 'lineId',
      example: null,
      aliases: namesFor('line'),
      width: 16,
    },
    { key: 'tower', label: 'lightning.tower', kind: 'text', example: '#12', aliases: namesFor('tower'), width: 8 },
    {
      key: 'siteName',
      label: 'lightning.siteName',
      kind: 'text',
      example: null,
      aliases: namesFor('siteName'),
      width: 16,
    },
    { key: 'model', label: 'lightning.model', kind: 'text', example: null, aliases: namesFor('model'), width: 14 },
    {
      key: 'ratedKv',
      label: 'lightning.ratedKv',
      kind: 'number',
      example: null,
      aliases: namesFor('ratedKv'),
      width: 10,
    },
    {
      key: 'installDate',
      label: 'lightning.installDate',
      kind: 'date',
      example: '2012-05-01',
      aliases: namesFor('commissionedDate'),
      width: 12,
    },
    {
      key: 'soilResistivity',
      label: 'lightning.soilResistivity',
      kind: 'number',
      example: 300,
      aliases: namesFor('soilResistivity'),
      width: 12,
    },
    {
      key: 'transformerKva',
      label: 'lightning.transformerKva',
      kind: 'number',
      example: null,
      aliases: namesFor('transformerKva'),
      width: 10,
    },
    {
      key: 'hasGroundWire',
      label: 'lightning.hasGroundWire',
      kind: 'boolean',
      example: true,
      aliases: namesFor('hasGroundWire'),
      width: 10,
    },
    {
      key: 'radialElectrodes',
      label: 'lightning.radialElectrodes',
      kind: 'boolean',
      example: false,
      aliases: namesFor('radialElectrodes'),
      width: 10,
    },
    {
      key: 'nearStation',
      label: 'lightning.nearStation',
      kind: 'boolean',
      example: false,
      aliases: namesFor('nearStation'),
      width: 10,
    },
    {
      key: 'u1maInitial',
      label: 'lightning.u1maInitial',
      kind: 'number',
      example: null,
      aliases: namesFor('u1maInitial'),
      width: 10,
    },
    { key: 'notes', label: 'lightning.notes', kind: 'text', example: null, aliases: namesFor('notes'), width: 20 },
  ],
  loadLookups: ({ db }) => loadLineLookups(db),
  lookupNames: lineNames,
  // A blank yes/no or count column is left out, so the form's default applies.
  toInput: (values, lookups, problems) =>
    lineSheetInput(
      values,
      lookups,
      problems,
      (key, value) => value === null && ['hasGroundWire', 'radialElectrodes', 'nearStation'].includes(key),
    ),
  keyOf: (input) => nameKey(String(input.code)),
  async loadExisting(ctx) {
    const found = new Map<string, LightningDeviceRow>();
    for await (const r of allDevices(ctx.db, await loadLightningContext(ctx.db, ctx.today)))
      found.set(nameKey(r.code), r);
    return found;
  },
  inputOf: (r) => ({
    id: r.id,
    version: r.version,
    kind: r.kind,
    code: r.code,
    site: r.site,
    lineId: r.lineId,
    tower: r.tower,
    siteName: r.siteName,
    model: r.model,
    ratedKv: r.ratedKv,
    installDate: r.installDate,
    soilResistivity: r.soilResistivity,
    transformerKva: r.transformerKva,
    hasGroundWire: r.hasGroundWire,
    radialElectrodes: r.radialElectrodes,
    nearStation: r.nearStation,
    u1maInitial: r.u1maInitial,
    notes: r.notes,
  }),
  check(input, _existing, problems, lookups) {
    // Shown in the preview; the save handler refuses the same at commit.
    const beyond = towersBeyondLine(
      lookups.towers.get(Number(input.lineId)),
      towerNumbersIn(String(input.tower ?? '')),
    );
    if (beyond) problems.push({ field: 'tower', ...beyond });
  },
  write: (ctx, rows, _lookups, progress) => writeThroughHandler(ctx, rows, save, progress),
  listSchema: contract['lightningDevices.list'].input,
  rows: async function* (ctx, list) {
    yield* allDevices(
      ctx.db,
      await loadLightningContext(ctx.db, ctx.today),
      list as ParsedInputOf<'lightningDevices.list'>,
    );
  },
  async count(ctx, list) {
    return (
      await listDevices(
        ctx.db,
        { ...(list as ParsedInputOf<'lightningDevices.list'>), startRow: 0, endRow: 1 },
        await loadLightningContext(ctx.db, ctx.today),
      )
    ).rowCount;
  },
  exportColumns: {
    code: { kind: 'text', width: 12 },
    kind: { kind: 'enum', valueLabels: 'lightning.kinds' },
    site: { kind: 'enum', valueLabels: 'lightning.sites' },
    lineName: { kind: 'text', width: 16 },
    tower: { kind: 'text' },
    siteName: { kind: 'text', width: 16 },
    soilResistivity: { kind: 'number' },
    lastTestedOn: { kind: 'date', width: 12 },
    lastVerdict: { kind: 'enum', valueLabels: 'lightning.verdicts' },
    nextDueOn: { kind: 'date', width: 12 },
  },
};
