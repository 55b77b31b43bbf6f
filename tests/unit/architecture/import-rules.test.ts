import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The table in ARCHITECTURE.md, checked through the real lint config: a forbidden import is an error.
const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? '');
}

describe('import rules of the house plan', () => {
  it('refuses the renderer importing the core or Node', async () => {
    expect(
      await ruleIds('renderer/src/x.ts', "import { createCore } from '../../electron/core';\nvoid createCore;\n"),
    ).toContain('no-restricted-imports');
    expect(await ruleIds('renderer/src/x.ts', "import fs from 'node:fs';\nvoid fs;\n")).toContain(
      'no-restricted-imports',
    );
  });

  it('refuses SQL in a handler file: it belongs in the module’s repository', async () => {
    const handler = 'electron/core/x/x.handlers.ts';
    expect(await ruleIds(handler, "declare const db: any;\nvoid db.selectFrom('staff').selectAll();\n")).toContain(
      'no-restricted-syntax',
    );
    expect(await ruleIds(handler, 'declare const sql: any;\nvoid sql`select 1`;\n')).toContain('no-restricted-syntax');
    expect(
      await ruleIds('electron/core/x/x.repository.ts', "declare const db: any;\nvoid db.selectFrom('staff');\n"),
    ).not.toContain('no-restricted-syntax');
  });

  it('refuses the core importing electron', async () => {
    expect(await ruleIds('electron/core/x.ts', "import { app } from 'electron';\nvoid app;\n")).toContain(
      'no-restricted-imports',
    );
  });

  it('refuses the contract importing anything but zod', async () => {
    expect(await ruleIds('electron/contract/x.ts', "import { sql } from 'kysely';\nvoid sql;\n")).toContain(
      'no-restricted-imports',
    );
    expect(await ruleIds('electron/contract/x.ts', "import { z } from 'zod';\nvoid z;\n")).not.toContain(
      'no-restricted-imports',
    );
  });

  it('lets the Electron shell reach the office server through the HTTP client only, not serve HTTP itself', async () => {
    expect(
      await ruleIds(
        'electron/main/x.ts',
        "import { createRemoteDispatcher } from '../http/remote';\nvoid createRemoteDispatcher;\n",
      ),
    ).not.toContain('no-restricted-imports');
    expect(
      await ruleIds('electron/main/x.ts', "import { startHttpServer } from '../http/server';\nvoid startHttpServer;\n"),
    ).toContain('no-restricted-imports');
    // …except the read-only update feed, which a standalone desk serves from a shared folder to its updater on loopback.
    expect(
      await ruleIds(
        'electron/main/x.ts',
        "import { startFolderFeed } from '../http/update-feed';\nvoid startFolderFeed;\n",
      ),
    ).not.toContain('no-restricted-imports');
  });

  it('lets the renderer use the contract', async () => {
    expect(await ruleIds('renderer/src/x.ts', "import { contract } from '@contract';\nvoid contract;\n")).not.toContain(
      'no-restricted-imports',
    );
  });
});
