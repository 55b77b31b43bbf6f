import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../../electron/core';
import { migrations } from '../../../../electron/core/db/migrations';

describe('database file', () => {
  it('reopens an existing file without re-running migrations or losing data', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'griddesk-migrate-'));
    const file = path.join(dir, 'g.sqlite');
    try {
      const first = await createCore({ file });
      const { token } = (await first.dispatch('accounts.setup', { password: 'Admin2026' }, {})) as { token: string };
      await first.dispatch('townships.save', { name: '城关镇' }, { token });
      await first.close();

      const second = await createCore({ file });
      const again = (await second.dispatch('accounts.login', { username: 'admin', password: 'Admin2026' }, {})) as {
        token: string;
      };
      const page = (await second.dispatch('townships.list', { startRow: 0, endRow: 10 }, { token: again.token })) as {
        rows: { name: string }[];
      };
      expect(page.rows.map((r) => r.name)).toEqual(['城关镇']);
      await second.close();

      const db = new Database(file, { readonly: true });
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((db.prepare('select count(*) n from schema_migrations').get() as { n: number }).n).toBe(migrations.length);
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a database written by a newer GridDesk', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'griddesk-migrate-'));
    const file = path.join(dir, 'g.sqlite');
    try {
      await (await createCore({ file })).close();
      const db = new Database(file);
      db.prepare("insert into schema_migrations (id, applied_at) values ('9999_future', 'x')").run();
      db.close();
      await expect(createCore({ file })).rejects.toThrow(/更新版本/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
