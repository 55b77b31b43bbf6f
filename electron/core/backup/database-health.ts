import { existsSync, statSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../db/dialect';
import type { DatabaseHealth, Reminder } from '../../contract';
import type { HandlerContext } from '../context';
import type { DB } from '../db/schema';
import { loadSettings } from '../settings/settings.repository';
import { addDays } from '../shared/time';

const MB = 1024 * 1024;
const sizeOf = (file: string) => (existsSync(file) ? statSync(file).size : 0);

/** The file and its write-ahead log together: what the ledgers take on the disk. */
export const databaseBytes = (file: string) => sizeOf(file) + sizeOf(`${file}-wal`);

/** What the ledgers take: the SQLite file and its log, or the PostgreSQL database as its server counts it. */
async function ledgerBytes(db: Kysely<DB>, file: string): Promise<{ fileBytes: number; walBytes: number }> {
  if (dialectOf(db) === 'sqlite') return { fileBytes: sizeOf(file), walBytes: sizeOf(`${file}-wal`) };
  const r = await sql<{ bytes: number }>`select pg_database_size(current_database()) as bytes`.execute(db);
  return { fileBytes: Number(r.rows[0]!.bytes), walBytes: 0 };
}

/** One reading a day (the first start of the day), kept for the growth warning. */
export async function recordDatabaseSize(db: Kysely<DB>, file: string, today: string): Promise<void> {
  const { fileBytes, walBytes } = await ledgerBytes(db, file);
  await db
    .insertInto('database_sizes')
    .values({ day: today, bytes: fileBytes + walBytes })
    .onConflict((oc) => oc.column('day').doNothing())
    .execute();
}

/** The reading growth is measured from: the newest one at least a week old, else the oldest before today. */
async function baselineOf(db: Kysely<DB>, today: string) {
  const weekOld = await db
    .selectFrom('database_sizes')
    .selectAll()
    .where('day', '<=', addDays(today, -7))
    .orderBy('day', 'desc')
    .limit(1)
    .executeTakeFirst();
  return (
    weekOld ??
    (await db
      .selectFrom('database_sizes')
      .selectAll()
      .where('day', '<', today)
      .orderBy('day', 'asc')
      .limit(1)
      .executeTakeFirst()) ??
    null
  );
}

export async function databaseHealth(ctx: HandlerContext): Promise<DatabaseHealth> {
  const file = ctx.runtime.file;
  const settings = await loadSettings(ctx.db);
  const growthPct = settings.number('maintenance.growthPct');
  const growthMinMb = settings.number('maintenance.growthMinMb');
  const { fileBytes, walBytes } = await ledgerBytes(ctx.db, file);
  const sqlite = ctx.runtime.sqlite;
  const pageSize = sqlite ? (sqlite.pragma('page_size', { simple: true }) as number) : 0;
  const freePages = sqlite ? (sqlite.pragma('freelist_count', { simple: true }) as number) : 0;
  const baseline = await baselineOf(ctx.db, ctx.today);
  const now = fileBytes + walBytes;
  const grewUnusually =
    baseline !== null && now > baseline.bytes * (1 + growthPct / 100) && now - baseline.bytes >= growthMinMb * MB;
  const last = await ctx.db
    .selectFrom('audit_log')
    .select(['at', 'username'])
    .where('method', '=', 'backup.maintain')
    .where('summary', '=', 'maintenance done')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return {
    fileBytes,
    walBytes,
    freeBytes: pageSize * freePages,
    baseline: baseline ? { day: baseline.day, bytes: baseline.bytes } : null,
    grewUnusually,
    growthPct,
    growthMinMb,
    lastMaintenance: last ? { at: last.at, by: last.username } : null,
  };
}

/** For admins only: the file grew unusually (the count is the growth in MB). */
export async function databaseReminders(ctx: HandlerContext): Promise<Reminder[]> {
  if (ctx.session?.role !== 'admin') return [];
  const health = await databaseHealth(ctx);
  if (!health.grewUnusually || !health.baseline) return [];
  const grownMb = Math.round((health.fileBytes + health.walBytes - health.baseline.bytes) / MB);
  return [
    {
      module: 'backup',
      label: 'reminders.backup.grew',
      count: grownMb,
      tone: 'warning',
      leadDays: null,
      link: { page: 'backup', method: 'backup.health', filters: {} },
    },
  ];
}
