import { sql, type Kysely } from 'kysely';
import {
  formatTowerRange,
  VEGETATION_STATUSES,
  HAZARD_GRADES,
  type HazardBasis,
  type ParsedInputOf,
  parseTowerRange,
  type VegetationRow,
  presetsOf,
} from '../../contract';
import type { DB } from '../db/schema';
import type { GridCache } from '../shared/grid-cache';
import { own } from '../shared/own';
import { gridPageOf, searchesIndex, type GridColumns, type GridSource } from '../shared/grid-query';
import { addDays } from '../shared/time';
import type { Settings } from '../settings/settings.repository';
import { fieldError } from '../shared/references';
import { indexedSearch } from '../search/text-index';
import { towerWordsOf } from './tower-search';
import {
  dueDate,
  foundDateOf,
  hazardDeadline,
  judgeClearance,
  nextDueDate,
  plannedPastDeadline,
  statusAfterPlanning,
  type LineClass,
} from './vegetation.rules';

export const VEGETATION_COLUMNS: GridColumns = {
  id: { ref: 'v.id', type: 'number' },
  lineName: { ref: 'l.name', type: 'text' },
  towerRange: { ref: 'v.tower_from', type: 'number' },
  townshipName: { ref: 't.name', type: 'text' },
  villageName: { ref: 'vi.name', type: 'text' },
  landowner: { ref: 'v.landowner', type: 'text' },
  species: { ref: 'v.species', type: 'text' },
  treeCount: { ref: 'v.tree_count', type: 'number' },
  treeHeight: { ref: 'v.tree_height', type: 'number' },
  verticalDistance: { ref: 'v.vertical_distance', type: 'number' },
  horizontalDistance: { ref: 'v.horizontal_distance', type: 'number' },
  treeClass: { ref: 'v.tree_class', type: 'text' },
  action: { ref: 'v.action', type: 'text' },
  foundDate: { ref: 'v.found_date', type: 'date' },
  plannedDate: { ref: 'v.planned_date', type: 'date' },
  teamName: { ref: 'tm.name', type: 'text' },
  status: { ref: 'v.status', type: 'text', order: VEGETATION_STATUSES },
  hazardGrade: { ref: 'v.hazard_grade', type: 'text', order: HAZARD_GRADES },
  completedDate: { ref: 'v.completed_date', type: 'date' },
  nextDueDate: { ref: 'v.next_due_date', type: 'date' },
  dueDate: { ref: 'v.due_date', type: 'date' },
  updatedAt: { ref: 'v.updated_at', type: 'date' },
};

const SEARCHABLE = ['v.landowner', 'v.species', 'l.name', 'v.notes'];

/** The records with the names the grid shows. */
function joined(db: Kysely<DB>) {
  return (
    db
      .selectFrom('vegetation_records as v')
      // Left joins throughout (the foreign keys guarantee the rows): SQLite then leaves out the joins a
      // count does not need.
      .leftJoin('lines as l', 'l.id', 'v.line_id')
      .leftJoin('townships as t', 't.id', 'v.township_id')
      .leftJoin('villages as vi', 'vi.id', 'v.village_id')
      .leftJoin('teams as tm', 'tm.id', 'v.team_id')
  );
}

function withRowColumns(q: ReturnType<typeof joined>, today: string) {
  return q
    .selectAll('v')
    .select([
      'l.name as line_name',
      'l.voltage as line_voltage',
      'l.conductor as line_conductor',
      't.name as township_name',
      'vi.name as village_name',
      'tm.name as team_name',
      sql<number>`case when v.due_date < ${today} then 1 else 0 end`.as('is_overdue'),
    ]);
}

type JoinedRow = Awaited<ReturnType<ReturnType<typeof withRowColumns>['executeTakeFirstOrThrow']>>;

export function toVegetationRow(r: JoinedRow): VegetationRow {
  return {
    id: r.id,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    lineId: r.line_id,
    lineName: r.line_name ?? '',
    voltage: r.line_voltage as VegetationRow['voltage'],
    conductor: r.line_conductor as VegetationRow['conductor'],
    towerFrom: r.tower_from,
    towerTo: r.tower_to,
    towerRange: formatTowerRange(r.tower_from, r.tower_to),
    townshipId: r.township_id,
    townshipName: r.township_name,
    villageId: r.village_id,
    villageName: r.village_name,
    landowner: r.landowner,
    landownerPhone: r.landowner_phone,
    species: r.species,
    treeCount: r.tree_count,
    treeHeight: r.tree_height,
    verticalDistance: r.vertical_distance,
    horizontalDistance: r.horizontal_distance,
    treeClass: r.tree_class as VegetationRow['treeClass'],
    plantedInZone: r.planted_in_zone === 1,
    action: r.action as VegetationRow['action'],
    foundDate: foundDateOf(r),
    deadline: r.deadline,
    plannedDate: r.planned_date,
    plannedLate: plannedPastDeadline(r.status, r.planned_date, r.deadline),
    lateReason: r.late_reason,
    teamId: r.team_id,
    teamName: r.team_name,
    status: r.status as VegetationRow['status'],
    distanceAfter: r.distance_after,
    completedDate: r.completed_date,
    nextDueDate: r.next_due_date,
    dueDate: r.due_date,
    overdue: r.is_overdue === 1,
    hazardGrade: r.hazard_grade as VegetationRow['hazardGrade'],
    hazardBasis: JSON.parse(r.hazard_basis_json) as HazardBasis,
    notes: r.notes,
  };
}

/** A live or deleted record by id, as the grid shows it. */
export async function findVegetation(db: Kysely<DB>, id: number, today: string, includeDeleted = false) {
  let q = withRowColumns(joined(db), today).where('v.id', '=', id);
  if (!includeDeleted) q = q.where('v.deleted_at', 'is', null);
  const r = await q.executeTakeFirst();
  return r ? toVegetationRow(r) : undefined;
}

/** The vegetation grid's query: module filters, presets, column filters, search and sort. */
export function vegetationGrid(
  db: Kysely<DB>,
  typedReq: ParsedInputOf<'vegetation.list'>,
  today: string,
  dueSoonDays: number,
  cache?: GridCache,
): GridSource<JoinedRow, VegetationRow> {
  // Words naming towers ("12号", "#12–#15") find the records whose span overlaps them.
  const { towers, rest } = towerWordsOf(typedReq.search);
  const req = towers.length ? { ...typedReq, search: rest } : typedReq;
  const filtered = <Q extends ReturnType<typeof joined>>(from: Q): Q => {
    let q = from.where('v.deleted_at', 'is', null) as Q;
    for (const span of towers) q = q.where('v.tower_from', '<=', span.to).where('v.tower_to', '>=', span.from) as Q;
    if (req.lineId) q = q.where('v.line_id', '=', req.lineId) as Q;
    if (req.townshipId) q = q.where('v.township_id', '=', req.townshipId) as Q;
    if (req.grades?.length) q = q.where('v.hazard_grade', 'in', req.grades) as Q;
    if (req.statuses?.length) q = q.where('v.status', 'in', req.statuses) as Q;
    for (const preset of presetsOf(req)) {
      if (preset === 'overdue') q = q.where('v.due_date', '<', today) as Q;
      if (preset === 'due30')
        q = q.where('v.due_date', '>=', today).where('v.due_date', '<=', addDays(today, dueSoonDays)) as Q;
      if (preset === 'emergency') q = q.where('v.hazard_grade', '=', 'emergency').where('v.status', '!=', 'done') as Q;
      if (preset === 'blocked') q = q.where('v.status', '=', 'blocked') as Q;
    }
    return q;
  };
  // The search box goes through the text index (the header search's), unless what was typed has
  // nothing the index holds (punctuation alone): then it reads the columns, line name included.
  const search = { columns: SEARCHABLE, indexed: indexedSearch(db, 'vegetation', 'v.id') };
  const searchReadsColumns = Boolean(req.search?.trim()) && !searchesIndex(req, search);
  // Counting needs the joined tables only when a column filter or the search box looks at them.
  const joinedColumn = (c: string) => !own(VEGETATION_COLUMNS, c)?.ref.startsWith('v.');
  const usesJoins = searchReadsColumns || Object.keys(req.filterModel).some(joinedColumn);
  const narrow = usesJoins
    ? undefined
    : () => filtered(db.selectFrom('vegetation_records as v') as unknown as ReturnType<typeof joined>);
  return {
    base: () => filtered(joined(db)),
    countBase: narrow,
    // Ids in order from an index alone: a join, even one left out of the plan, makes SQLite read the rows.
    orderBase: req.sortModel.some((s) => joinedColumn(s.colId)) ? undefined : narrow,
    select: (q) => withRowColumns(q as ReturnType<typeof joined>, today),
    req,
    columns: VEGETATION_COLUMNS,
    search,
    tieBreaker: 'v.id',
    defaultSort: [{ colId: 'dueDate', sort: 'asc' }],
    map: toVegetationRow,
    cache,
  };
}

export function listVegetation(
  db: Kysely<DB>,
  req: ParsedInputOf<'vegetation.list'>,
  today: string,
  dueSoonDays: number,
  cache?: GridCache,
) {
  return gridPageOf(vegetationGrid(db, req, today, dueSoonDays, cache));
}

/**
 * The stored columns of a record from a checked save input: the towers parsed, and the derived
 * grade with its basis, deadline, next trimming date and due date. The form and the import both
 * write these. `foundDate`: the input's, else the record's own, else today.
 */
export function recordColumns(
  input: ParsedInputOf<'vegetation.save'>,
  line: LineClass,
  settings: Settings,
  at: string,
  foundDate: string,
) {
  const towers = parseTowerRange(input.towerRange);
  if (!towers) throw fieldError('towerRange', 'vegetation.towerRange.format');
  const judged = judgeClearance(
    line,
    input.treeClass,
    { vertical: input.verticalDistance, horizontal: input.horizontalDistance },
    settings,
  );
  if (!judged) throw fieldError('verticalDistance', 'vegetation.distance.required');
  const status = statusAfterPlanning(input.status, input.plannedDate, input.teamId);
  const next = nextDueDate(status, input.completedDate, input.species, settings);
  const deadline = hazardDeadline(judged.grade, foundDate, input.completedDate, input.species, settings);
  const late = plannedPastDeadline(status, input.plannedDate, deadline);
  return {
    line_id: input.lineId,
    tower_from: towers.from,
    tower_to: towers.to,
    township_id: input.townshipId ?? null,
    village_id: input.villageId ?? null,
    landowner: input.landowner || null,
    landowner_phone: input.landownerPhone || null,
    species: input.species,
    tree_count: input.treeCount,
    tree_height: input.treeHeight ?? null,
    vertical_distance: input.verticalDistance ?? null,
    horizontal_distance: input.horizontalDistance ?? null,
    tree_class: input.treeClass,
    planted_in_zone: input.plantedInZone ? 1 : 0,
    action: input.action,
    planned_date: input.plannedDate ?? null,
    team_id: input.teamId ?? null,
    status,
    found_date: foundDate,
    deadline,
    late_reason: late ? input.lateReason || null : null,
    distance_after: input.distanceAfter ?? null,
    completed_date: input.completedDate ?? null,
    notes: input.notes || null,
    hazard_grade: judged.grade,
    hazard_basis_json: JSON.stringify(judged.basis),
    next_due_date: next,
    due_date: dueDate(status, deadline, next),
    updated_at: at,
  };
}
