import { sql, type Selectable } from 'kysely';
import {
  CLEARANCE_ACTIONS,
  TREE_CLASSES,
  VEGETATION_STATUSES,
  contract,
  formatTowerRange,
  parseTowerRange,
  type ParsedInputOf,
  type VegetationRow,
  presetsOf,
} from '../../contract';
import type { VegetationRecordsTable } from '../db/schema';
import { writeAudit } from '../audit/audit.repository';
import type { LedgerSheet, RowProblem } from '../excel/sheet';
import { loadSettings, type Settings } from '../settings/settings.repository';
import { gridRowsOf } from '../shared/grid-query';
import { nameKey } from '../excel/cells';
import { towersBeyondLine, type TowerBound } from '../reference/tower-bounds';
import { namesFor } from '../excel/header-synonyms';
import { listVegetation, recordColumns, vegetationGrid } from './vegetation.repository';
import {
  foundDateOf as recordFoundDate,
  lateReasonProblem,
  statusChangeProblem,
  type LineClass,
} from './vegetation.rules';

type Input = ParsedInputOf<'vegetation.save'>;
type Existing = Selectable<VegetationRecordsTable>;

interface Lookups {
  today: string;
  lines: Map<string, { id: number; name: string } & LineClass>;
  lineById: Map<number, LineClass & { towers: TowerBound | null }>;
  townships: Map<string, number>;
  villages: Map<string, { id: number; townshipId: number }[]>;
  teams: Map<string, number>;
  settings: Settings;
}

/** A row's found date: the sheet's, else the record's own, else the day of the import. */
const foundDateOf = (input: Input, existing: Existing | undefined, today: string) =>
  input.foundDate ?? (existing ? recordFoundDate(existing) : today);

const byName = <T>(rows: T[], name: (r: T) => string) => new Map(rows.map((r) => [nameKey(name(r)), r]));

/** Same record = same line, same towers, same species (a span is trimmed per species each cycle). */
const keyOf = (lineId: unknown, from: number, to: number, species: unknown) =>
  `${String(lineId)}|${from}|${to}|${String(species).trim()}`;

function basisText(row: VegetationRow, lang: 'zh-CN' | 'en'): string {
  const b = row.hazardBasis;
  const measure = lang === 'en' ? b.measure : b.measure === 'vertical' ? '垂直距离' : '水平距离';
  return lang === 'en'
    ? `${measure} ${b.value} m, minimum ${b.minimum} m (${b.source})`
    : `${measure} ${b.value} m，最小允许 ${b.minimum} m（${b.source}）`;
}

export const vegetationSheet: LedgerSheet<Lookups, Existing, VegetationRow> = {
  name: 'vegetation',
  saveMethod: 'vegetation.save',
  schema: contract['vegetation.save'].input,
  keyRule: 'import.keyRule.vegetation',
  fields: [
    {
      key: 'line',
      label: 'vegetation.line',
      kind: 'lookup',
      required: true,
      inputKey: 'lineId',
      example: '10kV 城关一线',
      aliases: namesFor('line'),
      width: 18,
    },
    {
      key: 'towerRange',
      label: 'vegetation.towerRange',
      kind: 'text',
      required: true,
      example: '#12–#15',
      aliases: namesFor('towerRange'),
      width: 12,
    },
    {
      key: 'township',
      label: 'vegetation.township',
      kind: 'lookup',
      inputKey: 'townshipId',
      example: '城关镇',
      aliases: namesFor('township'),
      width: 10,
    },
    {
      key: 'village',
      label: 'vegetation.village',
      kind: 'lookup',
      inputKey: 'villageId',
      example: '东关村',
      aliases: namesFor('village'),
      width: 10,
    },
    {
      key: 'landowner',
      label: 'vegetation.landowner',
      kind: 'text',
      example: '张三',
      aliases: namesFor('landowner'),
      width: 10,
    },
    {
      key: 'landownerPhone',
      label: 'vegetation.landownerPhone',
      kind: 'text',
      example: '13800000000',
      aliases: namesFor('landownerPhone'),
      width: 14,
    },
    {
      key: 'species',
      label: 'vegetation.species',
      kind: 'text',
      required: true,
      example: '杨树',
      aliases: namesFor('species'),
      width: 8,
    },
    {
      key: 'treeCount',
      label: 'vegetation.treeCount',
      kind: 'integer',
      required: true,
      example: 5,
      aliases: namesFor('treeCount'),
      width: 8,
    },
    {
      key: 'treeHeight',
      label: 'vegetation.treeHeight',
      kind: 'number',
      example: 12,
      aliases: namesFor('treeHeight'),
      width: 9,
    },
    {
      key: 'verticalDistance',
      label: 'vegetation.verticalDistance',
      kind: 'number',
      example: 2.5,
      aliases: namesFor('verticalDistance'),
      width: 12,
    },
    {
      key: 'horizontalDistance',
      label: 'vegetation.horizontalDistance',
      kind: 'number',
      example: null,
      aliases: namesFor('horizontalDistance'),
      width: 12,
    },
    {
      key: 'treeClass',
      label: 'vegetation.treeClass',
      kind: 'enum',
      values: TREE_CLASSES,
      valueLabels: 'vegetation.treeClasses',
      example: '一般林木',
      aliases: namesFor('treeClass'),
      width: 14,
    },
    {
      key: 'plantedInZone',
      label: 'vegetation.plantedInZone',
      kind: 'boolean',
      example: '否',
      aliases: namesFor('plantedInZone'),
      width: 10,
    },
    {
      key: 'action',
      label: 'vegetation.action',
      kind: 'enum',
      required: true,
      values: CLEARANCE_ACTIONS,
      valueLabels: 'vegetation.actions',
      example: '修剪',
      aliases: namesFor('action'),
      width: 9,
    },
    {
      key: 'foundDate',
      label: 'vegetation.foundDate',
      kind: 'date',
      example: '2026-04-20',
      aliases: namesFor('foundDate'),
      width: 12,
    },
    {
      key: 'plannedDate',
      label: 'vegetation.plannedDate',
      kind: 'date',
      example: '2026-05-03',
      aliases: namesFor('plannedDate'),
      width: 12,
    },
    {
      key: 'lateReason',
      label: 'vegetation.lateReason',
      kind: 'text',
      example: null,
      aliases: namesFor('lateReason'),
      width: 16,
    },
    {
      key: 'team',
      label: 'vegetation.team',
      kind: 'lookup',
      inputKey: 'teamId',
      example: null,
      aliases: namesFor('team'),
      width: 14,
    },
    {
      key: 'status',
      label: 'vegetation.status',
      kind: 'enum',
      values: VEGETATION_STATUSES.filter((s) => s !== 'blocked'),
      valueLabels: 'vegetation.statuses',
      example: '待排期',
      aliases: namesFor('status'),
      width: 9,
    },
    {
      key: 'distanceAfter',
      label: 'vegetation.distanceAfter',
      kind: 'number',
      example: null,
      aliases: namesFor('distanceAfter'),
      width: 13,
    },
    {
      key: 'completedDate',
      label: 'vegetation.completedDate',
      kind: 'date',
      example: null,
      aliases: namesFor('completedDate'),
      width: 12,
    },
    { key: 'notes', label: 'vegetation.notes', kind: 'text', example: null, aliases: namesFor('notes'), width: 24 },
  ],

  async loadLookups(ctx) {
    const { db } = ctx;
    const [lines, townships, villages, teams, settings] = await Promise.all([
      db
        .selectFrom('lines')
        .select(['id', 'name', 'code', 'voltage', 'conductor', 'tower_count'])
        .where('deleted_at', 'is', null)
        .execute(),
      db.selectFrom('townships').select(['id', 'name']).where('deleted_at', 'is', null).execute(),
      db.selectFrom('villages').select(['id', 'name', 'township_id']).where('deleted_at', 'is', null).execute(),
      db.selectFrom('teams').select(['id', 'name']).where('deleted_at', 'is', null).execute(),
      loadSettings(db),
    ]);
    const lineEntries = lines.map((l) => ({
      id: l.id,
      name: l.name,
      voltage: l.voltage as LineClass['voltage'],
      conductor: l.conductor as LineClass['conductor'],
      towers: l.tower_count ? { count: l.tower_count, line: l.name } : null,
    }));
    const lineMap = byName(lineEntries, (l) => l.name);
    // A line's code (e.g. 10kV线路编号) finds it too.
    for (const l of lines)
      if (l.code && !lineMap.has(nameKey(l.code))) lineMap.set(nameKey(l.code), lineMap.get(nameKey(l.name))!);
    const villageMap = new Map<string, { id: number; townshipId: number }[]>();
    for (const v of villages) {
      const k = nameKey(v.name);
      villageMap.set(k, [...(villageMap.get(k) ?? []), { id: v.id, townshipId: v.township_id }]);
    }
    return {
      today: ctx.today,
      lines: lineMap,
      lineById: new Map(lineEntries.map((l) => [l.id, l])),
      townships: new Map(townships.map((t) => [nameKey(t.name), t.id])),
      villages: villageMap,
      teams: new Map(teams.map((t) => [nameKey(t.name), t.id])),
      settings,
    };
  },

  lookupNames(lookups, field) {
    if (field === 'line') return [...new Set([...lookups.lines.values()].map((l) => l.name))].sort();
    return [];
  },

  toInput(values, lookups, problems) {
    const input: Record<string, unknown> = {};
    const unknown = (field: string, value: unknown) =>
      problems.push({ field, message: 'import.unknownReference', params: { value: String(value) } });
    for (const [key, value] of Object.entries(values)) {
      if (key === 'line') {
        const line = value === null ? undefined : lookups.lines.get(nameKey(String(value)));
        if (value !== null && !line) unknown('line', value);
        input.lineId = line?.id;
      } else if (key === 'township') {
        const id = value === null ? null : lookups.townships.get(nameKey(String(value)));
        if (id === undefined) unknown('township', value);
        input.townshipId = id ?? null;
      } else if (key === 'team') {
        const id = value === null ? null : lookups.teams.get(nameKey(String(value)));
        if (id === undefined) unknown('team', value);
        input.teamId = id ?? null;
      } else if (key === 'towerRange') {
        // Written the way the ledger shows it, so "#12-15" and "#12–#15" are the same value.
        const towers = typeof value === 'string' ? parseTowerRange(value) : null;
        input.towerRange = towers ? formatTowerRange(towers.from, towers.to) : value;
      } else if (key !== 'village') input[key] = value;
    }
    if ('village' in values) {
      const name = values.village;
      if (name === null) input.villageId = null;
      else {
        const candidates = lookups.villages.get(nameKey(String(name))) ?? [];
        const townshipId = input.townshipId as number | null | undefined;
        const inTownship = townshipId ? candidates.filter((c) => c.townshipId === townshipId) : candidates;
        if (inTownship.length === 1) {
          input.villageId = inTownship[0]!.id;
          input.townshipId ??= inTownship[0]!.townshipId;
        } else if (inTownship.length === 0) {
          problems.push({
            field: 'village',
            message: candidates.length ? 'vegetation.village.otherTownship' : 'import.unknownReference',
            params: { value: String(name) },
          });
        } else problems.push({ field: 'village', message: 'import.ambiguousVillage', params: { value: String(name) } });
      }
    }
    return input;
  },

  keyOf(input) {
    const towers = parseTowerRange(String(input.towerRange)) ?? { from: 0, to: 0 };
    return keyOf(input.lineId, towers.from, towers.to, input.species);
  },

  async loadExisting({ db }, _lookups, keys) {
    const found = new Map<string, Existing>();
    if (keys.length === 0) return found;
    // The keys go into a temporary table and one join finds the records: one pass over the ledger
    // however many rows the sheet has.
    await sql`create temp table if not exists import_keys (line_id integer, tower_from integer, tower_to integer, species text)`.execute(
      db,
    );
    await sql`delete from import_keys`.execute(db);
    const parts = keys.map((k) => k.split('|'));
    for (let i = 0; i < parts.length; i += 200) {
      const chunk = parts
        .slice(i, i + 200)
        .map(([l, f, t, ...s]) => sql`(${Number(l)}, ${Number(f)}, ${Number(t)}, ${s.join('|')})`);
      await sql`insert into import_keys values ${sql.join(chunk)}`.execute(db);
    }
    const rows = (
      await sql<Existing>`select v.* from vegetation_records v join import_keys k on k.line_id = v.line_id and k.tower_from = v.tower_from and k.tower_to = v.tower_to and k.species = v.species where v.deleted_at is null`.execute(
        db,
      )
    ).rows;
    await sql`delete from import_keys`.execute(db);
    for (const r of rows) {
      const key = keyOf(r.line_id, r.tower_from, r.tower_to, r.species);
      // Two records with one key (typed in by hand before): the sheet updates the newest.
      if (!found.has(key) || found.get(key)!.id < r.id) found.set(key, r);
    }
    return found;
  },

  inputOf(r) {
    return {
      id: r.id,
      version: r.version,
      lineId: r.line_id,
      towerRange: formatTowerRange(r.tower_from, r.tower_to),
      townshipId: r.township_id,
      villageId: r.village_id,
      landowner: r.landowner,
      landownerPhone: r.landowner_phone,
      species: r.species,
      treeCount: r.tree_count,
      treeHeight: r.tree_height,
      verticalDistance: r.vertical_distance,
      horizontalDistance: r.horizontal_distance,
      treeClass: r.tree_class,
      plantedInZone: r.planted_in_zone === 1,
      action: r.action,
      foundDate: r.found_date,
      plannedDate: r.planned_date,
      lateReason: r.late_reason,
      teamId: r.team_id,
      status: r.status,
      distanceAfter: r.distance_after,
      completedDate: r.completed_date,
      notes: r.notes,
    };
  },

  check(input, existing, problems: RowProblem[], lookups) {
    const problem = statusChangeProblem(existing?.status, String(input.status));
    if (problem) problems.push({ field: 'status', message: problem });
    // The same rule as the form: a plan past the deadline needs its reason.
    const line = lookups.lineById.get(Number(input.lineId));
    if (!line) return;
    const span = parseTowerRange(String(input.towerRange));
    const beyond = towersBeyondLine(line.towers, span ? [span.from, span.to] : []);
    if (beyond) problems.push({ field: 'towerRange', ...beyond });
    const values = recordColumns(
      input as Input,
      line,
      lookups.settings,
      '',
      foundDateOf(input as Input, existing, lookups.today),
    );
    const late = lateReasonProblem(values.status, values.planned_date, values.deadline, values.late_reason);
    if (late) problems.push({ field: 'lateReason', message: late, params: { deadline: values.deadline ?? '' } });
  },

  async write(ctx, rows, lookups, progress) {
    const at = ctx.now.toISOString();
    const columns = (input: Input, existing?: Existing) =>
      recordColumns(
        input,
        lookups.lineById.get(input.lineId)!,
        lookups.settings,
        at,
        foundDateOf(input, existing, ctx.today),
      );
    const created = rows.filter((r) => !r.existing);
    const createdIds: number[] = [];
    let done = 0;
    // The bulk path: prepared multi-row inserts inside the import's transaction. (Per-row statements
    // cost ~5× through Kysely, and each statement makes the search index flush a segment of its own.)
    const BATCH = 200;
    for (let i = 0; i < created.length; i += BATCH) {
      const rows = created.slice(i, i + BATCH).map((r) => ({ ...columns(r.input as Input), created_at: at }));
      const names = Object.keys(rows[0]!);
      if (ctx.sqlite) {
        const placeholders = `(${names.map(() => '?').join(', ')})`;
        const insert = ctx.sqlite.prepare(
          `insert into vegetation_records (${names.join(', ')}) values ${rows.map(() => placeholders).join(', ')} returning id`,
        );
        const ids = insert.all(...rows.flatMap((r) => names.map((n) => (r as Record<string, unknown>)[n]))) as {
          id: number;
        }[];
        createdIds.push(...ids.map((x) => x.id));
      } else {
        createdIds.push(
          ...(await ctx.db.insertInto('vegetation_records').values(rows).returning('id').execute()).map((x) => x.id),
        );
      }
      done += rows.length;
      progress(done);
    }
    const audit: { entity: string; entityId: number | string; summary: string; before?: unknown; after?: unknown }[] =
      [];
    for (const r of rows.filter((x) => x.existing)) {
      const values = columns(r.input as Input, r.existing);
      await ctx.db
        .updateTable('vegetation_records')
        .set({ ...values, version: sql`version + 1` })
        .where('id', '=', r.existing!.id)
        .execute();
      // The old values are kept in the audit log: an import never loses what it overwrote.
      audit.push({
        entity: 'vegetation',
        entityId: r.existing!.id,
        summary: 'updated by import',
        before: r.existing,
        after: values,
      });
      progress(++done);
    }
    if (createdIds.length) {
      audit.push({
        entity: 'vegetation',
        entityId: `${createdIds[0]}–${createdIds[createdIds.length - 1]}`,
        summary: 'created by import',
        after: { count: createdIds.length },
      });
    }
    await writeAudit(ctx.db, at, ctx.user, 'excel.commit', audit);
    return { created: createdIds.length, updated: rows.length - created.length };
  },

  listSchema: contract['vegetation.list'].input,
  rows(ctx, list) {
    return {
      [Symbol.asyncIterator]: async function* () {
        const req = list as ParsedInputOf<'vegetation.list'>;
        const dueSoonDays = presetsOf(req).includes('due30')
          ? (await loadSettings(ctx.db)).number('vegetation.dueSoonDays')
          : 0;
        yield* gridRowsOf(vegetationGrid(ctx.db, req, ctx.today, dueSoonDays));
      },
    };
  },
  async count(ctx, list) {
    const req = list as ParsedInputOf<'vegetation.list'>;
    const dueSoonDays = presetsOf(req).includes('due30')
      ? (await loadSettings(ctx.db)).number('vegetation.dueSoonDays')
      : 0;
    return (await listVegetation(ctx.db, { ...req, startRow: 0, endRow: 1 }, ctx.today, dueSoonDays)).rowCount;
  },
  exportColumns: {
    lineName: { kind: 'text', width: 18 },
    towerRange: { kind: 'text', width: 12 },
    hazardGrade: { kind: 'enum', valueLabels: 'vegetation.grades', width: 9 },
    status: { kind: 'enum', valueLabels: 'vegetation.statuses', width: 9 },
    dueDate: { kind: 'date' },
    townshipName: { kind: 'text' },
    villageName: { kind: 'text' },
    landowner: { kind: 'text' },
    landownerPhone: { kind: 'text', width: 14 },
    species: { kind: 'text' },
    treeCount: { kind: 'number' },
    treeHeight: { kind: 'number' },
    verticalDistance: { kind: 'number' },
    horizontalDistance: { kind: 'number' },
    treeClass: { kind: 'enum', valueLabels: 'vegetation.treeClasses' },
    plantedInZone: { kind: 'boolean' },
    action: { kind: 'enum', valueLabels: 'vegetation.actions' },
    plannedDate: { kind: 'date' },
    foundDate: { kind: 'date' },
    lateReason: { kind: 'text', width: 24 },
    teamName: { kind: 'text', width: 14 },
    distanceAfter: { kind: 'number' },
    completedDate: { kind: 'date' },
    nextDueDate: { kind: 'date' },
    notes: { kind: 'text', width: 24 },
    basis: { kind: 'text', value: basisText, width: 48 },
  },
};
