import { sql, type Kysely } from 'kysely';

/**
 * The indexes were designed on SQLite, where `deleted_at is null` on an index's first column still lets
 * the rest of the index give the order (a grid by due date walks it). PostgreSQL does not take `is null`
 * as fixing that column, and sorts every live row instead. So on PostgreSQL each index that leads with
 * deleted_at gets a partial twin over its other columns `where deleted_at is null`: what the grids ask.
 * Idempotent; runs after the migrations, so an index a later migration adds gets its twin too.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function addLiveTwinIndexes(db: Kysely<any>): Promise<number> {
  const found = await sql<{ name: string; tbl: string; keys: number }>`
    select i.relname as name, t.relname as tbl, ix.indnkeyatts as keys
    from pg_index ix
    join pg_class i on i.oid = ix.indexrelid
    join pg_class t on t.oid = ix.indrelid
    join pg_namespace ns on ns.oid = t.relnamespace
    join pg_am am on am.oid = i.relam
    where ns.nspname = current_schema() and am.amname = 'btree' and ix.indpred is null and ix.indnkeyatts > 1
      and pg_get_indexdef(ix.indexrelid, 1, true) = 'deleted_at'
      and not exists (select 1 from pg_constraint c where c.conindid = ix.indexrelid)`.execute(db);
  let made = 0;
  for (const ix of found.rows) {
    const twin = `${ix.name}_live`.slice(0, 63);
    const columns: string[] = [];
    for (let k = 2; k <= ix.keys; k++)
      columns.push(
        (await sql<{ d: string }>`select pg_get_indexdef(${ix.name}::regclass, ${k}, true) as d`.execute(db)).rows[0]!
          .d,
      );
    const exists = await sql`select 1 from pg_class where relname = ${twin}`.execute(db);
    if (exists.rows.length > 0) continue;
    await sql.raw(`create index "${twin}" on "${ix.tbl}" (${columns.join(', ')}) where deleted_at is null`).execute(db);
    made++;
  }
  return made;
}
