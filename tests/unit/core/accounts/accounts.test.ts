import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../../electron/contract';
import { ADMIN_PASSWORD, openTestCore, type TestCore } from '../../helpers/core';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
});
afterEach(() => t.close());

const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e as ApiError;
  }
  throw new Error('expected a refusal');
};

describe('accounts', () => {
  it('first run sets the admin password once; there is no default password', async () => {
    expect(await t.call('accounts.setupStatus', {})).toEqual({ needsSetup: false });
    const again = await refusal(t.call('accounts.setup', { password: 'Another123' }));
    expect(again.code).toBe('RULE');
    const ok = await t.call('accounts.login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(ok.user.role).toBe('admin');
  });

  it('stores passwords as scrypt hashes, never in clear', async () => {
    const [row] = await t.sql<{ password_hash: string }>('select password_hash from users where username = ?', ['admin']);
    expect(row!.password_hash).toMatch(/^scrypt\$/);
    expect(row!.password_hash).not.toContain(ADMIN_PASSWORD);
  });

  it('a wrong password is refused without saying which part was wrong', async () => {
    const e = await refusal(t.call('accounts.login', { username: 'admin', password: 'nope' }));
    expect(e).toMatchObject({ code: 'UNAUTHENTICATED', message: 'accounts.login.failed' });
    const e2 = await refusal(t.call('accounts.login', { username: 'ghost', password: 'nope' }));
    expect(e2.message).toBe('accounts.login.failed');
  });

  it('a new user must change the initial password before doing anything else', async () => {
    await t.call('accounts.saveUser', { username: 'wang', displayName: '王芳', role: 'clerk', active: true, initialPassword: 'Start1234' }, t.adminToken);
    const { token, user } = await t.call('accounts.login', { username: 'wang', password: 'Start1234' });
    expect(user.mustChangePassword).toBe(true);
    const blocked = await refusal(t.call('vegetation.list', { startRow: 0, endRow: 10 }, token));
    expect(blocked.message).toBe('accounts.password.mustChange');
    await t.call('accounts.changePassword', { currentPassword: 'Start1234', newPassword: 'Better5678' }, token);
    await expect(t.call('vegetation.list', { startRow: 0, endRow: 10 }, token)).resolves.toMatchObject({ rowCount: 0 });
  });

  it('logout ends the session', async () => {
    const { token } = await t.call('accounts.login', { username: 'admin', password: ADMIN_PASSWORD });
    await t.call('accounts.logout', {}, token);
    expect((await refusal(t.call('accounts.me', {}, token))).code).toBe('UNAUTHENTICATED');
  });

  it('the last admin cannot be demoted', async () => {
    const me = await t.call('accounts.me', {}, t.adminToken);
    const users = await t.call('accounts.listUsers', { startRow: 0, endRow: 10 }, t.adminToken);
    const admin = users.rows.find((u) => u.id === me.id)!;
    const e = await refusal(t.call('accounts.saveUser', { id: admin.id, version: admin.version, username: 'admin', displayName: 'x', role: 'clerk', active: true }, t.adminToken));
    expect(e).toMatchObject({ code: 'RULE', message: 'accounts.lastAdmin' });
  });

  it('every write leaves an audit row naming who did it', async () => {
    const clerk = await t.signIn('clerk', 'liu');
    const line = await t.call('lines.save', { name: '10kV 测试线', voltage: '10', conductor: 'bare', areaType: 'rural' }, t.adminToken);
    await t.call('vegetation.save', { lineId: line.id, towerRange: '3', species: '毛竹', treeCount: 2, verticalDistance: 3, action: 'fell' }, clerk);
    const log = await t.call('audit.list', { startRow: 0, endRow: 5, entity: 'vegetation' }, t.adminToken);
    expect(log.rows[0]).toMatchObject({ username: 'liu', method: 'vegetation.save', summary: 'created' });
    expect(log.rows[0]!.after).toMatchObject({ species: '毛竹' });
  });
});

describe('failed sign-ins', () => {
  it('lock the user name after five failures, even for the right password, and release after a minute', async () => {
    let now = new Date('2026-06-01T08:00:00Z');
    const c = await openTestCore({ clock: () => now });
    try {
      await c.signIn('clerk', 'zhao');
      for (let i = 0; i < 5; i++) await expect(c.call('accounts.login', { username: 'zhao', password: `wrong${i}` })).rejects.toMatchObject({ message: 'accounts.login.failed' });
      await expect(c.call('accounts.login', { username: 'zhao', password: 'Better5678' })).rejects.toMatchObject({ message: 'accounts.login.locked', params: { seconds: 60 } });
      now = new Date(now.getTime() + 61_000);
      await expect(c.call('accounts.login', { username: 'zhao', password: 'Better5678' })).resolves.toMatchObject({ user: { username: 'zhao' } });
    } finally {
      await c.close();
    }
  });
});
