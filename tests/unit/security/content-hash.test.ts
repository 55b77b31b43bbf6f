import { afterAll, beforeAll, expect, it } from 'vitest';
import { contentHash } from '../helpers/db-hash';
import { openTestCore, type TestCore } from '../helpers/core';

// The fuzz and the roles matrix rest on this hash to say "a refusal wrote nothing": it must see every
// commit, including one that the hash's own shortcut (nothing committed since) would otherwise skip.
let t: TestCore;
beforeAll(async () => {
  t = await openTestCore();
});
afterAll(() => t.close());

it('changes when the core commits, and is the same when the content is the same again', async () => {
  const first = await contentHash(t);
  expect(await contentHash(t)).toBe(first);
  await t.call('settings.update', { key: 'files.stagedMaxMb', value: 10 }, t.adminToken);
  const changed = await contentHash(t);
  expect(changed).not.toBe(first);
  // A write that leaves every row as it was: the shortcut is not taken, the rows are read again.
  await t.sql("update settings set value_json = value_json where key = 'files.stagedMaxMb'");
  expect(await contentHash(t)).toBe(changed);
});

it('sees a change made by another program on the file', async () => {
  const before = await contentHash(t);
  await t.sql("update users set display_name = 'changed elsewhere' where username = 'admin'");
  expect(await contentHash(t)).not.toBe(before);
});

it('leaves out the tables it is told to, and hashes them again when asked for all', async () => {
  const all = await contentHash(t);
  const withoutAudit = await contentHash(t, ['audit_log']);
  expect(withoutAudit).not.toBe(all);
  expect(await contentHash(t)).toBe(all);
});
