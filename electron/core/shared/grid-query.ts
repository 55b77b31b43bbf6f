import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type OrderByItemBuilder,
  type SelectQueryBuilder,
  type SqlBool,
} from 'kysely';
import { ApiError, type ColumnFilter, type FilterCondition, type GridRequest } from '../../contract';
import { isRealDate } from '../../contract/dates';
import type { GridCache } from './grid-cache';
import { own } from './own';

/** A grid column the list may sort and filter by: its SQL expression (e.g. 'v.species') and type. */
export interface GridColumn {
  ref: string;
  type: 'text' | 'number' | 'date';
  /** For enum columns: the values in their natural order (紧急 before 重大), used when sorting. */
  order?: readonly string[];
}
export type GridColumns = Record<string, GridColumn>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type EB = ExpressionBuilder<any, any>;

const badColumn = (path: string, colId: string) =>
  new ApiError({
    code: 'VALIDATION',
    message: 'validation.unknown_column',
    params: { column: colId },
    issues: [{ path: [path, colId], message: 'validation.unknown_column' }],
  });

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function like(ref: string, pattern: string, negate = false): Expression<SqlBool> {
  return negate
    ? sql<SqlBool>`${sql.ref(ref)} not like ${pattern} escape '\\'`
    : sql<SqlBool>`${sql.ref(ref)} like ${pattern} escape '\\'`;
}

function blank(eb: EB, ref: string, type: GridColumn['type']): Expression<SqlBool> {
  return type === 'text'
    ? eb.or([eb(sql.ref(ref), 'is', null), eb(sql.ref(ref), '=', '')])
    : eb(sql.ref(ref), 'is', null);
}

function day(value: string | null | undefined, colId: string): string {
  const d = (value ?? '').slice(0, 10);
  if (!isRealDate(d)) {
    throw new ApiError({
      code: 'VALIDATION',
      message: 'validation.date',
      issues: [{ path: ['filterModel', colId], message: 'validation.date' }],
    });
  }
  return d;
}

function condition(eb: EB, col: GridColumn, c: FilterCondition, colId: string): Expression<SqlBool> | null {
  const r = sql.ref(col.ref);
  if (c.type === 'blank') return blank(eb, col.ref, col.type);
  if (c.type === 'notBlank') return eb.not(blank(eb, col.ref, col.type));
  if (c.filterType === 'text') {
    const f = c.filter ?? '';
    if (f === '') return null;
    const e = escapeLike(f);
    switch (c.type) {
      case 'contains':
        return like(col.ref, `%${e}%`);
      case 'notContains':
        return like(col.ref, `%${e}%`, true);
      case 'startsWith':
        return like(col.ref, `${e}%`);
      case 'endsWith':
        return like(col.ref, `%${e}`);
      case 'equals':
        return eb(r, '=', f);
      case 'notEqual':
        return eb(r, '!=', f);
    }
  }
  if (c.filterType === 'number') {
    if (c.filter == null) return null;
    switch (c.type) {
      case 'equals':
        return eb(r, '=', c.filter);
      case 'notEqual':
        return eb(r, '!=', c.filter);
      case 'lessThan':
        return eb(r, '<', c.filter);
      case 'lessThanOrEqual':
        return eb(r, '<=', c.filter);
      case 'greaterThan':
        return eb(r, '>', c.filter);
      case 'greaterThanOrEqual':
        return eb(r, '>=', c.filter);
      case 'inRange':
        return eb.and([eb(r, '>=', c.filter), eb(r, '<=', c.filterTo ?? c.filter)]);
    }
  }
  if (c.filterType === 'date') {
    if (!c.dateFrom) return null;
    const from = day(c.dateFrom, colId);
    switch (c.type) {
      case 'equals':
        return eb(r, '=', from);
      case 'notEqual':
        return eb(r, '!=', from);
      case 'lessThan':
        return eb(r, '<', from);
      case 'greaterThan':
        return eb(r, '>', from);
      case 'inRange':
        return eb.and([eb(r, '>=', from), eb(r, '<=', day(c.dateTo ?? c.dateFrom, colId))]);
    }
  }
  return null;
}

function columnExpression(eb: EB, col: GridColumn, f: ColumnFilter, colId: string): Expression<SqlBool> | null {
  if ('conditions' in f) {
    const parts = f.conditions
      .map((c) => condition(eb, col, c, colId))
      .filter((p): p is Expression<SqlBool> => p !== null);
    if (parts.length === 0) return null;
    return f.operator === 'AND' ? eb.and(parts) : eb.or(parts);
  }
  return condition(eb, col, f, colId);
}

/**
 * What a grid's search box looks in: a substring of any of `columns` (LIKE, which reads every row),
 * or, for a ledger with a text index, `indexed`: the rows its module's text search finds (FTS5 on
 * SQLite, search/text-index.ts), null when the text has nothing the index holds (punctuation
 * alone: then the columns are read).
 */
export interface GridSearch {
  columns: string[];
  indexed?: (typed: string) => Expression<SqlBool> | null;
}

/** Turns the grid's filter model and search box into one WHERE expression over whitelisted columns. */
export function gridWhere(
  eb: EB,
  req: GridRequest,
  columns: GridColumns,
  search: GridSearch | string[],
): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [];
  for (const [colId, f] of Object.entries(req.filterModel)) {
    const col = own(columns, colId);
    if (!col) throw badColumn('filterModel', colId);
    if (f.filterType !== col.type) throw badColumn('filterModel', colId);
    const e = columnExpression(eb, col, f, colId);
    if (e) parts.push(e);
  }
  const typed = req.search?.trim();
  const { columns: searchRefs, indexed } = Array.isArray(search) ? { columns: search, indexed: undefined } : search;
  const fromIndex = typed ? indexed?.(typed) : null;
  if (fromIndex) parts.push(fromIndex);
  else if (typed && searchRefs.length > 0) {
    const pattern = `%${escapeLike(typed)}%`;
    parts.push(eb.or(searchRefs.map((ref) => like(ref, pattern))));
  }
  return eb.and(parts);
}

export interface OrderItem {
  expr: Expression<unknown>;
  dir: 'asc' | 'desc';
}

/** Empty values sort last either way: a sheet sorted by date shows dated rows first. */
export const orderModifier = (dir: 'asc' | 'desc') => (ob: OrderByItemBuilder) =>
  (dir === 'asc' ? ob.asc() : ob.desc()).nullsLast();

/** The exact mirror of orderModifier: walking it from the start is walking the other from the end. */
const reversedModifier = (dir: 'asc' | 'desc') => (ob: OrderByItemBuilder) =>
  (dir === 'asc' ? ob.desc() : ob.asc()).nullsFirst();

function orderExpression(col: GridColumn): Expression<unknown> {
  if (!col.order) return sql.ref(col.ref);
  const whens = col.order.map((v, i) => sql`when ${sql.lit(v)} then ${sql.lit(i)}`);
  return sql`case ${sql.ref(col.ref)} ${sql.join(whens, sql` `)} else ${sql.lit(col.order.length)} end`;
}

/** ORDER BY for the grid's sort model (or a default), with a unique tie-breaker so pages never overlap. */
export function gridOrder(
  req: GridRequest,
  columns: GridColumns,
  tieBreaker: string,
  fallback: { colId: string; sort: 'asc' | 'desc' }[] = [],
): OrderItem[] {
  const sortModel = req.sortModel.length > 0 ? req.sortModel : fallback;
  const order = sortModel.map((s): OrderItem => {
    const col = own(columns, s.colId);
    if (!col) throw badColumn('sortModel', s.colId);
    return { expr: orderExpression(col), dir: s.sort };
  });
  order.push({ expr: sql.ref(tieBreaker), dir: sortModel[0]?.sort ?? 'asc' });
  return order;
}

/**
 * One grid page: the count for the scrollbar and the rows of the requested block, from the same
 * filtered base query. Every module's list method goes through here.
 */
/** A grid's query: its base, how rows are selected and mapped, the request, columns and sort. */
export interface GridSource<Row, Out> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  base: () => SelectQueryBuilder<any, any, object>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  select: (q: SelectQueryBuilder<any, any, object>) => SelectQueryBuilder<any, any, Row>;
  req: GridRequest;
  columns: GridColumns;
  search: GridSearch | string[];
  tieBreaker: string;
  defaultSort?: { colId: string; sort: 'asc' | 'desc' }[];
  map: (row: Row) => Out;
  /**
   * The base for counting, if it can be narrower (no joins the filters do not need): SQLite then
   * counts from an index instead of reading every record.
   */
  countBase?: () => SelectQueryBuilder<any, any, object>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** The same for finding the ids of a block, when the sort needs no joins either (an index alone answers). */
  orderBase?: () => SelectQueryBuilder<any, any, object>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** One query with OFFSET instead of ids-then-rows (for sources without a unique numeric id). */
  singleQuery?: boolean;
  /** Counts and orders learned since the last write (CoreRuntime.grids): scrolling does not recount. */
  cache?: GridCache;
}

const keyOf = (q: { compile(): { sql: string; parameters: readonly unknown[] } }) => {
  const c = q.compile();
  return `${c.sql}\u0000${JSON.stringify(c.parameters)}`;
};

/** Pages nearer the top than this walk the index with OFFSET; deeper ones use the cached order. */
const SHALLOW_ROWS = 1000;

/** The page as one plain statement (joins, filters, order, LIMIT/OFFSET): what a query by hand would be. */
function gridPageQuery<Row, Out>(opts: GridSource<Row, Out>) {
  let q = opts.select(opts.base().where((eb) => gridWhere(eb, opts.req, opts.columns, opts.search)));
  for (const o of gridOrder(opts.req, opts.columns, opts.tieBreaker, opts.defaultSort))
    q = q.orderBy(o.expr, orderModifier(o.dir));
  return q.limit(opts.req.endRow - opts.req.startRow).offset(opts.req.startRow);
}

/** Whether the search box is answered by a text index for this request (GridSearch.indexed). */
export function searchesIndex(req: GridRequest, search: GridSearch | string[]): boolean {
  const typed = req.search?.trim();
  return Boolean(typed) && !Array.isArray(search) && Boolean(search.indexed?.(typed!));
}

export async function gridPageOf<Row, Out>(opts: GridSource<Row, Out>): Promise<{ rows: Out[]; rowCount: number }> {
  const { req, columns, cache } = opts;
  const where = (eb: EB) => gridWhere(eb, req, columns, opts.search);
  const orderedIds = (reversed: boolean) => {
    let ids = (opts.orderBase ?? opts.base)().where(where).clearSelect().select(sql.ref(opts.tieBreaker).as('k'));
    for (const o of gridOrder(req, columns, opts.tieBreaker, opts.defaultSort))
      ids = ids.orderBy(o.expr, reversed ? reversedModifier(o.dir) : orderModifier(o.dir));
    return ids;
  };
  // Deep in a grid with a cache the whole order of ids is read once (from the index), then any
  // block by position; its cost is one index walk per filter and sort until the next write. A
  // search through a text index takes that way from the top: every block would run the search again.
  const wholeOrder =
    cache && !opts.singleQuery && (req.startRow >= SHALLOW_ROWS || searchesIndex(req, opts.search))
      ? orderedIds(false)
      : null;
  const countQuery = (opts.countBase ?? opts.base)()
    .where(where)
    // A base may select its row's columns already: a count is the count alone (PostgreSQL refuses bare columns beside it).
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'));
  const countKey = cache ? keyOf(countQuery) : '';
  let keys: number[];
  let total: number;
  if (cache && wholeOrder) {
    const orderKey = keyOf(wholeOrder);
    let order = cache.order(orderKey);
    if (!order)
      order = cache.setOrder(
        orderKey,
        ((await wholeOrder.execute()) as { k: number }[]).map((r) => r.k),
      );
    // The order's length is the count: no second query for it.
    total = order.length;
    cache.setCount(countKey, total);
    keys = [];
    for (let i = req.startRow; i < Math.min(req.endRow, order.length); i++) keys.push(order[i]!);
  } else {
    const known = cache?.count(countKey);
    total = known ?? Number(((await countQuery.executeTakeFirstOrThrow()) as { n: number }).n);
    if (known === undefined) cache?.setCount(countKey, total);
    if (opts.singleQuery) {
      const rows = await gridPageQuery(opts).execute();
      return { rows: rows.map(opts.map), rowCount: total };
    }
    // Two steps: the ids of the block, then just those rows with their joins (a plain OFFSET would
    // build every skipped row in full). Near the top, or without a cache, the ids come from the
    // index with OFFSET; a block in the far half is read from the end in the mirrored order, so no
    // page walks past more than half the rows.
    const end = Math.min(req.endRow, total);
    const fromEnd = req.startRow > total / 2;
    const limit = fromEnd ? Math.max(0, end - req.startRow) : req.endRow - req.startRow;
    const offset = fromEnd ? total - end : req.startRow;
    const found = ((await orderedIds(fromEnd).limit(limit).offset(offset).execute()) as { k: number }[]).map(
      (r) => r.k,
    );
    keys = fromEnd ? found.reverse() : found;
  }
  if (keys.length === 0) return { rows: [], rowCount: total };
  const fetched = (await opts.select(opts.base()).where(sql.ref(opts.tieBreaker), 'in', keys).execute()) as Row[];
  const position = new Map(keys.map((k, i) => [k, i]));
  const idColumn = opts.tieBreaker.split('.').pop()!;
  const at = (r: Row) => position.get((r as Record<string, number>)[idColumn]!)!;
  const rows = fetched.sort((a, b) => at(a) - at(b));
  return { rows: rows.map(opts.map), rowCount: total };
}

/**
 * Every row of a grid query, in the grid's order, streamed from SQLite (an export of a million rows
 * holds one batch in memory, not the lot).
 */
export async function* gridRowsOf<Row, Out>(opts: GridSource<Row, Out>): AsyncGenerator<Out> {
  let q = opts.select(opts.base().where((eb) => gridWhere(eb, opts.req, opts.columns, opts.search)));
  for (const o of gridOrder(opts.req, opts.columns, opts.tieBreaker, opts.defaultSort))
    q = q.orderBy(o.expr, orderModifier(o.dir));
  for await (const row of q.stream(1000)) yield opts.map(row as Row);
}
