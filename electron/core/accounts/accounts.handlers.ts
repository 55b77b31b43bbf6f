import { ApiError, notFound, ruleError } from '../../contract';
import type { Handlers, HandlerContext } from '../context';
import { currentUser } from '../context';
import { updateVersioned } from '../shared/versioned';
import { countActiveAdmins, findUserById, findUserByName, listUsers, toUserRow } from './accounts.repository';
import { lockedFor, recordFailure, recordSuccess } from './login-throttle';
import { hashPassword, verifyPassword } from './password';
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
  | 'accounts.resetPassword';

const loginFailed = () => new ApiError({ code: 'UNAUTHENTICATED', message: 'accounts.login.failed' });

async function needsSetup(ctx: HandlerContext): Promise<boolean> {
  const withPassword = await ctx.db.selectFrom('users').select('id').where('password_hash', 'is not', null).limit(1).executeTakeFirst();
  return !withPassword;
}

async function signIn(ctx: HandlerContext, userId: number) {
  const user = await findUserById(ctx.db, userId);
  if (!user) throw loginFailed();
  await ctx.db.updateTable('users').set({ last_login_at: ctx.now.toISOString() }).where('id', '=', userId).execute();
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
  'accounts.setupStatus': async (_input, ctx) => ({ needsSetup: await needsSetup(ctx) }),

  'accounts.setup': async (input, ctx) => {
    if (!(await needsSetup(ctx))) throw ruleError('accounts.setup.done');
    const admin = await ctx.db.selectFrom('users').selectAll().where('role', '=', 'admin').orderBy('id').executeTakeFirstOrThrow();
    await ctx.db
      .updateTable('users')
      .set({
        password_hash: await hashPassword(input.password),
        display_name: input.displayName || admin.display_name,
        must_change_password: 0,
        updated_at: ctx.now.toISOString(),
      })
      .where('id', '=', admin.id)
      .execute();
    return signIn(ctx, admin.id);
  },

  'accounts.login': async (input, ctx) => {
    const wait = lockedFor(input.username, ctx.now);
    if (wait > 0) throw new ApiError({ code: 'UNAUTHENTICATED', message: 'accounts.login.locked', params: { seconds: wait } });
    const user = await findUserByName(ctx.db, input.username);
    const ok = await verifyPassword(input.password, user?.password_hash ?? null);
    if (!user || !ok || user.active !== 1) {
      recordFailure(input.username, ctx.now);
      throw loginFailed();
    }
    recordSuccess(input.username);
    return signIn(ctx, user.id);
  },

  'accounts.logout': async (_input, ctx) => {
    const s = currentUser(ctx);
    await endSession(ctx.db, s.tokenHash);
    ctx.audit({ entity: 'users', entityId: s.userId, summary: 'logout' });
    return { ok: true as const };
  },

  'accounts.me': async (_input, ctx) => {
    const s = currentUser(ctx);
    return { id: s.userId, username: s.username, displayName: s.displayName, role: s.role, mustChangePassword: s.mustChangePassword };
  },

  'accounts.changePassword': async (input, ctx) => {
    const s = currentUser(ctx);
    const user = await findUserById(ctx.db, s.userId);
    if (!user || !(await verifyPassword(input.currentPassword, user.password_hash))) {
      throw new ApiError({ code: 'VALIDATION', message: 'accounts.password.wrong', issues: [{ path: ['currentPassword'], message: 'accounts.password.wrong' }] });
    }
    if (input.currentPassword === input.newPassword) {
      throw new ApiError({ code: 'VALIDATION', message: 'accounts.password.same', issues: [{ path: ['newPassword'], message: 'accounts.password.same' }] });
    }
    await ctx.db
      .updateTable('users')
      .set({ password_hash: await hashPassword(input.newPassword), must_change_password: 0, updated_at: ctx.now.toISOString(), version: user.version + 1 })
      .where('id', '=', user.id)
      .execute();
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
      throw new ApiError({ code: 'VALIDATION', message: 'validation.duplicate', issues: [{ path: ['username'], message: 'validation.duplicate' }] });
    }
    if (input.id === undefined) {
      if (!input.initialPassword) {
        throw new ApiError({ code: 'VALIDATION', message: 'validation.required', issues: [{ path: ['initialPassword'], message: 'validation.required' }] });
      }
      const created = await ctx.db
        .insertInto('users')
        .values({
          username: input.username,
          display_name: input.displayName,
          role: input.role,
          active: input.active ? 1 : 0,
          password_hash: await hashPassword(input.initialPassword),
          must_change_password: 1,
          last_login_at: null,
          created_at: at,
          updated_at: at,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const row = toUserRow(created);
      ctx.audit({ entity: 'users', entityId: created.id, summary: 'created', after: row });
      return row;
    }
    const before = await findUserById(ctx.db, input.id);
    if (!before) throw notFound('users', input.id);
    const losesAdmin = before.role === 'admin' && (input.role !== 'admin' || !input.active);
    if (losesAdmin && (await countActiveAdmins(ctx.db, before.id)) === 0) throw ruleError('accounts.lastAdmin', undefined, ['role']);
    if (before.id === me.userId && !input.active) throw ruleError('accounts.selfDeactivate', undefined, ['active']);
    await updateVersioned(
      ctx.db,
      'users',
      input.id,
      input.version,
      { username: input.username, display_name: input.displayName, role: input.role, active: input.active ? 1 : 0, updated_at: at },
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
    await ctx.db
      .updateTable('users')
      .set({ password_hash: await hashPassword(input.newPassword), must_change_password: 1, updated_at: ctx.now.toISOString(), version: user.version + 1 })
      .where('id', '=', user.id)
      .execute();
    await endUserSessions(ctx.db, user.id);
    ctx.audit({ entity: 'users', entityId: user.id, summary: 'password reset by admin' });
    return { ok: true as const };
  },
};
