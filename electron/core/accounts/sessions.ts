import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Role } from '../../contract';
import type { Session } from '../context';
import type { DB } from '../db/schema';

const SESSION_HOURS = 12;
const HOUR = 3600_000;

/** Only a hash of the token is stored: a copied database file signs nobody in. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Kysely<DB>, userId: number, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_HOURS * HOUR).toISOString(),
    })
    .execute();
  return token;
}

/** The session for a token, or null when unknown, expired or its user was deactivated. Reads only. */
export async function resolveSession(db: Kysely<DB>, token: string, now: Date): Promise<Session | null> {
  if (token.length < 20 || token.length > 100) return null;
  const tokenHash = hashToken(token);
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.expires_at', 'u.id', 'u.username', 'u.display_name', 'u.role', 'u.must_change_password', 'u.active'])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row || row.active !== 1 || row.expires_at <= now.toISOString()) return null;
  return {
    expiresAt: row.expires_at,
    userId: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    mustChangePassword: row.must_change_password === 1,
    tokenHash,
  };
}

export async function endSession(db: Kysely<DB>, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function endUserSessions(db: Kysely<DB>, userId: number, exceptTokenHash?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptTokenHash) q = q.where('token_hash', '!=', exceptTokenHash);
  await q.execute();
}

/**
 * Slides the expiry of a session in use, at most once an hour. Dispatch calls it inside the
 * transaction of a call that succeeded, so a refused call writes nothing at all.
 */
export async function extendSession(db: Kysely<DB>, session: Session, now: Date): Promise<void> {
  if (new Date(session.expiresAt).getTime() - now.getTime() >= (SESSION_HOURS - 1) * HOUR) return;
  await db
    .updateTable('sessions')
    .set({ expires_at: new Date(now.getTime() + SESSION_HOURS * HOUR).toISOString() })
    .where('token_hash', '=', session.tokenHash)
    .execute();
}
