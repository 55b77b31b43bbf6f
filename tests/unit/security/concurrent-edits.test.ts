import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError, contract, type MethodName } from '../../../electron/contract';
import { openTestCore, type TestCore } from '../helpers/core';

// Two people open the same record; both save. For every save method in the contract that carries a
// version: the second save is a conflict that shows the first person's version, and nothing is lost.
let t: TestCore;
let other: string;
let firstName: string;
beforeAll(async () => {
  t = await openTestCore({ demoRecords: 20 });
  other = await t.signIn('admin', 'second-admin');
  firstName = ((await t.call('accounts.me', {}, t.adminToken)) as { displayName: string }).displayName;
});
afterAll(() => t.close());

/** Records that can be edited at all: an upgrade request only while it is a draft. */
const EDITABLE: Partial<Record<string, object>> = { 'upgrades.save': { statuses: ['draft'] } };
const listFor = (save: string): MethodName =>
  save === 'accounts.saveUser' ? 'accounts.listUsers' : (save.replace(/\.save$/, '.list') as MethodName);
const saves = (Object.keys(contract) as MethodName[]).filter((m) => {
  const input = contract[m].input;
  return /\.save(User)?$/.test(m) && input instanceof z.ZodObject && 'version' in input.shape;
});

describe.each(saves)('%s', (save) => {
  it('the second of two saves from the same version is a conflict showing the first', async () => {
    const page = (await t.core.dispatch(
      listFor(save),
      { startRow: 0, endRow: 1, ...EDITABLE[save] },
      { token: t.adminToken },
    )) as { rows: Record<string, unknown>[] };
    const row = page.rows[0]!;
    expect(row, `no ${save} row in the demo data`).toBeDefined();
    const first = { ...row, notes: 'first person', displayName: row.displayName ?? undefined };
    await t.core.dispatch(save, first, { token: t.adminToken });
    try {
      await t.core.dispatch(save, { ...row, notes: 'second person' }, { token: other });
      expect.fail('second save went through');
    } catch (e) {
      expect(e).toBeInstanceOf(ApiError);
      expect((e as ApiError).code).toBe('CONFLICT');
      expect((e as ApiError).current).toMatchObject({ id: row.id, version: (row.version as number) + 1 });
      // …and says who saved first, and when (the form names them).
      expect((e as ApiError).params).toMatchObject({ by: firstName, at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    }
  });
});

it('covers every versioned save method', () => {
  expect(saves).toEqual(
    expect.arrayContaining([
      'vegetation.save',
      'lines.save',
      'townships.save',
      'villages.save',
      'teams.save',
      'accounts.saveUser',
    ]),
  );
});
