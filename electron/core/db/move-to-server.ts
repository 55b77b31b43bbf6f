import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { openDatabase, type PostgresConfig } from './connection';
import { migrate } from './migrate';
import { openSqliteFile } from './sqlite-file';
import { migrations } from './migrations';
import type { DB } from './schema';

/** One table of the move: rows read from the file, rows on the server, and whether both have the same rows. */
export interface MovedTable {
  table: string;
  sourceRows: number;
  targetRows: number;
  /** Same count and same order-free checksum of the rows. */
  checksumsMatch: boolean;
}

export interface MoveReport {
  tables: MovedTable[];
  rows: number;
  ms: number;
}

/** Written on the server by start-up alone (admin, settings, the day's size reading): the move replaces them. */
const SEEDED_AT_START = new Set(['users', 'settings', 'database_sizes', 'audit_log']);
/**
 * Not moved: sessions of the desktop app (everyone signs in to the server afresh; the server's are
 * ended), and failed sign-ins counted by this desk's own address.
 */
const LEFT_BEHIND = new Set(['sessions', 'schema_migrations', 'sign_in_failures']);
const BATCH_ROWS = 500;

export class MoveRefused extends Error {}

/** The file's tables in an order that puts every table after the tables its foreign keys name. */
function tablesInOrder(file: Database.Database): { name: string; columns: string[] }[] {
  const names = (
    file
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and sql not like 'create virtual table%' order by name",
      )
      .pluck()
      .all() as string[]
  )
    // The FTS5 index and its shadow tables are derived from the ledgers; PostgreSQL's search reads the ledgers.
    .filter((n) => !/^search_/.test(n) && !LEFT_BEHIND.has(n));
  const needs = new Map(
    names.map((n) => [
      n,
      (file.prepare(`select "table" from pragma_foreign_key_list(?)`).pluck().all(n) as string[]).filter(
        (t) => t !== n,
      ),
    ]),
  );
  const ordered: string[] = [];
  const visit = (n: string) => {
    if (ordered.includes(n)) return;
    for (const t of needs.get(n) ?? []) visit(t);
    ordered.push(n);
  };
  names.forEach(visit);
  return ordered.map((name) => ({
    name,
    columns: file.prepare('select name from pragma_table_info(?) order by cid').pluck().all(name) as string[],
  }));
}

/** A row's values in a form both databases give alike (numbers, text, bytes, null). */
function rowKey(values: unknown[]): string {
  return JSON.stringify(
    values.map((v) =>
      Buffer.isBuffer(v)
        ? `b:${v.toString('hex')}`
        : v === null || v === undefined
          ? null
          : typeof v === 'number' || typeof v === 'bigint'
            ? Number(v)
            : `s:${String(v)}`,
    ),
  );
}

/** An order-free checksum of a table's rows (a sum of row hashes): the two sides need not read in the same order. */
class TableChecksum {
  private sum = 0n;
  count = 0;
  add(values: unknown[]) {
    this.sum =
      (this.sum + createHash('sha256').update(rowKey(values)).digest().readBigUInt64BE(0)) & 0xffffffffffffffffn;
    this.count++;
  }
  get value() {
    return this.sum;
  }
}

/** The server's side, streamed; the move's own audit row is left out (the file cannot have one). */
async function targetChecksum(db: Kysely<DB>, table: string, columns: string[]): Promise<TableChecksum> {
  const sum = new TableChecksum();
  let q = db.selectFrom(table as 'settings').select(columns as never[]);
  if (table === 'audit_log') q = q.where(sql.ref('method'), '!=', 'server.move');
  for await (const row of q.stream(1000)) sum.add(columns.map((c) => (row as Record<string, unknown>)[c]));
  return sum;
}

/**
 * Copies a standalone (单机) database file into the office server's PostgreSQL: the schema made by the
 * same migrations, every table in one transaction, identity counters moved past the copied ids, then
 * each table's row count and checksum compared with the file. Refuses a file not at this version's
 * schema, and a server that already holds ledgers (so it cannot run twice).
 */
export async function moveToServer(
  sourceFile: string,
  target: PostgresConfig,
  by: string,
  onTable?: (table: string, rows: number) => void,
): Promise<MoveReport> {
  const t0 = performance.now();
  const file = openSqliteFile(sourceFile, { readonly: true, fileMustExist: true });
  const handle = openDatabase({ file: sourceFile, postgres: target });
  try {
    const applied = new Set(file.prepare('select id from schema_migrations').pluck().all() as string[]);
    const missing = migrations.filter((m) => !applied.has(m.id)).map((m) => m.id);
    if (missing.length > 0)
      throw new MoveRefused(
        `该数据库文件不是当前版本（缺少迁移 ${missing.join(', ')}）：请先用本版本的 GridDesk 单机版打开一次，再迁移。`,
      );
    await migrate(handle.db);
    const tables = tablesInOrder(file);

    // The file's side of each table's checksum is made while its rows are copied: the file is read once.
    const fromFile = new Map<string, TableChecksum>();
    let rows = 0;
    await handle.db.transaction().execute(async (trx) => {
      for (const { name } of tables) {
        if (SEEDED_AT_START.has(name)) continue;
        const found = await sql<{ n: number }>`select count(*) as n from ${sql.table(name)}`.execute(trx);
        if (Number(found.rows[0]!.n) > 0)
          throw new MoveRefused(
            `服务器数据库已有台账数据（${name}），不能再次迁移。迁移只能在新建的空数据库上进行一次。`,
          );
      }
      await trx.deleteFrom('sessions').execute();
      for (const { name } of [...tables].reverse())
        if (SEEDED_AT_START.has(name)) await sql`delete from ${sql.table(name)}`.execute(trx);
      for (const { name, columns } of tables) {
        const read = file.prepare(`select ${columns.map((c) => `"${c}"`).join(', ')} from "${name}"`).raw();
        const source = new TableChecksum();
        fromFile.set(name, source);
        let batch: Record<string, unknown>[] = [];
        const flush = async () => {
          if (batch.length === 0) return;
          await trx
            .insertInto(name as keyof DB)
            .values(batch as never)
            .execute();
          rows += batch.length;
          batch = [];
        };
        for (const values of read.iterate() as Iterable<unknown[]>) {
          source.add(values);
          batch.push(Object.fromEntries(columns.map((c, i) => [c, values[i]])));
          if (batch.length >= BATCH_ROWS) await flush();
        }
        await flush();
        onTable?.(name, source.count);
        // serial ids continue after the highest copied one.
        if (columns.includes('id')) {
          await sql`select setval(pg_get_serial_sequence(${name}, 'id'), coalesce(max(id), 1), max(id) is not null) from ${sql.table(name)} where pg_get_serial_sequence(${name}, 'id') is not null`.execute(
            trx,
          );
        }
      }
      await trx
        .insertInto('audit_log')
        .values({
          at: new Date().toISOString(),
          user_id: null,
          username: by,
          method: 'server.move',
          entity: 'database',
          entity_id: sourceFile,
          summary: `moved from a standalone file: ${tables.length} tables, ${rows} rows`,
          before_json: null,
          after_json: null,
        })
        .execute();
    });

    const report: MovedTable[] = [];
    for (const { name, columns } of tables) {
      const source = fromFile.get(name)!;
      const moved = await targetChecksum(handle.db, name, columns);
      report.push({
        table: name,
        sourceRows: source.count,
        targetRows: moved.count,
        checksumsMatch: moved.count === source.count && moved.value === source.value,
      });
    }
    return { tables: report, rows, ms: Math.round(performance.now() - t0) };
  } finally {
    file.close();
    await handle.close();
  }
}
