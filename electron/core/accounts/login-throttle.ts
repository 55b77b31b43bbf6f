/**
 * Failed sign-ins are slowed down: after 5 failures in a row a user name is locked for a minute,
 * doubling with each further failure up to 15 minutes. Kept in memory (a failed login rolls its
 * transaction back, so nothing about it can be stored); a restart clears it.
 */
const FREE_TRIES = 5;
const BASE_LOCK_MS = 60_000;
const MAX_LOCK_MS = 15 * 60_000;

interface Record_ {
  failures: number;
  lockedUntil: number;
}

const attempts = new Map<string, Record_>();
const keyOf = (username: string) => username.trim().toLowerCase();

/** Seconds the user name is still locked for, or 0. */
export function lockedFor(username: string, now: Date): number {
  const r = attempts.get(keyOf(username));
  if (!r || r.lockedUntil <= now.getTime()) return 0;
  return Math.ceil((r.lockedUntil - now.getTime()) / 1000);
}

export function recordFailure(username: string, now: Date): void {
  const key = keyOf(username);
  const r = attempts.get(key) ?? { failures: 0, lockedUntil: 0 };
  r.failures++;
  if (r.failures >= FREE_TRIES) {
    const lock = Math.min(MAX_LOCK_MS, BASE_LOCK_MS * 2 ** (r.failures - FREE_TRIES));
    r.lockedUntil = now.getTime() + lock;
  }
  attempts.set(key, r);
  if (attempts.size > 10_000) attempts.delete(attempts.keys().next().value as string);
}

export function recordSuccess(username: string): void {
  attempts.delete(keyOf(username));
}
