import { readFileSync } from 'node:fs';
import path from 'node:path';
import { format, check, getFileInfo, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';

// npm run lint runs `prettier --check .`: a source file Prettier would change fails it.
const root = path.resolve(import.meta.dirname, '../../..');
const lint = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: { lint: string } })
  .scripts.lint;

async function passesLint(file: string, source: string): Promise<boolean> {
  const full = path.join(root, file);
  const info = await getFileInfo(full, { ignorePath: path.join(root, '.prettierignore') });
  if (info.ignored) return true;
  const options = { ...(await resolveConfig(full)), filepath: full };
  return check(source, options);
}

describe('the formatter check that npm run lint runs', () => {
  it('is part of npm run lint, over the whole tree', () => {
    expect(lint).toMatch(/prettier --check \.(\s|$)/);
  });

  it('fails a planted file written on one long line, and passes it once formatted', async () => {
    const planted =
      'export function overdue(rows: { due: string; done: boolean }[], today: string) { return rows.filter((r) => !r.done && r.due < today).map((r) => ({ ...r, late: true })) }\n';
    const file = 'electron/core/vegetation/planted-misformat.ts';
    expect(await passesLint(file, planted)).toBe(false);
    const fixed = await format(planted, { ...(await resolveConfig(path.join(root, file))), filepath: file });
    expect(await passesLint(file, fixed)).toBe(true);
    // The house style: 120 columns, single quotes, trailing commas.
    expect(fixed.split('\n').every((line) => line.length <= 120)).toBe(true);
  });

  it('checks renderer pages and tests too, and leaves prose and the lockfile alone', async () => {
    const ignored = async (file: string) =>
      (await getFileInfo(path.join(root, file), { ignorePath: path.join(root, '.prettierignore') })).ignored;
    expect(await ignored('renderer/src/features/roster/RosterPage.tsx')).toBe(false);
    expect(await ignored('tests/unit/security/fuzz-api.test.ts')).toBe(false);
    expect(await ignored('README.md')).toBe(true);
    expect(await ignored('package-lock.json')).toBe(true);
  });
});
