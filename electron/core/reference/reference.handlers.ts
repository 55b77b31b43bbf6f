import type { Kysely } from 'kysely';
import { ApiError, type MethodName, type ParsedInputOf } from '../../contract';
import type { Handler, HandlerContext, Handlers } from '../context';
import type { DB } from '../db/schema';
import type { GridRequest } from '../../contract';
import { fieldError, requireLive } from '../shared/references';
import { deleteToBin } from '../shared/soft-delete';
import { saveVersioned } from '../shared/versioned';
import {
  lines,
  liveRecordsUsing,
  liveVillagesIn,
  nameTaken,
  referenceOptions,
  setLineTownships,
  teams,
  townships,
  villageNameTaken,
  villages,
} from './reference.repository';
import { recordsBeyond } from './tower-bounds';

type Prefix = 'lines' | 'townships' | 'villages' | 'teams';
type TableMethods<P extends Prefix> = `${P}.list` | `${P}.save` | `${P}.delete`;
type SaveInput<P extends Prefix> = ParsedInputOf<`${P}.save` & MethodName>;

interface TableSpec<P extends Prefix> {
  table: P;
  repo: {
    list: (db: Kysely<DB>, req: GridRequest) => Promise<unknown>;
    find: (db: Kysely<DB>, id: number) => Promise<unknown>;
  };
  /** Column values to store, from the validated input. */
  values: (input: SaveInput<P>) => Record<string, unknown>;
  /** Live rows that would clash on the unique name. */
  nameClash: (db: Kysely<DB>, input: SaveInput<P>) => Promise<{ id: number } | undefined>;
  check?: (ctx: HandlerContext, input: SaveInput<P>) => Promise<void>;
  afterSave?: (ctx: HandlerContext, id: number, input: SaveInput<P>) => Promise<void>;
  /** How many live records still point at these rows; deleting them is refused while any do. */
  usage: (db: Kysely<DB>, ids: number[]) => Promise<number>;
}

/** list / save / delete for one reference table: the same rules for all four. */
function tableHandlers<P extends Prefix>(spec: TableSpec<P>): Handlers<TableMethods<P>> {
  const list: Handler<'lines.list'> = async (input, ctx) => spec.repo.list(ctx.db, input) as never;

  const save = async (input: SaveInput<P> & { id?: number; version?: number }, ctx: HandlerContext) => {
    if (await spec.nameClash(ctx.db, input)) throw fieldError('name', 'validation.duplicate');
    await spec.check?.(ctx, input);
    const before = input.id === undefined ? undefined : await spec.repo.find(ctx.db, input.id);
    const id = await saveVersioned(ctx, spec.table, input, spec.values(input), () => spec.repo.find(ctx.db, input.id!));
    await spec.afterSave?.(ctx, id, input);
    const after = await spec.repo.find(ctx.db, id);
    ctx.audit({ entity: spec.table, entityId: id, summary: before ? 'updated' : 'created', before, after });
    return after;
  };

  const del = async (input: { ids: number[] }, ctx: HandlerContext) => {
    const inUse = await spec.usage(ctx.db, input.ids);
    if (inUse > 0) throw new ApiError({ code: 'RULE', message: 'reference.inUse', params: { count: inUse } });
    return deleteToBin(ctx, spec.table, spec.table, input.ids);
  };

  return {
    [`${spec.table}.list`]: list,
    [`${spec.table}.save`]: save,
    [`${spec.table}.delete`]: del,
  } as unknown as Handlers<TableMethods<P>>;
}

const optional = (s: string | null | undefined) => s || null;

export const referenceHandlers = {
  'reference.options': ((_input, ctx) => referenceOptions(ctx.db)) as Handler<'reference.options'>,

  ...tableHandlers({
    table: 'lines',
    repo: lines,
    values: (i) => ({
      name: i.name,
      code: optional(i.code),
      voltage: i.voltage,
      conductor: i.conductor,
      area_type: i.areaType,
      substation: optional(i.substation),
      length_km: i.lengthKm ?? null,
      tower_count: i.towerCount ?? null,
      commissioned_date: i.commissionedDate ?? null,
      notes: optional(i.notes),
    }),
    nameClash: nameTaken('lines'),
    check: async (ctx, i) => {
      for (const [k, id] of i.townshipIds.entries()) await requireLive(ctx.db, 'townships', id, `townshipIds.${k}`);
      // Fewer towers than the records on the line already name would leave them off its end.
      if (i.id !== undefined && i.towerCount) {
        const beyond = await recordsBeyond(ctx.db, i.id, i.towerCount);
        if (beyond.records > 0) throw fieldError('towerCount', 'validation.towerCountBelowRecords', beyond);
      }
    },
    afterSave: (ctx, id, i) => setLineTownships(ctx.db, id, i.townshipIds),
    usage: liveRecordsUsing('line_id'),
  }),

  ...tableHandlers({
    table: 'townships',
    repo: townships,
    values: (i) => ({
      name: i.name,
      longitude: i.longitude ?? null,
      latitude: i.latitude ?? null,
      notes: optional(i.notes),
    }),
    nameClash: nameTaken('townships'),
    usage: async (db, ids) => (await liveVillagesIn(db, ids)) + (await liveRecordsUsing('township_id')(db, ids)),
  }),

  ...tableHandlers({
    table: 'villages',
    repo: villages,
    values: (i) => ({ township_id: i.townshipId, name: i.name, notes: optional(i.notes) }),
    nameClash: villageNameTaken,
    check: async (ctx, i) => {
      await requireLive(ctx.db, 'townships', i.townshipId, 'townshipId');
    },
    usage: liveRecordsUsing('village_id'),
  }),

  ...tableHandlers({
    table: 'teams',
    repo: teams,
    values: (i) => ({ name: i.name, kind: i.kind, phone: optional(i.phone), notes: optional(i.notes) }),
    nameClash: nameTaken('teams'),
    usage: liveRecordsUsing('team_id'),
  }),
};
