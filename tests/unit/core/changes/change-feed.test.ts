import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeFeed } from '../../../../electron/core/changes/change-feed';
import { openTestCore, type TestCore } from '../../helpers/core';

describe('what other people saved', () => {
  let t: TestCore;
  let now = new Date('2026-11-28T08:00:00Z');
  beforeAll(async () => {
    t = await openTestCore({ clock: () => now });
  });
  afterAll(() => t.close());

  it('a manager is told of the clerk’s save (kind of record and who), the clerk is not told of her own', async () => {
    const clerk = await t.signIn('clerk', 'feed-clerk');
    const manager = await t.signIn('manager', 'feed-manager');
    const start = (await t.call('changes.since', { version: 0 }, manager)).version;
    const line = await t.call(
      'lines.save',
      { name: '10kV 变更线', voltage: '10', conductor: 'bare', areaType: 'rural' },
      t.adminToken,
    );
    await t.call(
      'vegetation.save',
      { lineId: line.id, towerRange: '#3', species: '杨树', treeCount: 1, verticalDistance: 2, action: 'trim' },
      clerk,
    );

    const seen = await t.call('changes.since', { version: start }, manager);
    expect(seen.reset).toBe(false);
    expect(seen.changes.map((c) => [c.entities, c.by])).toEqual([
      [['lines'], 'admin'],
      [['vegetation'], 'feed-clerk'],
    ]);
    const own = await t.call('changes.since', { version: start }, clerk);
    expect(own.changes.map((c) => c.by)).toEqual(['admin']);
    // Reads and refused writes are not changes.
    await t.call('vegetation.list', { startRow: 0, endRow: 10 }, clerk);
    await expect(
      t.call(
        'vegetation.save',
        { lineId: line.id, towerRange: 'x', species: '杨树', treeCount: 1, action: 'trim' },
        clerk,
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    expect((await t.call('changes.since', { version: seen.version }, manager)).changes).toEqual([]);
  });

  it('asking for changes does not keep an idle session alive', async () => {
    const token = await t.signIn('planner', 'feed-idle');
    const expiry = async () =>
      (
        await t.sql<{ e: string }>(
          "select s.expires_at as e from sessions s join users u on u.id = s.user_id where u.username = 'feed-idle'",
        )
      )[0]!.e;
    const before = await expiry();
    now = new Date(now.getTime() + 2 * 3600_000);
    await t.call('changes.since', { version: 0 }, token);
    expect(await expiry()).toBe(before);
    await t.call('accounts.me', {}, token); // real use slides it
    expect((await expiry()) > before).toBe(true);
  });
});

describe('ChangeFeed', () => {
  it('tells a client that fell too far behind to re-read everything', () => {
    const feed = new ChangeFeed();
    for (let i = 0; i < 1200; i++) feed.record(['vegetation'], 'clerk', new Date(), null);
    expect(feed.since(10, null)).toMatchObject({ version: 1200, reset: true, changes: [] });
    expect(feed.since(1195, null).changes).toHaveLength(5);
    expect(feed.since(5000, null).reset).toBe(true); // the server restarted
  });
});
