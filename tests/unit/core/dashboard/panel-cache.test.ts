import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RECYCLABLE, type MethodName } from '../../../../electron/contract';
import { createCore } from '../../../../electron/core';
import { PasswordHasher } from '../../../../electron/core/accounts/password';
import { ChangeFeed } from '../../../../electron/core/changes/change-feed';
import { PanelCache } from '../../../../electron/core/dashboard/panel-cache';
import { openTestCore, TEST_SCRYPT, type TestCore } from '../../helpers/core';

// 首页 from what changed (issue 25): each source's answer is kept until a write touches what it reads.

describe('the panel cache', () => {
  const setUp = () => {
    const feed = new ChangeFeed();
    let elsewhere = false;
    const cache = new PanelCache(feed, new Set(['vegetation', 'settings', 'staff', 'lines']), () => elsewhere);
    let computed = 0;
    const get = (today = '2026-12-08') =>
      cache.get('vegetation', ['vegetation', 'settings'], today, async () => ++computed);
    return {
      feed,
      cache,
      get,
      computed: () => computed,
      commitElsewhere: () => (elsewhere = true),
      settle: () => (elsewhere = false),
    };
  };

  test('answers from what it kept until a write touches a kind the source reads', async () => {
    const { feed, get, computed } = setUp();
    expect([await get(), await get()]).toEqual([1, 1]);
    feed.record(['staff'], 'clerk', new Date(), null);
    expect(await get()).toBe(1);
    feed.record(['vegetation'], 'clerk', new Date(), null);
    expect(await get()).toBe(2);
    feed.record(['settings', 'lines'], 'admin', new Date(), null);
    expect(await get()).toBe(3);
    expect(computed()).toBe(3);
    // A kind no source declared (a new module, the demo county) may be anything.
    feed.record(['demo'], 'admin', new Date(), null);
    expect(await get()).toBe(4);
  });

  test('computes again when the day turns, after clear, and when another connection committed', async () => {
    const { cache, get, commitElsewhere, settle } = setUp();
    expect(await get()).toBe(1);
    expect(await get('2026-12-09')).toBe(2);
    cache.clear();
    expect(await get('2026-12-09')).toBe(3);
    commitElsewhere();
    expect(await get('2026-12-09')).toBe(4);
    settle();
    expect(await get('2026-12-09')).toBe(4);
  });

  test('a write while it computes is not hidden: the next call computes again', async () => {
    const feed = new ChangeFeed();
    const cache = new PanelCache(feed, new Set(['vegetation']));
    let n = 0;
    const slow = () =>
      cache.get('x', ['vegetation'], '2026-12-08', async () => {
        n++;
        feed.record(['vegetation'], 'clerk', new Date(), null); // lands mid-computation
        return n;
      });
    expect(await slow()).toBe(1);
    expect(await slow()).toBe(2);
  });

  test('desks asking while it is computed wait for the same answer; a failed one is not kept', async () => {
    const feed = new ChangeFeed();
    const cache = new PanelCache(feed, new Set(['vegetation']));
    let n = 0;
    const compute = async () => {
      const mine = ++n;
      await new Promise((r) => setTimeout(r, 20));
      if (mine === 1) throw new Error('transaction rolled back');
      return mine;
    };
    const get = () => cache.get('x', ['vegetation'], '2026-12-08', compute);
    const [a, b] = await Promise.allSettled([get(), get()]);
    // The second desk waited for the first, saw it fail, and computed its own.
    expect(a).toMatchObject({ status: 'rejected' });
    expect(b).toMatchObject({ status: 'fulfilled', value: 2 });
    expect(await Promise.all([get(), get(), get()])).toEqual([2, 2, 2]);
    expect(n).toBe(2);
  });

  test('a feed that has moved past what it keeps counts as touched', () => {
    const feed = new ChangeFeed();
    feed.record(['staff'], null, new Date(), null);
    const v = feed.current;
    for (let i = 0; i < 1100; i++) feed.record(['staff'], null, new Date(), null);
    expect(feed.touchedSince(v, (k) => k === 'vegetation')).toBe(true);
    expect(feed.touchedSince(feed.current, (k) => k === 'staff')).toBe(false);
  });
});

describe('the first screen on a demo county, kept between writes', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await openTestCore({ demoRecords: 400 });
  });
  afterAll(() => t.close());

  const screen = async (call: (m: MethodName, i: unknown) => Promise<unknown>) => ({
    panels: await call('dashboard.panels', {}),
    reminders: await call('reminders.list', {}),
  });
  const kept = () => screen((m, i) => t.core.dispatch(m, i, { token: t.adminToken }));
  /** The same from a core that has kept nothing: a second core opened on the same ledgers. */
  const fresh = async () => {
    const other = await createCore({
      file: t.core.file,
      passwords: new PasswordHasher(TEST_SCRYPT),
      ...(t.postgres ? { postgres: { connectionString: t.postgres, max: 2 } } : {}),
    });
    try {
      return await screen((m, i) => other.dispatch(m, i, { token: t.adminToken }));
    } finally {
      await other.close();
    }
  };
  /** Warm the cache, write, then what this core shows must be what a fresh core computes. */
  const afterWrite = async (what: string, write: () => Promise<unknown>) => {
    await kept();
    await write();
    await t.core.settled();
    expect(await kept(), what).toEqual(await fresh());
  };

  test('deleting a record of any kind and restoring it shows on the first screen at once', async () => {
    let deleted = 0;
    for (const kind of RECYCLABLE.filter((k) => k !== 'attachments')) {
      const page = (await t.call(`${kind}.list` as MethodName, { startRow: 0, endRow: 1 } as never, t.adminToken)) as {
        rows: { id: number }[];
      };
      const row = page.rows[0];
      if (!row) continue;
      let refused = false;
      await afterWrite(`${kind} deleted`, () =>
        t.call(`${kind}.delete` as MethodName, { ids: [row.id] } as never, t.adminToken).catch(() => (refused = true)),
      );
      if (refused) continue;
      deleted++;
      await afterWrite(`${kind} restored`, () => t.call('recycle.restore', { entity: kind, id: row.id }, t.adminToken));
    }
    // The demo county has records of nearly every kind; the references in use are refused and skipped.
    expect(deleted).toBeGreaterThanOrEqual(12);
  });

  test('a new emergency hazard, a changed threshold and an approval show at once', async () => {
    const { lines } = await t.call('reference.options', {}, t.adminToken);
    await afterWrite('hazard saved', () =>
      t.call(
        'vegetation.save',
        {
          lineId: lines[0]!.id,
          towerRange: '#3',
          species: '杨树',
          treeCount: 2,
          verticalDistance: 0.4,
          action: 'trim',
        },
        t.adminToken,
      ),
    );
    await afterWrite('threshold changed', () =>
      t.call('settings.update', { key: 'vegetation.dueSoonDays', value: 60 }, t.adminToken),
    );
    const { rows } = await t.call('upgrades.list', { startRow: 0, endRow: 50, statuses: ['submitted'] }, t.adminToken);
    if (rows[0])
      await afterWrite('request approved', () =>
        t.call('upgrades.transition', { ids: [rows[0]!.id], action: 'approve' }, t.adminToken),
      );
  });
});
