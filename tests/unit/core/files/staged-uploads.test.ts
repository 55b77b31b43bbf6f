import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, openTestCore, type TestCore } from '../../helpers/core';
import { uploadFile } from '../../helpers/files';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
});
afterEach(() => t.close());

const MB = 1024 * 1024;
const bytes = (mb: number) => Buffer.alloc(mb * MB, 7);

describe('staged uploads', () => {
  it('are limited per session (files.stagedMaxMb): past it the upload is refused with the limit, another session is not held up', async () => {
    await t.call('settings.update', { key: 'files.stagedMaxMb', value: 10 }, t.adminToken);
    await uploadFile(t, bytes(6), 'a.xlsx', t.adminToken);
    const refused = await uploadFile(t, bytes(6), 'b.xlsx', t.adminToken).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'VALIDATION', message: 'files.quota', params: { mb: 10 } });
    // The refused upload's part is dropped: a small one still fits in what is left.
    await expect(uploadFile(t, bytes(3), 'c.xlsx', t.adminToken)).resolves.toMatch(/^[a-f0-9]{32}$/);
    const other = (await t.call('accounts.login', { username: 'admin', password: ADMIN_PASSWORD })).token;
    await expect(uploadFile(t, bytes(6), 'd.xlsx', other)).resolves.toMatch(/^[a-f0-9]{32}$/);
  });

  it('go with the session that staged them when it signs out', async () => {
    const line = await t.call(
      'lines.save',
      { name: '10kV 测试线', voltage: '10', conductor: 'bare', areaType: 'rural' },
      t.adminToken,
    );
    const { record } = await t.call(
      'vegetation.save',
      { lineId: line.id, towerRange: '3', species: '毛竹', treeCount: 2, verticalDistance: 3, action: 'fell' },
      t.adminToken,
    );
    const leaving = (await t.call('accounts.login', { username: 'admin', password: ADMIN_PASSWORD })).token;
    const staged = await uploadFile(t, Buffer.from('%PDF-1.4 test'), '协议.pdf', leaving);
    await t.call('accounts.logout', {}, leaving);
    const gone = await t
      .call('attachments.add', { entity: 'vegetation', entityId: record.id, fileId: staged }, t.adminToken)
      .catch((e: unknown) => e);
    expect(gone).toMatchObject({ code: 'NOT_FOUND', message: 'files.missing' });
  });
});
