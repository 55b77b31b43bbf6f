import { TOWER_KINDS, contract, parseTowerRange, type ParsedInputOf, type TowerRow } from '../../contract';
import type { HandlerContext } from '../context';
import { namesFor } from '../excel/header-synonyms';
import { lineNames, lineSheetInput, loadLineLookups, type LineLookups } from '../excel/line-lookup';
import type { LedgerSheet } from '../excel/sheet';
import { writeThroughHandler } from '../excel/sheet-context';
import { positionFields } from './position-fields';
import { towersBeyondLine } from './tower-bounds';
import { saveTower } from './towers.handlers';
import { allTowers, listTowers } from './towers.repository';

const keyOf = (lineId: unknown, number: unknown) => `${String(lineId)}|${String(number)}`;

/** 杆塔 in and out of Excel: a GIS export or a survey sheet, one row per tower; the same line and number is the same tower. */
export const towerSheet: LedgerSheet<LineLookups, TowerRow, TowerRow> = {
  name: 'towers',
  saveMethod: 'towers.save',
  schema: contract['towers.save'].input,
  keyRule: 'import.keyRule.towers',
  fields: [
    {
      key: 'line',
      label: 'reference.line',
      kind: 'lookup',
      inputKey: 'lineId',
      required: true,
      example: '10kV 城关一线',
      aliases: namesFor('line'),
      width: 18,
    },
    // Text, not a number: sheets write "#12", "12号", "N12".
    {
      key: 'number',
      label: 'reference.towerNumber',
      kind: 'text',
      required: true,
      example: '#12',
      aliases: namesFor('tower'),
      width: 8,
    },
    {
      key: 'kind',
      label: 'reference.towerKind',
      kind: 'enum',
      required: true,
      values: TOWER_KINDS,
      valueLabels: 'reference.towerKinds',
      example: '直线',
      aliases: namesFor('towerKind'),
      width: 10,
    },
    ...positionFields(111.6985, 29.0317),
    {
      key: 'altitude',
      label: 'reference.altitude',
      kind: 'number',
      example: 35,
      aliases: namesFor('altitude'),
      width: 10,
    },
    { key: 'notes', label: 'reference.notes', kind: 'text', example: null, aliases: namesFor('notes'), width: 20 },
  ],
  loadLookups: ({ db }) => loadLineLookups(db),
  lookupNames: lineNames,
  toInput: (values, lookups, problems) =>
    lineSheetInput(values, lookups, problems, (key, value, input) => {
      if (key !== 'number') return false;
      const span = value === null ? null : parseTowerRange(String(value));
      if (span && span.from === span.to) input.number = span.from;
      else if (value !== null)
        problems.push({ field: 'number', message: 'import.oneTower', params: { value: String(value) } });
      return true;
    }),
  keyOf: (input) => keyOf(input.lineId, input.number),
  async loadExisting(ctx) {
    const found = new Map<string, TowerRow>();
    const all = { startRow: 0, endRow: 0, sortModel: [], filterModel: {} };
    for await (const r of allTowers(ctx.db, all)) found.set(keyOf(r.lineId, r.number), r);
    return found;
  },
  inputOf: (r) => ({
    id: r.id,
    version: r.version,
    lineId: r.lineId,
    number: r.number,
    kind: r.kind,
    longitude: r.longitude,
    latitude: r.latitude,
    altitude: r.altitude,
    notes: r.notes,
  }),
  check(input, _existing, problems, lookups) {
    const beyond = towersBeyondLine(lookups.towers.get(Number(input.lineId)), [Number(input.number)]);
    if (beyond) problems.push({ field: 'number', ...beyond });
  },
  write: (ctx, rows, _lookups, progress) =>
    writeThroughHandler(ctx, rows, saveTower as (input: unknown, ctx: HandlerContext) => Promise<unknown>, progress),
  listSchema: contract['towers.list'].input,
  rows: (ctx, list) => allTowers(ctx.db, list as ParsedInputOf<'towers.list'>),
  async count(ctx, list) {
    return (await listTowers(ctx.db, { ...(list as ParsedInputOf<'towers.list'>), startRow: 0, endRow: 1 })).rowCount;
  },
  exportColumns: {
    lineName: { kind: 'text', width: 18 },
    number: { kind: 'number', width: 8 },
    kind: { kind: 'enum', valueLabels: 'reference.towerKinds' },
    longitude: { kind: 'number', width: 12 },
    latitude: { kind: 'number', width: 12 },
    altitude: { kind: 'number' },
    notes: { kind: 'text', width: 20 },
  },
};
