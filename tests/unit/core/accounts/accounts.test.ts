import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../../electron/contract';
import { createCore } from '../../../../electron/core';
import { PasswordHasher } from '../../../../electron/core/accounts/password';
import { ADMIN_PASSWORD, openTestCore, TEST_SCRYPT, type TestCore } from '../../helpers/core';

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
    expect(await t.call('accounts.setupStatus', {})).toEqual({ needsSetup: false, needsCode: false });
    const again = await refusal(t.call('accounts.setup', { password: 'Another123' }));
    expect(again.code).toBe('RULE');
    const ok = await t.call('accounts.login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(ok.user.role).toBe('admin');
  });

  it('stores passwords as scrypt hashes, never in clear', async () => {
    const [row] = await t.sql<{ password_hash: string }>('select password_hash from users where username = ?', [
      'admin',
    ]);
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
    await t.call(
      'accounts.saveUser',
      { username: 'wang', displayName: '王芳', role: 'clerk', active: true, initialPassword: 'Start1234' },
      t.adminToken,
    );
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
    const e = await refusal(
      t.call(
        'accounts.saveUser',
        { id: admin.id, version: admin.version, username: 'admin', displayName: 'x', role: 'clerk', active: true },
        t.adminToken,
      ),
    );
    expect(e).toMatchObject({ code: 'RULE', message: 'accounts.lastAdmin' });
  });

  it('every write leaves an audit row naming who did it', async () => {
    const clerk = await t.signIn('clerk', 'liu');
    const line = await t.call(
      'lines.save',
      { name: '10kV 测试线', voltage: '10', conductor: 'bare', areaType: 'rural' },
      t.adminToken,
    );
    await t.call(
      'vegetation.save',
      { lineId: line.id, towerRange: '3', species: '毛竹', treeCount: 2, verticalDistance: 3, action: 'fell' },
      clerk,
    );
    const log = await t.call('audit.list', { startRow: 0, endRow: 5, entity: 'vegetation' }, t.adminToken);
    expect(log.rows[0]).toMatchObject({ username: 'liu', method: 'vegetation.save', summary: 'created' });
    expect(log.rows[0]!.after).toMatchObject({ species: '毛竹' });
  });
});

const clerkWith = async (c: TestCore, username: string) => {
  await c.signIn('clerk', username);
};

describe('failed sign-ins', () => {
  const login = (c: TestCore, username: string, password: string, client: string) =>
    c.core.dispatch('accounts.login', { username, password }, { client }).then(
      () => 'ok',
      (e: ApiError) => `${e.message}${e.params?.seconds ? ` ${e.params.seconds}s` : ''}`,
    );

  it('lock one name on one address after five failures (the fifth says so), doubling to 15 minutes; another PC is not locked out', async () => {
    let now = new Date('2026-06-01T08:00:00Z');
    const c = await openTestCore({ clock: () => now });
    try {
      await clerkWith(c, 'zhao');
      const here = '192.168.1.31';
      const tries = [];
      for (let i = 0; i < 5; i++) tries.push(await login(c, 'zhao', `wrong${i}`, here));
      expect(tries).toEqual([
        'accounts.login.failed',
        'accounts.login.failed',
        'accounts.login.failed',
        'accounts.login.failed',
        'accounts.login.locked 60s',
      ]);
      // The right password from this PC waits; from another PC it works at once.
      expect(await login(c, 'zhao', 'Better5678', here)).toBe('accounts.login.locked 60s');
      expect(await login(c, 'zhao', 'Better5678', '192.168.1.77')).toBe('ok');
      // One more failure after the lock ends doubles it: 2, 4, 8, then 15 minutes at most.
      const locks = [];
      for (let i = 0; i < 4; i++) {
        now = new Date(now.getTime() + 16 * 60_000);
        locks.push(await login(c, 'zhao', 'still wrong', here));
      }
      expect(locks).toEqual([
        'accounts.login.locked 120s',
        'accounts.login.locked 240s',
        'accounts.login.locked 480s',
        'accounts.login.locked 900s',
      ]);
      now = new Date(now.getTime() + 15 * 60_000 + 1000);
      expect(await login(c, 'zhao', 'Better5678', here)).toBe('ok');
      // A success starts the count again.
      expect(await login(c, 'zhao', 'wrong', here)).toBe('accounts.login.failed');
    } finally {
      await c.close();
    }
  });

  it('lock an address that guesses across many names (20 in 10 minutes), and only that address', async () => {
    const now = new Date('2026-06-01T08:00:00Z');
    const c = await openTestCore({ clock: () => now });
    try {
      await clerkWith(c, 'qian');
      const guesser = '10.0.0.66';
      const answers = [];
      for (let i = 0; i < 20; i++) answers.push(await login(c, `user${i}`, 'Password1', guesser));
      expect(answers.slice(0, 19).every((a) => a === 'accounts.login.failed')).toBe(true);
      expect(answers[19]).toBe('accounts.login.addressLocked 900s');
      expect(await login(c, 'qian', 'Better5678', guesser)).toBe('accounts.login.addressLocked 900s');
      expect(await login(c, 'qian', 'Better5678', '10.0.0.67')).toBe('ok');
    } finally {
      await c.close();
    }
  });

  it('counts survive a restart: another core on the same database still refuses the locked name', async () => {
    const now = new Date('2026-06-01T08:00:00Z');
    const c = await openTestCore({ clock: () => now });
    try {
      await clerkWith(c, 'sun');
      for (let i = 0; i < 5; i++) await login(c, 'sun', 'nope', '192.168.1.5');
      const restarted = await createCore({
        file: c.core.file,
        clock: () => now,
        passwords: new PasswordHasher(TEST_SCRYPT),
        ...(c.postgres ? { postgres: { connectionString: c.postgres, max: 2 } } : {}),
      });
      try {
        const answer = await restarted
          .dispatch('accounts.login', { username: 'sun', password: 'Better5678' }, { client: '192.168.1.5' })
          .catch((e: ApiError) => e.message);
        expect(answer).toBe('accounts.login.locked');
      } finally {
        await restarted.close();
      }
    } finally {
      await c.close();
    }
  });

  it('a lockout is in the audit log; an admin sees the locks and clears one', async () => {
    const now = new Date('2026-06-01T08:00:00Z');
    const c = await openTestCore({ clock: () => now });
    try {
      await clerkWith(c, 'li');
      for (let i = 0; i < 5; i++) await login(c, 'li', 'nope', '192.168.1.9');
      const log = await c.call('audit.list', { startRow: 0, endRow: 10, entity: 'users' }, c.adminToken);
      expect(log.rows.find((r) => r.summary === 'sign-in locked')).toMatchObject({
        method: 'accounts.login',
        after: { username: 'li', address: '192.168.1.9', failures: 5 },
      });
      // A plain failure leaves no audit row of its own.
      expect(
        log.rows.filter(
          (r) => r.method === 'accounts.login' && r.summary !== 'sign-in locked' && r.summary !== 'login',
        ),
      ).toEqual([]);
      const { rows } = await c.call('accounts.signInLocks', {}, c.adminToken);
      expect(rows).toEqual([
        expect.objectContaining({
          scope: 'pair',
          username: 'li',
          address: '192.168.1.9',
          failures: 5,
          lockedUntil: '2026-06-01T08:01:00.000Z',
        }),
      ]);
      await c.call('accounts.clearSignInLock', { key: rows[0]!.key }, c.adminToken);
      expect(await login(c, 'li', 'Better5678', '192.168.1.9')).toBe('ok');
      expect((await c.call('accounts.signInLocks', {}, c.adminToken)).rows).toEqual([]);
      const cleared = await c.call('audit.list', { startRow: 0, endRow: 5, entity: 'users' }, c.adminToken);
      expect(cleared.rows.map((r) => r.summary)).toContain('sign-in lock cleared');
    } finally {
      await c.close();
    }
  });

  it('20 concurrent wrong passwords for one name from one address check at most 5 passwords', async () => {
    let checks = 0;
    class Counting extends PasswordHasher {
      override async verify(password: string, stored: string | null) {
        checks++;
        return super.verify(password, stored);
      }
    }
    const c = await openTestCore({ passwords: new Counting(TEST_SCRYPT) });
    try {
      await clerkWith(c, 'zhou');
      checks = 0;
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) => login(c, 'zhou', `guess${i}`, '10.1.1.1')),
      );
      expect(checks).toBeLessThanOrEqual(5);
      expect(
        answers.filter((a) => a === 'accounts.login.failed').length +
          answers.filter((a) => a.startsWith('accounts.login.locked')).length,
      ).toBe(20);
      const [row] = await c.sql<{ failures: number }>('select failures from sign_in_failures where key = ?', [
        'pair:zhou|10.1.1.1',
      ]);
      expect(Number(row!.failures)).toBe(5);
    } finally {
      await c.close();
    }
  });

  it('an unknown user name takes as long to refuse as a known one (it is checked against a stand-in hash)', async () => {
    const c = await openTestCore({ passwords: new PasswordHasher({ N: 2 ** 14, r: 8, p: 1 }) });
    try {
      await clerkWith(c, 'wu');
      const time = async (username: string, i: number) => {
        const t0 = performance.now();
        await login(c, username, `wrong${i}`, `10.2.0.${i}`);
        return performance.now() - t0;
      };
      const known: number[] = [];
      const unknown: number[] = [];
      for (let i = 0; i < 8; i++) {
        known.push(await time('wu', i));
        unknown.push(await time('nobody-here', i + 100));
      }
      const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      expect(median(unknown) / median(known)).toBeGreaterThan(0.6);
    } finally {
      await c.close();
    }
  });
});

describe('password hashing', () => {
  it('uses OWASP’s scrypt parameters (N = 2^17, r = 8, p = 1) unless told otherwise', async () => {
    const stored = await new PasswordHasher().hash('Admin2026');
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(await new PasswordHasher().verify('Admin2026', stored)).toBe(true);
  });

  it('rehashes a password stored with weaker parameters at its next successful sign-in', async () => {
    const c = await openTestCore();
    try {
      await clerkWith(c, 'feng');
      const [before] = await c.sql<{ password_hash: string }>('select password_hash from users where username = ?', [
        'feng',
      ]);
      expect(before!.password_hash).toMatch(/^scrypt\$1024\$/);
      const stronger = await createCore({
        file: c.core.file,
        passwords: new PasswordHasher({ N: 2048, r: 8, p: 1 }),
        ...(c.postgres ? { postgres: { connectionString: c.postgres, max: 2 } } : {}),
      });
      try {
        await expect(
          stronger.dispatch('accounts.login', { username: 'feng', password: 'wrong1234' }, {}),
        ).rejects.toMatchObject({ message: 'accounts.login.failed' });
        const [unchanged] = await c.sql<{ password_hash: string }>(
          'select password_hash from users where username = ?',
          ['feng'],
        );
        expect(unchanged!.password_hash).toBe(before!.password_hash);
        await stronger.dispatch('accounts.login', { username: 'feng', password: 'Better5678' }, {});
        const [after] = await c.sql<{ password_hash: string }>('select password_hash from users where username = ?', [
          'feng',
        ]);
        expect(after!.password_hash).toMatch(/^scrypt\$2048\$8\$1\$/);
        await expect(
          stronger.dispatch('accounts.login', { username: 'feng', password: 'Better5678' }, {}),
        ).resolves.toMatchObject({ user: { username: 'feng' } });
      } finally {
        await stronger.close();
      }
    } finally {
      await c.close();
    }
  });
});

describe('the office server’s first run', () => {
  it('takes the first admin password over the network only with the one-time code, and the code is used up', async () => {
    let used = 0;
    const c = await openTestCore({ setUp: false, firstRunCode: { code: '7KQM-4XZT-9RHB', used: () => used++ } });
    try {
      expect(await c.call('accounts.setupStatus', {})).toEqual({ needsSetup: true, needsCode: true });
      const missing = await refusal(
        c.core.dispatch('accounts.setup', { password: 'Takeover123' }, { client: '10.9.9.9' }),
      );
      expect(missing).toMatchObject({
        code: 'VALIDATION',
        issues: [{ path: ['setupCode'], message: 'validation.required' }],
      });
      const wrong = await refusal(
        c.core.dispatch(
          'accounts.setup',
          { password: 'Takeover123', setupCode: '7KQM-4XZT-9RHC' },
          { client: '10.9.9.9' },
        ),
      );
      expect(wrong).toMatchObject({
        code: 'VALIDATION',
        issues: [{ path: ['setupCode'], message: 'accounts.setup.codeWrong' }],
      });
      expect(used).toBe(0);
      // Typed in lower case without dashes, as people do.
      const ok = (await c.core.dispatch(
        'accounts.setup',
        { password: 'Admin2026', setupCode: '7kqm 4xzt 9rhb' },
        { client: '10.0.0.2' },
      )) as { user: { role: string } };
      expect(ok.user.role).toBe('admin');
      expect(used).toBe(1);
      expect(await c.call('accounts.setupStatus', {})).toEqual({ needsSetup: false, needsCode: false });
    } finally {
      await c.close();
    }
  });

  it('guesses at the code lock the guessing address like failed sign-ins', async () => {
    const c = await openTestCore({ setUp: false, firstRunCode: { code: 'ABCD-EFGH-JKLM', used: () => undefined } });
    try {
      const answers = [];
      for (let i = 0; i < 6; i++)
        answers.push(
          await c.core
            .dispatch('accounts.setup', { password: 'Takeover123', setupCode: `GUESS-${i}` }, { client: '10.9.9.9' })
            .catch((e: ApiError) => e.message),
        );
      expect(answers.slice(0, 4)).toEqual(Array(4).fill('accounts.setup.codeWrong'));
      expect(answers.slice(4)).toEqual(['accounts.login.locked', 'accounts.login.locked']);
      // The server's own operator, elsewhere, is not held up.
      await expect(
        c.core.dispatch(
          'accounts.setup',
          { password: 'Admin2026', setupCode: 'ABCD-EFGH-JKLM' },
          { client: '10.0.0.2' },
        ),
      ).resolves.toMatchObject({ user: { role: 'admin' } });
    } finally {
      await c.close();
    }
  });
});
