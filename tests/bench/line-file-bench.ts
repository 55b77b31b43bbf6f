/**
 * The line file's part of `npm run bench` (alone: `npm run bench:line-file`). One line of 300 towers
 * with positions and 5,000 records on it — hazards, lightning devices and their tests, trips, equipment
 * with defects, upgrade requests — opened in Chromium: the time from navigation start to the first
 * frame that shows the strip with its records, against the same page for a 300-tower line with nothing
 * on it (the page's own cost) in the same run; the map view the same way; and the server's lineFile.get.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchChromium } from './chromium';
import { createCore, type Core } from '../../electron/core';
import { PasswordHasher } from '../../electron/core/accounts/password';
import { startHttpServer } from '../../electron/http/server';
import { TEST_SCRYPT } from '../unit/helpers/core';

const TOWERS = 300;
const RUNS = 7;

export interface LineFileBench {
  records: number;
  hazardsDrawn: number;
  strip: number[];
  emptyStrip: number[];
  map: number[];
  emptyMap: number[];
  serverMs: number[];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * 5,000 records on one 300-tower line, each through the same save a clerk's form uses: 2,500 hazards,
 * 600 lightning devices (400 grounding, each tested once), 600 trips over three years, 500 transformers
 * with open defects, 400 upgrade requests.
 */
async function fillLine(call: (m: string, i: unknown) => Promise<unknown>, lineId: number): Promise<number> {
  const today = new Date();
  const daysAgo = (n: number) => new Date(today.getTime() - n * 86_400_000).toLocaleDateString('sv-SE');
  const at = (i: number) => `#${1 + ((i * 37) % TOWERS)}`;
  let records = 0;
  const save = async (method: string, input: unknown) => {
    records++;
    return (await call(method, input)) as { id: number };
  };
  for (let i = 0; i < 2500; i++) {
    const from = 1 + ((i * 37) % (TOWERS - 3));
    await save('vegetation.save', {
      lineId,
      towerRange: i % 3 ? `#${from}–#${from + (i % 4)}` : `#${from}`,
      species: ['杨树', '柳树', '桉树', '毛竹'][i % 4],
      treeCount: 1 + (i % 5),
      verticalDistance: [0.5, 1.8, 3][i % 3],
      action: 'trim',
    });
  }
  for (let i = 0; i < 600; i++) {
    const grounding = i % 3 !== 0;
    const device = await save(
      'lightningDevices.save',
      grounding
        ? { kind: 'grounding', code: `JD-${i}`, site: 'tower', lineId, tower: at(i), soilResistivity: 300 }
        : { kind: 'arrester', code: `BL-${i}`, site: 'tower', lineId, tower: at(i), ratedKv: 17 },
    );
    if (grounding)
      await save('lightningTests.save', {
        deviceId: device.id,
        testedOn: daysAgo(30 + (i % 200)),
        tester: '张工',
        groundingOhm: i % 5 === 0 ? 16 : 8,
      });
  }
  for (let i = 0; i < 600; i++)
    await save('trips.save', {
      lineId,
      occurredAt: `${daysAgo(1 + ((i * 7) % 1000))}T${String(8 + (i % 10)).padStart(2, '0')}:30`,
      towers: at(i),
      reclosed: i % 2 === 0,
      deviceIds: [],
    });
  for (let i = 0; i < 500; i++) {
    const transformer = await save('equipment.save', {
      kind: 'transformer',
      code: `T-${i}`,
      name: `档案配变${i}`,
      lineId,
      location: `${at(i)} 杆`,
      condition: 2,
      defectGrade: ['general', 'serious', 'critical'][i % 3],
      defectFoundOn: daysAgo(10 + (i % 100)),
    });
    if (i < 400)
      await save('upgrades.save', {
        equipmentId: transformer.id,
        problem: '渗漏油',
        proposedWork: '更换配变',
        projectType: 'renovation',
        estimatedCost: 12,
        customersAffected: 80,
      });
  }
  return records;
}

export async function benchLineFile(): Promise<LineFileBench> {
  const dir = mkdtempSync(path.join(tmpdir(), 'griddesk-line-file-bench-'));
  let core: Core | undefined;
  try {
    core = await createCore({ file: path.join(dir, 'griddesk.sqlite'), passwords: new PasswordHasher(TEST_SCRYPT) });
    const { token } = (await core.dispatch('accounts.setup', { password: 'Bench2026' }, {})) as { token: string };
    const call = (m: string, i: unknown) => core!.dispatch(m, i, { token });
    const line = async (name: string) => {
      const { id } = (await call('lines.save', {
        name,
        voltage: '10',
        conductor: 'bare',
        areaType: 'rural',
        townshipIds: [],
        towerCount: TOWERS,
      })) as { id: number };
      for (let n = 1; n <= TOWERS; n++)
        await call('towers.save', {
          lineId: id,
          number: n,
          kind: n === 1 || n === TOWERS ? 'terminal' : n % 8 ? 'tangent' : 'strain',
          longitude: 111.69 + n * 0.0004 + (n > 150 ? (n - 150) * 0.0002 : 0),
          latitude: 29.03 + n * 0.0003,
        });
      return id;
    };
    const full = await line('10kV 基准满线');
    const empty = await line('10kV 基准空线');
    const t0 = performance.now();
    const records = await fillLine(call, full);
    console.log(
      `line file: ${records.toLocaleString()} records on a ${TOWERS}-tower line in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    const serverMs: number[] = [];
    for (let i = 0; i < 20; i++) {
      const s0 = performance.now();
      await call('lineFile.get', { lineId: full });
      serverMs.push(performance.now() - s0);
    }

    const http = await startHttpServer({ core, port: 0, staticDir: path.resolve('dist/renderer') });
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      // In the page: the first frame after the drawing (and, with records, its first record mark) is in the DOM.
      await page.addInitScript(() => {
        const w = window as unknown as { __drawnAt?: number; __drawSelector?: string };
        w.__drawSelector = sessionStorage.getItem('bench.selector') ?? '';
        new MutationObserver((_, observer) => {
          if (w.__drawnAt === undefined && w.__drawSelector && document.querySelector(w.__drawSelector)) {
            observer.disconnect();
            requestAnimationFrame(() => (w.__drawnAt = performance.now()));
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(http.url);
      await page.evaluate((tk) => sessionStorage.setItem('griddesk.token', tk), token);
      const open = async (lineId: number, view: 'strip' | 'map', selector: string): Promise<number[]> => {
        const times: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          await page.evaluate((s) => sessionStorage.setItem('bench.selector', s), selector);
          await page.goto('about:blank');
          const f = encodeURIComponent(JSON.stringify({ lineId, ...(view === 'map' ? { view } : {}) }));
          await page.goto(`${http.url}/#/lineFile?f=${f}`);
          times.push(
            await page
              .waitForFunction(() => (window as unknown as { __drawnAt?: number }).__drawnAt, null, { timeout: 30_000 })
              .then((h) => h.jsonValue() as Promise<number>),
          );
        }
        return times;
      };
      const stripMarks = '[data-testid="line-strip"] [data-testid^="strip-hazard-"]';
      const mapMarks = '[data-testid="line-map"] [data-testid^="map-hazard-"]';
      const emptyStrip = await open(empty, 'strip', '[data-testid="line-strip"]');
      const strip = await open(full, 'strip', stripMarks);
      const hazardsDrawn = await page.locator(stripMarks).count();
      const emptyMap = await open(empty, 'map', '[data-testid="line-map"]');
      const map = await open(full, 'map', mapMarks);
      return { records, hazardsDrawn, strip, emptyStrip, map, emptyMap, serverMs };
    } finally {
      await browser.close();
      await http.close();
    }
  } finally {
    await core?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The rows `npm run bench` prints, each beside its goal. */
export function lineFileRows(r: LineFileBench) {
  const ms = (x: number) => x.toFixed(0);
  return [
    {
      measure: `line file: ${TOWERS} towers, ${r.records.toLocaleString()} records → strip drawn (${r.hazardsDrawn} hazards), from navigation start`,
      ours: ms(median(r.strip)),
      baseline: ms(median(r.emptyStrip)),
      ratio: (median(r.strip) / median(r.emptyStrip)).toFixed(2),
      goal: '<1000',
      ok: median(r.strip) < 1000,
    },
    {
      measure: '  the same line in the map view → path and records drawn',
      ours: ms(median(r.map)),
      baseline: ms(median(r.emptyMap)),
      ratio: (median(r.map) / median(r.emptyMap)).toFixed(2),
      goal: '<1000',
      ok: median(r.map) < 1000,
    },
    {
      measure: '  lineFile.get for that line on the server (dispatch)',
      ours: ms(median(r.serverMs)),
      baseline: '—',
      ratio: '—',
      goal: 'measured',
      ok: true,
    },
  ];
}

if (process.argv[1]?.endsWith('line-file-bench.ts')) {
  void benchLineFile().then((r) => {
    const rows = lineFileRows(r);
    console.table(
      rows.map((x) => ({
        measure: x.measure,
        median: x.ours,
        'empty line': x.baseline,
        ratio: x.ratio,
        goal: x.goal,
        ok: x.ok ? 'yes' : 'MISSED',
      })),
    );
    if (rows.some((x) => !x.ok)) process.exitCode = 1;
  });
}
