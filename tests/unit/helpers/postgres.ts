import pg from 'pg';

/**
 * The core suite runs once on SQLite files and once on PostgreSQL (scripts/test-postgres.mjs sets
 * GRIDDESK_TEST_POSTGRES to a server's admin connection string). Each test core gets a database of its own.
 */
export const POSTGRES_ADMIN_URL = process.env.GRIDDESK_TEST_POSTGRES ?? '';
export const onPostgres = POSTGRES_ADMIN_URL !== '';

/** What a test about SQLite itself (its file, pragmas, FTS5, query plans) says when the suite runs on PostgreSQL. */
export const SQLITE_ONLY = 'SQLite only: this test is about the SQLite file itself';

let made = 0;

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A new empty database on the test server; returns its connection string. */
export async function createTestDatabase(): Promise<{ name: string; connectionString: string }> {
  const name = `griddesk_t${process.pid}_${++made}_${Date.now() % 100000}`;
  await admin((c) => c.query(`create database ${name} template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C'`));
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return { name, connectionString: url.toString() };
}

export async function dropTestDatabase(name: string): Promise<void> {
  await admin((c) => c.query(`drop database if exists ${name} with (force)`));
}

const hashReaders = new Map<string, { client: pg.Client; query: string }>();

/**
 * A hash of every row of every table on PostgreSQL, made by the server in one statement over a kept
 * connection (rows compared as sets: the heap has no stable order).
 */
/**
 * The server's current snapshot as text (xmin:xmax:in-progress ids). Any transaction that wrote, on
 * any database of the server, changes it when it ends; read-only transactions have no id and do not.
 */
export async function postgresSnapshot(connectionString: string): Promise<string> {
  const reader = await hashReader(connectionString);
  return (await reader.client.query<{ s: string }>('select pg_current_snapshot()::text as s')).rows[0]!.s;
}

async function hashReader(connectionString: string) {
  let reader = hashReaders.get(connectionString);
  if (!reader) {
    const client = new pg.Client({ connectionString });
    await client.connect();
    const tables = (
      await client.query<{ name: string }>(
        "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name",
      )
    ).rows.map((r) => r.name);
    const query = tables
      .map(
        (n) => `select '${n}' as name, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from "${n}" x`,
      )
      .join(' union all ');
    reader = { client, query };
    hashReaders.set(connectionString, reader);
  }
  return reader;
}

export async function postgresContentHash(
  connectionString: string,
  except: string[],
  update: (s: string) => void,
): Promise<void> {
  const reader = await hashReader(connectionString);
  for (const { name, h } of (await reader.client.query<{ name: string; h: string }>(reader.query)).rows) {
    if (!except.includes(name)) update(`\u0000${name}\u0000${h}`);
  }
}

/** Closes the kept connection before the test drops the database. */
export async function closePostgresHashReader(connectionString: string): Promise<void> {
  await hashReaders.get(connectionString)?.client.end();
  hashReaders.delete(connectionString);
}

/** SQL written with ? placeholders, on the test core's PostgreSQL database. */
export async function postgresSql<Row>(connectionString: string, text: string, params: unknown[]): Promise<Row[]> {
  const client = new pg.Client({
    connectionString,
    types: {
      getTypeParser: ((oid: number, format: 'text') =>
        oid === 20 || oid === 1700 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  await client.connect();
  try {
    let n = 0;
    return (
      await client.query(
        text.replace(/\?/g, () => `$${++n}`),
        params,
      )
    ).rows as Row[];
  } finally {
    await client.end();
  }
}
