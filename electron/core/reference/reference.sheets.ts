import {
  AREA_TYPES,
  CONDUCTOR_TYPES,
  TEAM_KINDS,
  VOLTAGE_LEVELS,
  contract,
  type GridRequest,
  type MethodName,
  type SheetName,
} from '../../contract';
import type { HandlerContext } from '../context';
import { writeThroughHandler } from '../excel/sheet-context';
import { nameKey } from '../excel/cells';
import { namesFor } from '../excel/header-synonyms';
import type { ExportColumn, LedgerSheet, SheetContext, SheetField } from '../excel/sheet';
import { positionFields } from './position-fields';
import { referenceHandlers } from './reference.handlers';
import { lines, teams, townships, villages } from './reference.repository';

type Table = 'lines' | 'townships' | 'villages' | 'teams';
type Row = Record<string, unknown> & { id: number; version: number; name: string };
interface Lookups {
  townships: Map<string, number>;
}

const REPOS = { lines, townships, villages, teams } as const;

/** Every live row of a reference table, in pages (they are small: hundreds of rows, not millions). */
async function* allRows(ctx: SheetContext, table: Table, req: GridRequest): AsyncGenerator<Row> {
  for (let start = 0; ; start += 1000) {
    const page = (await REPOS[table].list(ctx.db, { ...req, startRow: start, endRow: start + 1000 })) as {
      rows: Row[];
      rowCount: number;
    };
    yield* page.rows;
    if (start + 1000 >= page.rowCount) return;
  }
}

function referenceSheet(spec: {
  table: Table;
  fields: SheetField[];
  keyOf: (input: Record<string, unknown>) => string;
  inputOf: (row: Row) => Record<string, unknown>;
  exportColumns: Record<string, ExportColumn<Row>>;
}): LedgerSheet<Lookups, Row, Row> {
  const save = referenceHandlers[`${spec.table}.save` as `lines.save`] as unknown as (
    input: unknown,
    ctx: HandlerContext,
  ) => Promise<unknown>;
  return {
    name: spec.table as SheetName,
    saveMethod: `${spec.table}.save` as MethodName,
    schema: contract[`${spec.table}.save`].input,
    fields: spec.fields,
    keyRule: `import.keyRule.${spec.table}`,
    async loadLookups({ db }) {
      const rows = await db.selectFrom('townships').select(['id', 'name']).where('deleted_at', 'is', null).execute();
      return { townships: new Map(rows.map((t) => [nameKey(t.name), t.id])) };
    },
    lookupNames(lookups, field) {
      return field === 'township' ? [...lookups.townships.keys()] : [];
    },
    toInput(values, lookups, problems) {
      const input: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(values)) {
        if (key === 'township') {
          const id = value === null ? undefined : lookups.townships.get(nameKey(String(value)));
          if (value !== null && id === undefined)
            problems.push({ field: 'township', message: 'import.unknownReference', params: { value: String(value) } });
          input.townshipId = id;
        } else if (key === 'townships') {
          const names = (value as string[] | null) ?? [];
          const ids: number[] = [];
          for (const n of names) {
            const id = lookups.townships.get(nameKey(n));
            if (id === undefined)
              problems.push({ field: 'townships', message: 'import.unknownReference', params: { value: n } });
            else ids.push(id);
          }
          input.townshipIds = ids;
        } else input[key] = value;
      }
      return input;
    },
    keyOf: spec.keyOf,
    async loadExisting(ctx) {
      const found = new Map<string, Row>();
      for await (const row of allRows(ctx, spec.table, { startRow: 0, endRow: 1000, sortModel: [], filterModel: {} }))
        found.set(spec.keyOf(spec.inputOf(row)), row);
      return found;
    },
    inputOf: spec.inputOf,
    write: (ctx, rows, _lookups, progress) => writeThroughHandler(ctx, rows, save, progress),
    listSchema: contract[`${spec.table}.list`].input,
    rows: (ctx, list) => allRows(ctx, spec.table, list as GridRequest),
    count: async (ctx, list) =>
      (
        (await REPOS[spec.table].list(ctx.db, { ...(list as GridRequest), startRow: 0, endRow: 1 })) as {
          rowCount: number;
        }
      ).rowCount,
    exportColumns: spec.exportColumns,
  };
}

const name = (key = 'name'): SheetField => ({
  key,
  label: 'reference.name',
  kind: 'text',
  required: true,
  example: '',
  aliases: namesFor('name'),
  width: 18,
});
const notes: SheetField = {
  key: 'notes',
  label: 'reference.notes',
  kind: 'text',
  example: null,
  aliases: namesFor('notes'),
  width: 24,
};
const text = (width = 14): ExportColumn<Row> => ({ kind: 'text', width });
const byName = (i: Record<string, unknown>) => nameKey(String(i.name));

export const referenceSheets = {
  townships: referenceSheet({
    table: 'townships',
    fields: [
      { ...name(), example: '城关镇', aliases: [...namesFor('name'), ...namesFor('township')] },
      ...positionFields(111.6985, 29.0317),
      notes,
    ],
    keyOf: byName,
    inputOf: (r) => ({
      id: r.id,
      version: r.version,
      name: r.name,
      longitude: r.longitude,
      latitude: r.latitude,
      notes: r.notes,
    }),
    exportColumns: {
      name: text(),
      villageCount: { kind: 'number' },
      longitude: { kind: 'number', width: 12 },
      latitude: { kind: 'number', width: 12 },
      notes: text(24),
    },
  }),
  villages: referenceSheet({
    table: 'villages',
    fields: [
      {
        key: 'township',
        label: 'reference.township',
        kind: 'lookup',
        required: true,
        inputKey: 'townshipId',
        example: '城关镇',
        aliases: namesFor('township'),
        width: 12,
      },
      { ...name(), example: '东关村', aliases: [...namesFor('name'), ...namesFor('village')] },
      notes,
    ],
    keyOf: (i) => `${String(i.townshipId)}|${nameKey(String(i.name))}`,
    inputOf: (r) => ({ id: r.id, version: r.version, townshipId: r.townshipId, name: r.name, notes: r.notes }),
    exportColumns: { name: text(), townshipName: text(), notes: text(24) },
  }),
  teams: referenceSheet({
    table: 'teams',
    fields: [
      { ...name(), example: '城关供电所线路班', aliases: [...namesFor('name'), '班组名称', '班组'] },
      {
        key: 'kind',
        label: 'reference.kind',
        kind: 'enum',
        required: true,
        values: TEAM_KINDS,
        valueLabels: 'reference.teamKinds',
        example: '线路班',
        aliases: namesFor('teamKind'),
        width: 12,
      },
      {
        key: 'phone',
        label: 'reference.phone',
        kind: 'text',
        example: '0371-12345678',
        aliases: namesFor('phone'),
        width: 14,
      },
      notes,
    ],
    keyOf: byName,
    inputOf: (r) => ({ id: r.id, version: r.version, name: r.name, kind: r.kind, phone: r.phone, notes: r.notes }),
    exportColumns: {
      name: text(18),
      kind: { kind: 'enum', valueLabels: 'reference.teamKinds' },
      phone: text(),
      notes: text(24),
    },
  }),
  lines: referenceSheet({
    table: 'lines',
    fields: [
      { ...name(), example: '10kV 城关一线', aliases: [...namesFor('name'), ...namesFor('line')] },
      { key: 'code', label: 'reference.code', kind: 'text', example: 'CG01', aliases: namesFor('lineCode'), width: 10 },
      {
        key: 'voltage',
        label: 'reference.voltage',
        kind: 'enum',
        required: true,
        values: VOLTAGE_LEVELS,
        valueLabels: 'reference.voltages',
        example: '10kV',
        aliases: namesFor('voltage'),
        width: 10,
      },
      {
        key: 'conductor',
        label: 'reference.conductor',
        kind: 'enum',
        required: true,
        values: CONDUCTOR_TYPES,
        valueLabels: 'reference.conductors',
        example: '裸导线',
        aliases: namesFor('conductor'),
        width: 10,
      },
      {
        key: 'areaType',
        label: 'reference.areaType',
        kind: 'enum',
        required: true,
        values: AREA_TYPES,
        valueLabels: 'reference.areaTypes',
        example: '农村',
        aliases: namesFor('areaType'),
        width: 10,
      },
      {
        key: 'substation',
        label: 'reference.substation',
        kind: 'text',
        example: '城关变',
        aliases: namesFor('substation'),
        width: 12,
      },
      {
        key: 'lengthKm',
        label: 'reference.lengthKm',
        kind: 'number',
        example: 12.5,
        aliases: namesFor('lengthKm'),
        width: 10,
      },
      {
        key: 'towerCount',
        label: 'reference.towerCount',
        kind: 'number',
        example: 180,
        aliases: namesFor('towerCount'),
        width: 8,
      },
      {
        key: 'commissionedDate',
        label: 'reference.commissionedDate',
        kind: 'date',
        example: '2015-06-30',
        aliases: namesFor('commissionedDate'),
        width: 12,
      },
      {
        key: 'townships',
        label: 'reference.townships',
        kind: 'lookupList',
        inputKey: 'townshipIds',
        example: '城关镇、河口乡',
        aliases: namesFor('townships'),
        width: 20,
      },
      notes,
    ],
    keyOf: byName,
    inputOf: (r) => ({
      id: r.id,
      version: r.version,
      name: r.name,
      code: r.code,
      voltage: r.voltage,
      conductor: r.conductor,
      areaType: r.areaType,
      substation: r.substation,
      lengthKm: r.lengthKm,
      towerCount: r.towerCount,
      commissionedDate: r.commissionedDate,
      townshipIds: r.townshipIds,
      notes: r.notes,
    }),
    exportColumns: {
      name: text(18),
      code: text(10),
      voltage: { kind: 'enum', valueLabels: 'reference.voltages' },
      conductor: { kind: 'enum', valueLabels: 'reference.conductors' },
      areaType: { kind: 'enum', valueLabels: 'reference.areaTypes' },
      substation: text(),
      lengthKm: { kind: 'number' },
      towerCount: { kind: 'number' },
      commissionedDate: { kind: 'date' },
      townshipNames: text(24),
      notes: text(24),
    },
  }),
};
