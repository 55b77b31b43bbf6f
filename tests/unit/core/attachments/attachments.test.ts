import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createCore } from '../../../../electron/core';
import { openTestCore, type TestCore, ADMIN_PASSWORD } from '../../helpers/core';
import { onPostgres } from '../../helpers/postgres';
import { uploadFile } from '../../helpers/files';

// A 1×1 PNG and a minimal PDF: real headers, so the type check has something to check.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

let t: TestCore;
let recordId: number;
beforeEach(async () => {
  t = await openTestCore();
  const { id: lineId } = await t.call(
    'lines.save',
    { name: '10kV 附件线', voltage: '10', conductor: 'bare', areaType: 'rural' },
    t.adminToken,
  );
  recordId = (
    await t.call(
      'vegetation.save',
      { lineId, towerRange: '#1', species: '杨树', treeCount: 1, verticalDistance: 3, action: 'trim' },
      t.adminToken,
    )
  ).record.id;
});
afterEach(() => t.close());

async function attach(bytes: Buffer, name: string, token = t.adminToken, thumbnail?: string) {
  const fileId = await uploadFile(t, bytes, name, token);
  return t.call('attachments.add', { entity: 'vegetation', entityId: recordId, fileId, thumbnail }, token);
}

async function readAll(id: number) {
  const parts: Buffer[] = [];
  let offset: number | null = 0;
  while (offset !== null) {
    const r: { data: string; nextOffset: number | null } = await t.call(
      'attachments.read',
      { id, offset },
      t.adminToken,
    );
    parts.push(Buffer.from(r.data, 'base64'));
    offset = r.nextOffset;
  }
  return Buffer.concat(parts);
}

describe('attachments', () => {
  test('a photo with its thumbnail and a signed agreement are listed on the record and read back byte for byte', async () => {
    const photo = await attach(PNG, '修剪前.png', t.adminToken, PNG.toString('base64'));
    expect(photo).toMatchObject({ fileName: '修剪前.png', mime: 'image/png', size: PNG.length });
    expect(photo.thumbnail).toMatch(/^data:image\/png;base64,/);
    const big = Buffer.concat([PDF, Buffer.alloc(2.5 * 1024 * 1024, 7)]); // several read chunks
    const agreement = await attach(big, '补偿协议.pdf');
    const { rows } = await t.call('attachments.list', { entity: 'vegetation', entityId: recordId }, t.adminToken);
    expect(rows.map((r) => r.fileName)).toEqual(['修剪前.png', '补偿协议.pdf']);
    expect((await readAll(agreement.id)).equals(big)).toBe(true);
  });

  test('the type is checked from the bytes: a program renamed .jpg, or a PDF named .png, is refused', async () => {
    await expect(attach(Buffer.from('MZ\x90\x00 this is a program'), '照片.jpg')).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'attachments.badType',
    });
    await expect(attach(PDF, '照片.png')).rejects.toMatchObject({ message: 'attachments.badType' });
    await expect(attach(PDF, 'run.exe')).rejects.toMatchObject({ message: 'attachments.badType' });
  });

  test('the size limit is the setting', async () => {
    await t.call('settings.update', { key: 'attachments.maxMb', value: 1 }, t.adminToken);
    await expect(attach(Buffer.concat([PDF, Buffer.alloc(1024 * 1024)]), '大文件.pdf')).rejects.toMatchObject({
      message: 'attachments.tooLarge',
      params: { mb: 1 },
    });
  });

  test('deleting goes to the recycle bin; restoring brings it back; a manager may look but not attach', async () => {
    const a = await attach(PDF, '报告.pdf');
    await t.call('attachments.delete', { ids: [a.id] }, t.adminToken);
    expect((await t.call('attachments.list', { entity: 'vegetation', entityId: recordId }, t.adminToken)).rows).toEqual(
      [],
    );
    await t.call('recycle.restore', { entity: 'attachments', id: a.id }, t.adminToken);
    expect(
      (await t.call('attachments.list', { entity: 'vegetation', entityId: recordId }, t.adminToken)).rows,
    ).toHaveLength(1);
    const manager = await t.signIn('manager');
    expect((await t.call('attachments.list', { entity: 'vegetation', entityId: recordId }, manager)).rows).toHaveLength(
      1,
    );
    await expect(attach(PDF, '报告2.pdf', manager)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  // The app's own file backups are SQLite's; an office server's are pg_dump's.
  test.skipIf(onPostgres)('attachments are inside the database, so a backup restored elsewhere has them', async () => {
    const a = await attach(PNG, '修剪后.png');
    const backup = await t.call('backup.create', {}, t.adminToken);
    const list = await t.call('backup.list', {}, t.adminToken);
    const copy = path.join(t.dir, 'elsewhere.sqlite');
    copyFileSync(path.join(list.folder, backup.name), copy);
    const other = await createCore({ file: copy });
    try {
      const { token } = (await other.dispatch(
        'accounts.login',
        { username: 'admin', password: ADMIN_PASSWORD },
        {},
      )) as { token: string };
      const r = (await other.dispatch('attachments.read', { id: a.id, offset: 0 }, { token })) as { data: string };
      expect(Buffer.from(r.data, 'base64').equals(PNG)).toBe(true);
    } finally {
      await other.close();
    }
  });
});
