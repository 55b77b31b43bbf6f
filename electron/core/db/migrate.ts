import type { Kysely } from 'kysely';
import type { DB } from './schema';
import { migrations, type Migration } from './migrations';
import { dialectOf } from './dialect';
import { addLiveTwinIndexes } from './postgres-indexes';

/** Migrations not yet applied to this database (all of them for a new file). */
export async function pendingMigrations(
  db: Kysely<DB>,
  list: Migration[] = migrations,
): Promise<{ pending: Migration[]; isNew: boolean }> {
  const exists = (await db.introspection.getTables()).some((t) => t.name === 'schema_migrations');
  if (!exists) return { pending: list, isNew: true };
  const done = new Set((await db.selectFrom('schema_migrations').select('id').execute()).map((r) => r.id));
  return { pending: list.filter((m) => !done.has(m.id)), isNew: done.size === 0 };
}

/**
 * Applies pending migrations, each in its own transaction together with its bookkeeping row.
 * (Kysely's Migrator does not wrap SQLite DDL in a transaction; a half-applied migration must never stay.)
 */
export async function migrate(db: Kysely<DB>, list: Migration[] = migrations): Promise<string[]> {
  await db.schema
    .createTable('schema_migrations')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute();
  const done = new Set((await db.selectFrom('schema_migrations').select('id').execute()).map((r) => r.id));
  const applied: string[] = [];
  for (const m of list) {
    if (done.has(m.id)) continue;
    await db.transaction().execute(async (trx) => {
      await m.up(trx as unknown as Kysely<unknown>);
      await trx.insertInto('schema_migrations').values({ id: m.id, applied_at: new Date().toISOString() }).execute();
    });
    applied.push(m.id);
  }
  if (dialectOf(db) === 'postgres') await db.transaction().execute((trx) => addLiveTwinIndexes(trx));
  const known = new Set(list.map((m) => m.id));
  const unknown = [...done].filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new Error(`数据库来自更新版本的 GridDesk（未知迁移：${unknown.join(', ')}），请升级程序。`);
  }
  return applied;
}
