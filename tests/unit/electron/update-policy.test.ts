import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { UpdateState } from '../../../electron/contract';
import {
  certificateVerdict,
  dueToCheck,
  nextUpdateState,
  readUpdateSource,
  saveUpdateSource,
  updatePlan,
  type UpdaterEvent,
} from '../../../electron/main/update-policy';

const FP = 'AB:'.repeat(31) + 'AB';
const client = { mode: 'client' as const, server: 'https://192.168.1.20:5781', fingerprint: FP };
const standalone = { mode: 'standalone' as const };

describe('whether a desk checks for updates, and where', () => {
  it('a desk in client mode asks its office server’s /updates/, pinned to its certificate', () => {
    expect(updatePlan(client, { kind: 'never' }, true)).toEqual({
      check: true,
      feed: {
        kind: 'url',
        url: 'https://192.168.1.20:5781/updates/',
        pinnedHost: '192.168.1.20:5781',
        fingerprint: FP,
      },
    });
  });

  it('a standalone desk never checks unless an address or a shared folder is set', () => {
    expect(updatePlan(standalone, { kind: 'never' }, true)).toEqual({ check: false, why: 'no-source' });
    expect(updatePlan(standalone, { kind: 'url', url: 'http://10.0.0.5/griddesk' }, true)).toEqual({
      check: true,
      feed: { kind: 'url', url: 'http://10.0.0.5/griddesk/' },
    });
    expect(updatePlan(standalone, { kind: 'folder', folder: '\\\\SERVER\\更新' }, true)).toEqual({
      check: true,
      feed: { kind: 'folder', folder: '\\\\SERVER\\更新' },
    });
  });

  it('an app run from source (npm start) never updates itself', () => {
    expect(updatePlan(client, { kind: 'never' }, false)).toEqual({ check: false, why: 'not-installed' });
  });

  it('checks at start, then once a day', () => {
    const at = new Date('2026-12-06T08:00:00');
    expect(dueToCheck(null, at)).toBe(true);
    expect(dueToCheck(at, new Date('2026-12-06T20:00:00'))).toBe(false);
    expect(dueToCheck(at, new Date('2026-12-07T08:00:00'))).toBe(true);
  });

  it('accepts the office server’s self-signed certificate only when it is the pinned one, and leaves other hosts to Chromium', () => {
    const plan = updatePlan(client, { kind: 'never' }, true);
    expect(certificateVerdict(plan, '192.168.1.20', FP)).toBe(0);
    expect(certificateVerdict(plan, '192.168.1.20', 'CD:'.repeat(31) + 'CD')).toBe(-2);
    expect(certificateVerdict(plan, 'example.com', FP)).toBe(-3);
    expect(
      certificateVerdict(
        updatePlan(standalone, { kind: 'url', url: 'https://192.168.1.20:5781/updates/' }, true),
        '192.168.1.20',
        FP,
      ),
    ).toBe(-3);
  });
});

describe('what the header shows', () => {
  const run = (events: UpdaterEvent[], from: UpdateState = { phase: 'off' }) =>
    events.reduce((s, e) => nextUpdateState(s, e, new Date('2026-12-06T08:00:00Z')), from);

  it('a new version: checking, then download progress, then ready to restart', () => {
    expect(run([{ type: 'checking' }])).toEqual({ phase: 'checking' });
    expect(
      run([{ type: 'checking' }, { type: 'available', version: '0.2.0' }, { type: 'progress', percent: 42.7 }]),
    ).toEqual({ phase: 'downloading', version: '0.2.0', percent: 42 });
    expect(
      run([
        { type: 'available', version: '0.2.0' },
        { type: 'progress', percent: 100 },
        { type: 'downloaded', version: '0.2.0' },
      ]),
    ).toEqual({ phase: 'ready', version: '0.2.0' });
  });

  it('nothing new: up to date, with when it was checked', () => {
    expect(run([{ type: 'checking' }, { type: 'not-available' }])).toEqual({
      phase: 'current',
      checkedAt: '2026-12-06T08:00:00.000Z',
    });
  });

  it('a downloaded version stays offered: a later check or error does not hide the restart', () => {
    const ready = { phase: 'ready', version: '0.2.0' } as const;
    expect(
      run([{ type: 'checking' }, { type: 'error', message: 'ECONNREFUSED' }, { type: 'not-available' }], ready),
    ).toEqual(ready);
  });

  it('an error is one short line (the server may just be off today)', () => {
    expect(run([{ type: 'error', message: 'net::ERR_CONNECTION_REFUSED\n    at stack…' }])).toEqual({
      phase: 'error',
      message: 'net::ERR_CONNECTION_REFUSED',
    });
  });
});

describe('updates.json', () => {
  it('keeps the standalone source; none, or a damaged file, means never', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'griddesk-updates-'));
    try {
      expect(readUpdateSource(dir)).toEqual({ kind: 'never' });
      saveUpdateSource(dir, { kind: 'folder', folder: 'D:\\GridDesk更新' });
      expect(readUpdateSource(dir)).toEqual({ kind: 'folder', folder: 'D:\\GridDesk更新' });
      expect(() => saveUpdateSource(dir, { kind: 'url', url: 'ftp://x' })).toThrow();
      writeFileSync(path.join(dir, 'updates.json'), '{ not json');
      expect(readUpdateSource(dir)).toEqual({ kind: 'never' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
