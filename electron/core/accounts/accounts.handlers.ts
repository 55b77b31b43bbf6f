import { timingSafeEqual } from 'node:crypto';
import { ApiError, notFound, ruleError, type SignInLock } from '../../contract';
import type { Handlers, HandlerContext } from '../context';
import { currentUser, RefusalAfterWrites } from '../context';
import { loadSettings } from '../settings/settings.repository';
import { updateVersioned } from '../shared/versioned';
import {
  anyUserHasPassword,
  countActiveAdmins,
  findUserById,
  findUserByName,
  firstAdmin,
  insertUser,
  listUsers,
  setUserColumns,
  toUserRow,
} from './accounts.repository';
import {
  activeLocks,
  claimAttempt,
  clearLock,
  lockedNow,
  recordFailure,
  recordSuccess,
  signInLimits,
  type SignInAttempt,
} from './sign-in-throttle';
import { createSession, endSession, endUserSessions } from './sessions';

type AccountMethods =
  | 'accounts.setupStatus'
  | 'accounts.setup'
  | 'accounts.login'
  | 'accounts.logout'
  | 'accounts.me'
  | 'accounts.changePassword'
  | 'accounts.listUsers'
  | 'accounts.saveUser'
  | 'accounts.resetPassword'
  | 'accounts.signInLocks'
  | 'accounts.clearSignInLock';

const loginFailed = () => new ApiError({ code: 'UNAUTHENTICATED', message: 'accounts.login.failed' });
const locked = (lock: { scope: 'address' | 'pair'; seconds: number }) =>
  new ApiError({
    code: 'UNAUTHENTICATED',
    message: lock.scope === 'address' ? 'accounts.login.addressLocked' : 'accounts.login.locked',
    params: { seconds: lock.seconds },
  });

/** A refused attempt: its count is committed (and a lock it set is audited), then the refusal answers. */
async function refuseAttempt(
  ctx: HandlerContext,
  attempt: SignInAttempt,
  username: string,
  userId: number | null,
  error: ApiError,
): Promise<never> {
  const locks = await recordFailure(ctx.db, attempt, signInLimits(await loadSettings(ctx.db)), ctx.now);
  for (const lock of locks) {
    ctx.audit({
      entity: 'users',
      entityId: userId ?? username,
      summary: lock.scope === 'address' ? 'sign-in address locked' : 'sign-in locked',
      after: { username, address: ctx.client, failures: lock.failures, until: lock.until },
    });
  }
  const pairLock = locks.find((l) => l.scope === 'pair') ?? locks[0];
  throw new RefusalAfterWrites(
    pairLock
      ? locked({
          scope: pairLock.scope,
          seconds: Math.ceil((new Date(pairLock.until).getTime() - ctx.now.getTime()) / 1000),
        })
      : error,
  );
}

/** The office server's one-time code, compared in constant time; absent elsewhere (desktop, loopback browser). */
function codeMatches(ctx: HandlerContext, typed: string | undefined): boolean {
  const expected = ctx.runtime.firstRunCode?.code;
  if (!expected) return true;
  const a = Buffer.from((typed ?? '').toUpperCase().replace(/[\s-]/g, ''));
  const b = Buffer.from(expected.toUpperCase().replace(/[\s-]/g, ''));
  return a.length === b.length && timingSafeEqual(a, b);
}

async function needsSetup(ctx: HandlerContext): Promise<boolean> {
  return !(await anyUserHasPassword(ctx.db));
}

async function signIn(ctx: HandlerContext, userId: number) {
  const user = await findUserById(ctx.db, userId);
  if (!user) throw loginFailed();
  await setUserColumns(ctx.db, userId, { last_login_at: ctx.now.toISOString() });
  const token = await createSession(ctx.db, userId, ctx.now);
  ctx.actAs({ id: user.id, username: user.username });
  ctx.audit({ entity: 'users', entityId: user.id, summary: 'login' });
  return {
    token,
    user: {
      id: user.id,
      username: user.username,
      displayName: user.display_name,
      role: user.role as 'admin',
      mustChangePassword: user.must_change_password === 1,
    },
  };
}

export const accountsHandlers: Handlers<AccountMethods> = {
  'accounts.setupStatus': async (_input, ctx) => {
    const pending = await needsSetup(ctx);
    return { needsSetup: pending, needsCode: pending && ctx.runtime.firstRunCode !== null };
  },

  'accounts.setup': async (input, ctx) => {
    if (!(await needsSetup(ctx))) throw ruleError('accounts.setup.done');
    if (ctx.runtime.firstRunCode) {
      // Guesses at the code count like failed sign-ins from that address.
      const attempt = await claimAttempt(ctx.db, '(setup)', ctx.client, ctx.now);
      const lock = lockedNow(attempt, ctx.now);
      if (lock) throw locked(lock);
      if (!codeMatches(ctx, input.setupCode)) {
        const wrong = new ApiError({
          code: 'VALIDATION',
          message: 'accounts.setup.codeWrong',
          issues: [
            { path: ['setupCode'], message: input.setupCode ? 'accounts.setup.codeWrong' : 'validation.required' },
          ],
        });
        await refuseAttempt(ctx, attempt, '(setup)', null, wrong);
      }
      await recordSuccess(ctx.db, attempt);
      const code = ctx.runtime.firstRunCode;
      ctx.afterCommit(async () => code.used());
    }
    const admin = await firstAdmin(ctx.db);
    await setUserColumns(ctx.db, admin.id, {
      password_hash: await ctx.runtime.passwords.hash(input.password),
      display_name: input.displayName || admin.display_name,
      must_change_password: 0,
      updated_at: ctx.now.toISOString(),
    });
    return signIn(ctx, admin.id);
  },

  'accounts.login': async (input, ctx) => {
    // The counters are claimed first: parallel attempts for this name and address wait here in turn.
    const attempt = await claimAttempt(ctx.db, input.username, ctx.client, ctx.now);
    const lock = lockedNow(attempt, ctx.now);
    if (lock) throw locked(lock);
    const user = await findUserByName(ctx.db, input.username);
    // An unknown name is checked against a stand-in hash: it answers no faster than a known one.
    const ok = await ctx.runtime.passwords.verify(input.password, user?.password_hash ?? null);
    if (!user || !ok || user.active !== 1)
      return refuseAttempt(ctx, attempt, input.username, user?.id ?? null, loginFailed());
    await recordSuccess(ctx.db, attempt);
    // A hash made with weaker parameters than today's is replaced while the password is at hand.
    if (ctx.runtime.passwords.needsRehash(user.password_hash)) {
      await setUserColumns(ctx.db, user.id, { password_hash: await ctx.runtime.passwords.hash(input.password) });
    }
    return signIn(ctx, user.id);
  },

  'accounts.logout': async (_input, ctx) => {
    const s = currentUser(ctx);
    await endSession(ctx.db, s.tokenHash);
    // Uploads this session staged and never used are not kept for anyone.
    ctx.afterCommit(async () => void ctx.runtime.files.dropSession(s.tokenHash));
    ctx.audit({ entity: 'users', entityId: s.userId, summary: 'logout' });
    return { ok: true as const };
  },

  'accounts.me': async (_input, ctx) => {
    const s = currentUser(ctx);
    return {
      id: s.userId,
      username: s.username,
      displayName: s.displayName,
      role: s.role,
      mustChangePassword: s.mustChangePassword,
    };
  },

  'accounts.changePassword': async (input, ctx) => {
    const s = currentUser(ctx);
    const user = await findUserById(ctx.db, s.userId);
    if (!user || !(await ctx.runtime.passwords.verify(input.currentPassword, user.password_hash))) {
      throw new ApiError({
        code: 'VALIDATION',
        message: 'accounts.password.wrong',
        issues: [{ path: ['currentPassword'], message: 'accounts.password.wrong' }],
      });
    }
    if (input.currentPassword === input.newPassword) {
      throw new ApiError({
        code: 'VALIDATION',
        message: 'accounts.password.same',
        issues: [{ path: ['newPassword'], message: 'accounts.password.same' }],
      });
    }
    await setUserColumns(ctx.db, user.id, {
      password_hash: await ctx.runtime.passwords.hash(input.newPassword),
      must_change_password: 0,
      updated_at: ctx.now.toISOString(),
      version: user.version + 1,
    });
    // Other sign-ins of this user end: a changed password must lock out whoever knew the old one.
    await endUserSessions(ctx.db, user.id, s.tokenHash);
    ctx.audit({ entity: 'users', entityId: user.id, summary: 'password changed' });
    return { ok: true as const };
  },

  'accounts.listUsers': async (input, ctx) => listUsers(ctx.db, input),

  'accounts.saveUser': async (input, ctx) => {
    const me = currentUser(ctx);
    const at = ctx.now.toISOString();
    const clash = await findUserByName(ctx.db, input.username);
    if (clash && clash.id !== input.id) {
      throw new ApiError({
        code: 'VALIDATION',
        message: 'validation.duplicate',
        issues: [{ path: ['username'], message: 'validation.duplicate' }],
      });
    }
    if (input.id === undefined) {
      if (!input.initialPassword) {
        throw new ApiError({
          code: 'VALIDATION',
          message: 'validation.required',
          issues: [{ path: ['initialPassword'], message: 'validation.required' }],
        });
      }
      const created = await insertUser(ctx.db, {
        username: input.username,
        display_name: input.displayName,
        role: input.role,
        active: input.active ? 1 : 0,
        password_hash: await ctx.runtime.passwords.hash(input.initialPassword),
        must_change_password: 1,
        last_login_at: null,
        created_at: at,
        updated_at: at,
      });
      const row = toUserRow(created);
      ctx.audit({ entity: 'users', entityId: created.id, summary: 'created', after: row });
      return row;
    }
    const before = await findUserById(ctx.db, input.id);
    if (!before) throw notFound('users', input.id);
    const losesAdmin = before.role === 'admin' && (input.role !== 'admin' || !input.active);
    if (losesAdmin && (await countActiveAdmins(ctx.db, before.id)) === 0)
      throw ruleError('accounts.lastAdmin', undefined, ['role']);
    if (before.id === me.userId && !input.active) throw ruleError('accounts.selfDeactivate', undefined, ['active']);
    await updateVersioned(
      ctx.db,
      'users',
      input.id,
      input.version,
      {
        username: input.username,
        display_name: input.displayName,
        role: input.role,
        active: input.active ? 1 : 0,
        updated_at: at,
      },
      async () => {
        const u = await findUserById(ctx.db, input.id!);
        return u && toUserRow(u);
      },
    );
    if (!input.active || input.role !== before.role) await endUserSessions(ctx.db, before.id);
    const after = toUserRow((await findUserById(ctx.db, input.id))!);
    ctx.audit({ entity: 'users', entityId: input.id, summary: 'updated', before: toUserRow(before), after });
    return after;
  },

  'accounts.resetPassword': async (input, ctx) => {
    const user = await findUserById(ctx.db, input.id);
    if (!user) throw notFound('users', input.id);
    await setUserColumns(ctx.db, user.id, {
      password_hash: await ctx.runtime.passwords.hash(input.newPassword),
      must_change_password: 1,
      updated_at: ctx.now.toISOString(),
      version: user.version + 1,
    });
    await endUserSessions(ctx.db, user.id);
    ctx.audit({ entity: 'users', entityId: user.id, summary: 'password reset by admin' });
    return { ok: true as const };
  },

  'accounts.signInLocks': async (_input, ctx) => ({
    rows: (await activeLocks(ctx.db, ctx.now)).map((r): SignInLock => ({
      key: r.key,
      scope: r.key.startsWith('address:') ? 'address' : 'pair',
      username: r.username,
      address: r.address,
      failures: r.failures,
      lastAt: r.last_at,
      lockedUntil: r.locked_until!,
    })),
  }),

  'accounts.clearSignInLock': async (input, ctx) => {
    const cleared = await clearLock(ctx.db, input.key);
    if (!cleared) throw notFound('signInLocks', input.key);
    ctx.audit({
      entity: 'users',
      entityId: cleared.username ?? cleared.address,
      summary: 'sign-in lock cleared',
      before: {
        username: cleared.username,
        address: cleared.address,
        failures: cleared.failures,
        until: cleared.locked_until,
      },
    });
    return { ok: true as const };
  },
};
