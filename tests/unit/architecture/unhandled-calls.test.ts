import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unhandledCalls } from '../../../scripts/unhandled-calls.mjs';

// npm run lint runs scripts/unhandled-calls.mjs over renderer/src: a core call whose failure nobody
// shows fails it. Each case is a page as it was written before the check, or as it is now.
describe('the unhandled-call check that npm run lint runs', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'griddesk-calls-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  const check = (code: string) => {
    const file = path.join(dir, `Page${++n}.tsx`);
    writeFileSync(file, `import { call } from '../api/client';\n${code}\n`);
    return unhandledCalls([dir]).filter((p) => p.file === file);
  };

  it('flags a page that fetches with no rejection handler (it would spin for ever)', () => {
    const found = check(
      `export function P() { useEffect(() => void call('dashboard.panels', {}).then(setPanels), []); }`,
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 2, reason: 'dropped with void' });
  });

  it('flags a button whose async handler awaits a call outside any try', () => {
    const found = check(`export const B = () => <Button onClick={async () => { await call('x.save', {}); }} />;`);
    expect(found[0]?.reason).toMatch(/given to <Button onClick>/);
  });

  it('flags a download started in a .then whose second handler only covers the first call', () => {
    const found = check(
      `export const f = () => void call('x.export', {}).then((f) => downloadFile(f.fileId), showFailure);\nimport { downloadFile } from '../api/files';`,
    );
    expect(found.map((p) => p.text)).toEqual(['downloadFile(f.fileId)']);
  });

  it('flags a named loader whose every use drops its promise', () => {
    const found = check(
      `export function P() { const load = useCallback(async () => setRows(await call('x.list', {})), []); useEffect(() => void load(), [load]); }`,
    );
    expect(found[0]?.reason).toMatch(/^load\(\) dropped with void/);
  });

  it('accepts the ways a failure is shown', () => {
    expect(check(`useEffect(() => void call('x.list', {}).then(setRows, showFailure), []);`)).toEqual([]);
    expect(
      check(`const go = async () => { try { await call('x.save', {}); } catch (e) { showFailure(e); } };`),
    ).toEqual([]);
    expect(check(`const d = useLoaded(() => call('x.list', {}), []);`)).toEqual([]);
    expect(check(`const open = (id) => attempt(async () => setDetail(await call('x.get', { id })));`)).toEqual([]);
    expect(
      check(
        `export const L = () => <ListPage save={(v) => call('x.save', v)} remove={(ids) => call('x.delete', { ids })} />;`,
      ),
    ).toEqual([]);
    expect(
      check(
        `const act = async (fn) => { try { await fn(); } catch (e) { showFailure(e); } };\nexport const b = () => act(() => call('x.approve', {}));`,
      ),
    ).toEqual([]);
    expect(check(`const p = Promise.all([call('a.list', {}), call('b.list', {})]).catch(showFailure);`)).toEqual([]);
  });

  it('accepts a call whose failure is shown elsewhere only when a `failure:` comment says where', () => {
    const stored = `setPending({ save: (r) => call('x.assign', { r }) });`;
    expect(check(stored)).toHaveLength(1);
    expect(
      check(
        `setPending({\n  // failure: shown by the dialog's onOk, which catches\n  save: (r) => call('x.assign', { r }),\n});`,
      ),
    ).toEqual([]);
  });

  it('runs in npm run lint, and finds none in the app', () => {
    const lint = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { lint: string } }).scripts.lint;
    expect(lint).toContain('node scripts/unhandled-calls.mjs');
    expect(unhandledCalls(['renderer/src'])).toEqual([]);
  });
});
