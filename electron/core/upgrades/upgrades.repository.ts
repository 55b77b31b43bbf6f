import type { Kysely } from 'kysely';
import type { EquipmentRow, ParsedInputOf, UpgradeRow } from '../../contract';
import type { DB } from '../db/schema';
import { loadSettings, type Settings } from '../settings/settings.repository';
import { gridPageOf, gridRowsOf, type GridColumns } from '../shared/grid-query';
import { defectDueOn, priorityOf, type PriorityWeights } from './upgrades.rules';

export interface UpgradeContext {
  today: string;
  weights: PriorityWeights;
  defectDays: Record<'general' | 'serious' | 'critical', number>;
  secondApprovalAbove: number;
}

export function upgradeContextOf(settings: Settings, today: string): UpgradeContext {
  return {
    today,
    weights: {
      condition: settings.number('upgrades.weight.condition'),
      age: settings.number('upgrades.weight.age'),
      defect: settings.number('upgrades.weight.defect'),
      consequence: settings.number('upgrades.weight.consequence'),
    },
    defectDays: {
      critical: settings.number('upgrades.defectDays.critical'),
      serious: settings.number('upgrades.defectDays.serious'),
      general: settings.number('upgrades.defectDays.general'),
    },
    secondApprovalAbove: settings.number('upgrades.secondApprovalAbove'),
  };
}

export const loadUpgradeContext = async (db: Kysely<DB>, today: string) =>
  upgradeContextOf(await loadSettings(db), today);

/* ---------- equipment ---------- */

const EQUIPMENT_COLUMNS: GridColumns = {
  kind: { ref: 'e.kind', type: 'text' },
  code: { ref: 'e.code', type: 'text' },
  name: { ref: 'e.name', type: 'text' },
  lineName: { ref: 'l.name', type: 'text' },
  location: { ref: 'e.location', type: 'text' },
  installYear: { ref: 'e.install_year', type: 'number' },
  condition: { ref: 'e.condition', type: 'number' },
  defectGrade: { ref: 'e.defect_grade', type: 'text' },
  defectFoundOn: { ref: 'e.defect_found_on', type: 'date' },
};

const equipment = (db: Kysely<DB>) =>
  db
    .selectFrom('equipment as e')
    .leftJoin('lines as l', 'l.id', 'e.line_id')
    .selectAll('e')
    .select('l.name as line_name')
    .where('e.deleted_at', 'is', null);
type EquipmentJoined = Awaited<ReturnType<ReturnType<typeof equipment>['executeTakeFirstOrThrow']>>;

function equipmentRow(r: EquipmentJoined, ctx: UpgradeContext): EquipmentRow {
  const grade = r.defect_grade as EquipmentRow['defectGrade'];
  const due = defectDueOn(grade, r.defect_found_on, ctx.defectDays);
  return {
    id: r.id,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    kind: r.kind as EquipmentRow['kind'],
    code: r.code,
    name: r.name,
    lineId: r.line_id,
    lineName: r.line_name,
    location: r.location,
    model: r.model,
    capacity: r.capacity,
    installYear: r.install_year,
    age: r.install_year === null ? null : Number(ctx.today.slice(0, 4)) - r.install_year,
    condition: r.condition,
    defectGrade: grade,
    defectFoundOn: r.defect_found_on,
    defectDueOn: due,
    defectOverdue: due !== null && due < ctx.today,
    notes: r.notes,
  };
}

export async function listEquipment(db: Kysely<DB>, req: ParsedInputOf<'equipment.list'>, ctx: UpgradeContext) {
  const source = {
    base: () => (req.kind ? equipment(db).where('e.kind', '=', req.kind) : equipment(db)),
    select: (q: unknown) => q as ReturnType<typeof equipment>,
    req,
    columns: EQUIPMENT_COLUMNS,
    search: ['e.code', 'e.name', 'e.location', 'l.name'],
    tieBreaker: 'e.id',
    defaultSort: [{ colId: 'code', sort: 'asc' as const }],
    map: (r: EquipmentJoined) => equipmentRow(r, ctx),
  };
  if (req.defectOverdue === undefined) return gridPageOf(source);
  // Deadlines are judged from the settings, not stored: an office has thousands of items, not millions.
  const kept: EquipmentRow[] = [];
  for await (const r of gridRowsOf(source)) if (r.defectOverdue === req.defectOverdue) kept.push(r);
  return { rowCount: kept.length, rows: kept.slice(req.startRow, req.endRow) };
}

/** Every item the list would show, page after page (the register's Excel import and export). */
export async function* allEquipment(
  db: Kysely<DB>,
  req: Omit<ParsedInputOf<'equipment.list'>, 'startRow' | 'endRow'>,
  ctx: UpgradeContext,
): AsyncGenerator<EquipmentRow> {
  for (let start = 0; ; start += 1000) {
    const page = await listEquipment(db, { ...req, startRow: start, endRow: start + 1000 }, ctx);
    yield* page.rows;
    if (start + 1000 >= page.rowCount) return;
  }
}

export async function findEquipment(db: Kysely<DB>, id: number, ctx: UpgradeContext) {
  const r = await equipment(db).where('e.id', '=', id).executeTakeFirst();
  return r ? equipmentRow(r, ctx) : undefined;
}

/* ---------- upgrade requests ---------- */

const REQUEST_COLUMNS: GridColumns = {
  equipmentName: { ref: 'e.name', type: 'text' },
  problem: { ref: 'u.problem', type: 'text' },
  projectType: { ref: 'u.project_type', type: 'text' },
  estimatedCost: { ref: 'u.estimated_cost', type: 'number' },
  customersAffected: { ref: 'u.customers_affected', type: 'number' },
  status: { ref: 'u.status', type: 'text' },
  requestedBy: { ref: 'u.requested_by', type: 'text' },
  requestedByName: { ref: 'ru.display_name', type: 'text' },
  requestNo: { ref: 'u.request_no', type: 'text' },
  createdAt: { ref: 'u.created_at', type: 'date' },
};

const requests = (db: Kysely<DB>) =>
  db
    .selectFrom('upgrade_requests as u')
    .innerJoin('equipment as e', 'e.id', 'u.equipment_id')
    .leftJoin('users as ru', 'ru.username', 'u.requested_by')
    .selectAll('u')
    .select([
      'e.name as equipment_name',
      'e.kind as equipment_kind',
      'e.condition',
      'e.install_year',
      'e.defect_grade',
      'ru.display_name as requested_by_name',
    ])
    .where('u.deleted_at', 'is', null);
type RequestJoined = Awaited<ReturnType<ReturnType<typeof requests>['executeTakeFirstOrThrow']>>;

export function upgradeRow(r: RequestJoined, ctx: UpgradeContext): UpgradeRow {
  const age = r.install_year === null ? null : Number(ctx.today.slice(0, 4)) - r.install_year;
  const priority = priorityOf(
    {
      condition: r.condition,
      age,
      defectGrade: r.defect_grade as 'general' | null,
      customersAffected: r.customers_affected,
    },
    ctx.weights,
  );
  return {
    id: r.id,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    equipmentId: r.equipment_id,
    equipmentName: r.equipment_name,
    equipmentKind: r.equipment_kind as UpgradeRow['equipmentKind'],
    problem: r.problem,
    proposedWork: r.proposed_work,
    projectType: r.project_type as UpgradeRow['projectType'],
    estimatedCost: r.estimated_cost,
    customersAffected: r.customers_affected,
    notes: r.notes,
    status: r.status as UpgradeRow['status'],
    requestedBy: r.requested_by,
    requestedByName: r.requested_by_name ?? r.requested_by,
    requestNo: r.request_no,
    approvals: JSON.parse(r.approvals_json) as string[],
    approvalsNeeded: r.estimated_cost > ctx.secondApprovalAbove ? 2 : 1,
    projectNo: r.project_no,
    fundingYear: r.funding_year,
    fundingSource: r.funding_source,
    approvedAmount: r.approved_amount,
    budgetYear: r.budget_year,
    carriedOverFrom:
      r.status === 'approved' && r.budget_year !== null && r.budget_year < Number(ctx.today.slice(0, 4))
        ? r.budget_year
        : null,
    priority: priority.score,
    priorityParts: priority.parts,
  };
}

/**
 * Requests in the grid's order; sorted by priority (judged, not stored: an office has hundreds of
 * requests) when asked, which is the managers' queue.
 */
export async function listUpgrades(db: Kysely<DB>, req: ParsedInputOf<'upgrades.list'>, ctx: UpgradeContext) {
  const byPriority = req.sortModel.length === 0 || req.sortModel[0]!.colId === 'priority';
  const source = {
    base: () => {
      let q = requests(db);
      if (req.statuses?.length) q = q.where('u.status', 'in', req.statuses);
      return req.projectType ? q.where('u.project_type', '=', req.projectType) : q;
    },
    select: (q: unknown) => q as ReturnType<typeof requests>,
    req: byPriority ? { ...req, sortModel: [] } : req,
    columns: REQUEST_COLUMNS,
    search: [
      'e.name',
      'u.problem',
      'u.proposed_work',
      'u.requested_by',
      'ru.display_name',
      'u.project_no',
      'u.request_no',
    ],
    tieBreaker: 'u.id',
    defaultSort: [{ colId: 'createdAt', sort: 'asc' as const }],
    map: (r: RequestJoined) => upgradeRow(r, ctx),
  };
  if (!byPriority) return gridPageOf(source);
  const all: UpgradeRow[] = [];
  for await (const r of gridRowsOf(source)) all.push(r);
  const desc = req.sortModel[0]?.sort !== 'asc';
  all.sort((a, b) => (desc ? b.priority - a.priority : a.priority - b.priority) || a.id - b.id);
  return { rowCount: all.length, rows: all.slice(req.startRow, req.endRow) };
}

export async function findUpgrade(db: Kysely<DB>, id: number, ctx: UpgradeContext) {
  const r = await requests(db).where('u.id', '=', id).executeTakeFirst();
  return r ? upgradeRow(r, ctx) : undefined;
}

export async function upgradeHistory(db: Kysely<DB>, id: number) {
  const rows = await db
    .selectFrom('upgrade_events as e')
    .leftJoin('users as p', 'p.username', 'e.username')
    .selectAll('e')
    .select('p.display_name')
    .where('e.request_id', '=', id)
    .orderBy('e.id')
    .execute();
  return rows.map((e) => ({
    at: e.at,
    username: e.username,
    name: e.display_name ?? e.username,
    action: e.action,
    from: e.from_status,
    to: e.to_status,
    comment: e.comment,
  }));
}

/** Approved spending counts against the year it was approved for; approved but unfunded requests of earlier years carry over. */
export async function budgetEnvelope(db: Kysely<DB>, year: number) {
  const budget =
    (await db.selectFrom('budgets').select('budget').where('year', '=', year).executeTakeFirst())?.budget ?? 0;
  const rows = await db
    .selectFrom('upgrade_requests')
    .select(['estimated_cost', 'approved_amount', 'budget_year', 'status'])
    .where('deleted_at', 'is', null)
    .where('status', 'in', [
      'approved',
      'funded',
      'in_progress',
      'awaiting_acceptance',
      'accepted',
      'acceptance_failed',
      'closed',
    ])
    .execute();
  const carried = (r: (typeof rows)[number]) =>
    r.status === 'approved' && r.budget_year !== null && r.budget_year < year;
  const sum = (list: typeof rows) =>
    Math.round(list.reduce((n, r) => n + (r.approved_amount ?? r.estimated_cost), 0) * 100) / 100;
  const approved = sum(rows.filter((r) => r.budget_year === year || carried(r)));
  return {
    year,
    budget,
    approved,
    carriedOver: sum(rows.filter(carried)),
    remaining: Math.round((budget - approved) * 100) / 100,
  };
}

export async function punchItems(db: Kysely<DB>, requestId: number) {
  const rows = await db
    .selectFrom('upgrade_punch_items as i')
    .leftJoin('users as p', 'p.username', 'i.closed_by')
    .selectAll('i')
    .select('p.display_name')
    .where('i.request_id', '=', requestId)
    .orderBy('i.id')
    .execute();
  return rows.map((i) => ({
    id: i.id,
    text: i.text,
    createdAt: i.created_at,
    closedAt: i.closed_at,
    closedBy: i.closed_by === null ? null : (i.display_name ?? i.closed_by),
  }));
}
