import { sql, type Kysely } from 'kysely';
import type { ParsedInputOf, Recyclable, RecycleRow } from '../../contract';
import type { DB } from '../db/schema';
import { gridPageOf, type GridColumns } from '../shared/grid-query';
import { RECYCLE_REGISTRY } from './recycle.registry';

const COLUMNS: GridColumns = {
  entity: { ref: 'bin.entity', type: 'text' },
  label: { ref: 'bin.label', type: 'text' },
  deletedAt: { ref: 'bin.deleted_at', type: 'date' },
  deletedBy: { ref: 'bin.deleted_by', type: 'text' },
};

interface BinRow {
  entity: Recyclable;
  id: number;
  label: string;
  deleted_at: string;
  deleted_by: string | null;
}

/** Everything in the bin (or one kind of it) as one grid: each kind's deleted rows, unioned. */
export async function listBin(db: Kysely<DB>, input: ParsedInputOf<'recycle.list'>) {
  const specs = input.entity ? [RECYCLE_REGISTRY[input.entity]] : Object.values(RECYCLE_REGISTRY);
  const union = sql.join(
    specs.map((s) => s.deleted),
    sql` union all `,
  );
  return gridPageOf({
    base: () => db.selectFrom(sql`(${union})`.as('bin')),
    select: (q) => q.selectAll() as never,
    req: input,
    columns: COLUMNS,
    search: ['bin.label'],
    tieBreaker: 'bin.key',
    singleQuery: true,
    defaultSort: [{ colId: 'deletedAt', sort: 'desc' }],
    map: (r: BinRow): RecycleRow => ({
      entity: r.entity,
      id: r.id,
      label: r.label,
      deletedAt: r.deleted_at,
      deletedBy: r.deleted_by,
    }),
  });
}
