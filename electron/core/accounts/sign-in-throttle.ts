import type { Kysely, Selectable } from 'kysely';
import type { DB, SignInFailuresTable } from '../db/schema';
import type { Settings } from '../settings/settings.repository';

/**
 * Failed sign-ins are counted in the database, per (user name, client address) and per address
 * across names, so counts survive a restart and hold on both databases. A lock applies to the
 * address that failed: someone elsewhere cannot keep an account locked.
 */
export interface SignInLimits {
  /** Failures of one name from one address before it locks. */
  freeTries: number;
  /** The first lock; doubled with each further failure up to maxLockMs. */
  lockMs: number;
  maxLockMs: number;
  /** Failures from one address, any names, within the window, that lock the address. */
  addressFailures: number;
  addressWindowMs: number;
  addressLockMs: number;
}

const MINUTE = 60_000;

export const signInLimits = (s: Settings): SignInLimits => ({
  freeTries: s.number('signIn.freeTries'),
  lockMs: s.number('signIn.lockMinutes') * MINUTE,
  maxLockMs: s.number('signIn.maxLockMinutes') * MINUTE,
  addressFailures: s.number('signIn.addressFailures'),
  addressWindowMs: s.number('signIn.addressWindowMinutes') * MINUTE,
  addressLockMs: s.number('signIn.addressLockMinutes') * MINUTE,
});

/** How long a name is locked after its n-th failure in a row: nothing before freeTries, then doubling. */
export function pairLockMs(failures: number, limits: SignInLimits): number {
  if (failures < limits.freeTries) return 0;
  return Math.min(limits.maxLockMs, limits.lockMs * 2 ** Math.min(30, failures - limits.freeTries));
}

type Row = Selectable<SignInFailuresTable>;

export interface SignInAttempt {
  pair: Row;
  address: Row;
}

export const pairKey = (username: string, address: string) => `pair:${username.trim().toLowerCase()}|${address}`;
export const addressKey = (address: string) => `address:${address}`;

/**
 * The two counters of this attempt, created when missing. The upsert takes each row's lock until
 * the end of the transaction (PostgreSQL; SQLite runs one write transaction at a time), so parallel
 * attempts for one name and address are checked and counted one after the other, never all at once.
 * Always the address first, then the pair: one order, no deadlock.
 */
export async function claimAttempt(
  db: Kysely<DB>,
  username: string,
  address: string,
  now: Date,
): Promise<SignInAttempt> {
  const at = now.toISOString();
  const claim = (key: string, name: string | null) =>
    db
      .insertInto('sign_in_failures')
      .values({ key, username: name, address, failures: 0, first_at: at, last_at: at, locked_until: null })
      .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ key: eb.ref('excluded.key') })))
      .returningAll()
      .executeTakeFirstOrThrow();
  const addressRow = await claim(addressKey(address), null);
  const pair = await claim(pairKey(username, address), username.trim());
  return { pair, address: addressRow };
}

/** Seconds this attempt must wait, and which lock holds it, or null when it may try. */
export function lockedNow(attempt: SignInAttempt, now: Date): { scope: 'address' | 'pair'; seconds: number } | null {
  for (const scope of ['address', 'pair'] as const) {
    const until = attempt[scope].locked_until;
    if (until && until > now.toISOString())
      return { scope, seconds: Math.ceil((new Date(until).getTime() - now.getTime()) / 1000) };
  }
  return null;
}

export interface NewLock {
  scope: 'address' | 'pair';
  failures: number;
  until: string;
}

/** Counts a failure on both counters; returns the locks it set (for the audit log). */
export async function recordFailure(
  db: Kysely<DB>,
  attempt: SignInAttempt,
  limits: SignInLimits,
  now: Date,
): Promise<NewLock[]> {
  const at = now.toISOString();
  const locks: NewLock[] = [];
  const pairFailures = attempt.pair.failures + 1;
  const pairLock = pairLockMs(pairFailures, limits);
  const pairUntil = pairLock > 0 ? new Date(now.getTime() + pairLock).toISOString() : null;
  if (pairUntil) locks.push({ scope: 'pair', failures: pairFailures, until: pairUntil });
  await db
    .updateTable('sign_in_failures')
    .set({ failures: pairFailures, last_at: at, locked_until: pairUntil })
    .where('key', '=', attempt.pair.key)
    .execute();

  // The address counts within a window: an office PC's mistypes last week do not add up.
  const windowOver = now.getTime() - new Date(attempt.address.first_at).getTime() > limits.addressWindowMs;
  const addressFailures = windowOver ? 1 : attempt.address.failures + 1;
  const addressUntil =
    addressFailures >= limits.addressFailures ? new Date(now.getTime() + limits.addressLockMs).toISOString() : null;
  if (addressUntil) locks.push({ scope: 'address', failures: addressFailures, until: addressUntil });
  await db
    .updateTable('sign_in_failures')
    .set({
      failures: addressFailures,
      first_at: windowOver ? at : attempt.address.first_at,
      last_at: at,
      locked_until: addressUntil,
    })
    .where('key', '=', attempt.address.key)
    .execute();
  // Counts of names nobody tried for a day are forgotten (a guesser's made-up names do not pile up).
  const dayAgo = new Date(now.getTime() - 24 * 3600_000).toISOString();
  await db
    .deleteFrom('sign_in_failures')
    .where('last_at', '<', dayAgo)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', at)]))
    .execute();
  return locks;
}

/** A successful sign-in clears its name's count on that address (not the address's count across names). */
export async function recordSuccess(db: Kysely<DB>, attempt: SignInAttempt): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('key', '=', attempt.pair.key).execute();
  if (attempt.address.failures === 0)
    await db.deleteFrom('sign_in_failures').where('key', '=', attempt.address.key).execute();
}

/** Locks still in force, newest first, for the admin's users page. */
export const activeLocks = (db: Kysely<DB>, now: Date) =>
  db
    .selectFrom('sign_in_failures')
    .selectAll()
    .where('locked_until', '>', now.toISOString())
    .orderBy('locked_until', 'desc')
    .orderBy('key')
    .limit(500)
    .execute();

/** An admin lifts a lock (and its count), e.g. for a colleague who mistyped at the front desk. */
export const clearLock = (db: Kysely<DB>, key: string) =>
  db.deleteFrom('sign_in_failures').where('key', '=', key).returningAll().executeTakeFirst();
