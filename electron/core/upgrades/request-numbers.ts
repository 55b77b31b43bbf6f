import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

/** 技改 requests are numbered JG-2026-0012, 大修 requests DX-2026-0003: one series per kind and year. */
const PREFIX: Record<string, string> = { renovation: 'JG', overhaul: 'DX' };

export const requestNoPrefix = (projectType: string, year: number) => `${PREFIX[projectType] ?? 'JG'}-${year}-`;

/** The next free number of the series, counting every request ever numbered (deleted ones keep theirs). */
export async function nextRequestNo(db: Kysely<DB>, projectType: string, year: number): Promise<string> {
  const prefix = requestNoPrefix(projectType, year);
  const last = await db
    .selectFrom('upgrade_requests')
    .select('request_no')
    .where('request_no', 'like', `${prefix}%`)
    .orderBy('request_no', 'desc')
    .limit(1)
    .executeTakeFirst();
  const n = last?.request_no ? Number(last.request_no.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(n).padStart(4, '0')}`;
}
