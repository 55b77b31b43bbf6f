// Runs Doyensec's electronegativity over electron/ and fails on any finding that is not reviewed.
// Reviewed findings and why they stay are listed in README.md ("Data safety and security").
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const REVIEWED = new Map([
  ['PRELOAD_JS_CHECK', 'main/main.ts'], // the preload exposes one function over one checked IPC channel
  ['CSP_GLOBAL_CHECK', 'main/security.ts'], // strict CSP; the tool cannot parse the header-set policy
  // On the updater's own session only: the office server's host must present exactly the pinned
  // certificate (self-signed); every other host is left to Chromium's own check (-3).
  ['CERTIFICATE_VERIFY_PROC_JS_CHECK', 'main/updater.ts'],
]);

const dir = mkdtempSync(path.join(tmpdir(), 'eneg-'));
const out = path.join(dir, 'report.sarif');
const electronVersion = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version;
const run = spawnSync(
  process.execPath,
  [
    'node_modules/@doyensec/electronegativity/dist/index.js',
    '-i',
    'electron',
    '-e',
    electronVersion,
    '-r',
    '-v',
    'false',
    '-o',
    out,
  ],
  {
    encoding: 'utf8',
    timeout: 240_000,
  },
);
if (run.status !== 0) {
  console.error(run.stdout, run.stderr);
  process.exit(run.status ?? 1);
}
const report = JSON.parse(readFileSync(out, 'utf8'));
rmSync(dir, { recursive: true, force: true });
const findings = (report.runs?.[0]?.results ?? []).map((r) => ({
  id: r.ruleId,
  file: r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '',
  line: r.locations?.[0]?.physicalLocation?.region?.startLine,
}));
const unreviewed = findings.filter((f) => !(REVIEWED.has(f.id) && f.file.endsWith(REVIEWED.get(f.id))));
for (const f of findings)
  console.log(`${unreviewed.includes(f) ? 'NEW     ' : 'reviewed'} ${f.id} ${f.file}:${f.line ?? ''}`);
if (unreviewed.length > 0) {
  console.error(`electronegativity: ${unreviewed.length} finding(s) need a fix or a reviewed note`);
  process.exit(1);
}
console.log(`electronegativity: ${findings.length} finding(s), all reviewed`);
