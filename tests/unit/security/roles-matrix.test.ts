import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, ROLES, allows, contract, type MethodName, type Role } from '../../../electron/contract';
import { contentHash } from '../helpers/db-hash';
import { openTestCore, type TestCore } from '../helpers/core';

// Every method × every role, no session and an expired session: allowed or refused exactly as the
// contract says, and a refusal writes nothing. Generated from the contract, so new methods are covered.
let now = new Date('2026-06-01T08:00:00Z');
let t: TestCore;
const tokens = {} as Record<Role, string>;
let expiredToken: string;

beforeAll(async () => {
  t = await openTestCore({ clock: () => now, demoRecords: 20 });
  for (const role of ROLES) tokens[role] = await t.signIn(role);
  expiredToken = await t.signIn('admin', 'expiring');
  now = new Date(now.getTime() + 13 * 3600_000); // past the 12 h session life
  // Fresh sessions for every role at the new time.
  await t.reauthAdmin();
  for (const role of ROLES) {
    const username = `${role}-fresh`;
    tokens[role] = await t.signIn(role, username);
  }
});
afterAll(() => t.close());

const REFUSED = new Set(['FORBIDDEN', 'UNAUTHENTICATED']);
const methods = Object.keys(contract) as MethodName[];

async function outcome(method: MethodName, token: string | null): Promise<string> {
  try {
    // An empty input: enough to reach (or not) the role check, which comes before validation.
    await t.core.dispatch(method, {}, { token });
    return 'ok';
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    return e.code;
  }
}

// logout would end the caller's own session and spoil later rows; it is checked last, separately.
const matrix = methods.filter((m) => m !== 'accounts.logout');

describe.each(matrix)('%s', (method) => {
  const access = contract[method].access;

  it.each(ROLES)('as %s', async (role) => {
    // Background work an earlier, allowed row started (a job, the day's backup) writes when it ends:
    // wait for it, so its writes are not taken for this row's.
    await t.core.settled();
    const before = await contentHash(t);
    const result = await outcome(method, tokens[role]);
    if (allows(access, role)) {
      expect(REFUSED.has(result), `${role} should reach ${method}, got ${result}`).toBe(false);
    } else {
      expect(result).toBe('FORBIDDEN');
      expect(await contentHash(t)).toBe(before);
    }
  });

  it('without a session, and with an expired one', async () => {
    for (const token of [null, expiredToken]) {
      await t.core.settled();
      const before = await contentHash(t);
      const result = await outcome(method, token);
      if (access === 'public') expect(REFUSED.has(result)).toBe(false);
      else {
        expect(result).toBe('UNAUTHENTICATED');
        expect(await contentHash(t)).toBe(before);
      }
    }
  });
});

it('logout ends only the caller’s session', async () => {
  await t.core.dispatch('accounts.logout', {}, { token: tokens.clerk });
  expect(await outcome('accounts.me', tokens.clerk)).toBe('UNAUTHENTICATED');
  expect(await outcome('accounts.me', tokens.planner)).toBe('ok');
});
