import {
  DataTypeNode,
  OperationNodeTransformer,
  OrderByItemNode,
  RawNode,
  type ColumnDefinitionNode,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';

/** SQLite column types and what PostgreSQL calls the same thing (PostgreSQL's `real` is 4-byte: a 10.5 m clearance must stay 10.5). */
const TYPES: Record<string, DataTypeNode['dataType']> = { real: 'double precision', blob: 'bytea' };

/**
 * The core's SQL is written once, in SQLite's words; on PostgreSQL this rewrites the few places where
 * the two databases mean different things, so neither the migrations (frozen once applied) nor the
 * modules carry a second copy:
 * - `integer primary key autoincrement` becomes `serial primary key`; `real` and `blob` their PostgreSQL types;
 * - `like` in SQL fragments becomes `ilike` (SQLite's like ignores ASCII case, a clerk typing "xl" finds "XL-01");
 * - an order without an explicit nulls clause gets SQLite's: nulls sort as the smallest value
 *   (first ascending, last descending), so a grid shows the same order on both.
 */
class PortabilityTransformer extends OperationNodeTransformer {
  protected override transformColumnDefinition(node: ColumnDefinitionNode): ColumnDefinitionNode {
    const done = super.transformColumnDefinition(node);
    if (!done.autoIncrement) return done;
    return { ...done, autoIncrement: false, dataType: DataTypeNode.create('serial') };
  }

  protected override transformDataType(node: DataTypeNode): DataTypeNode {
    const to = TYPES[node.dataType];
    return to ? DataTypeNode.create(to) : node;
  }

  protected override transformRaw(node: RawNode): RawNode {
    const done = super.transformRaw(node);
    if (!done.sqlFragments.some((f) => /\blike\b/i.test(f))) return done;
    return { ...done, sqlFragments: done.sqlFragments.map((f) => f.replace(/\blike\b/gi, 'ilike')) };
  }

  protected override transformOrderByItem(node: OrderByItemNode): OrderByItemNode {
    const done = super.transformOrderByItem(node);
    if (done.nulls) return done;
    const descending =
      done.direction !== undefined && RawNode.is(done.direction) && /desc/i.test(done.direction.sqlFragments.join(''));
    return OrderByItemNode.cloneWith(done, { nulls: descending ? 'last' : 'first' });
  }
}

export class PostgresPortabilityPlugin implements KyselyPlugin {
  private readonly transformer = new PortabilityTransformer();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.transformer.transformNode(args.node);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
