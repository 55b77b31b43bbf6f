import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mayChooseWithoutSession, readConnection, saveConnection } from '../../../electron/main/connection';

// How the desktop app reaches its ledgers: its own file, or the office server pinned by fingerprint.
let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'griddesk-conn-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const FP = Array.from({ length: 32 }, (_, i) => (i * 7).toString(16).toUpperCase().padStart(2, '0').slice(-2)).join(
  ':',
);

describe('connection settings', () => {
  it('is standalone until someone chooses the office server', () => {
    expect(readConnection(dir)).toEqual({ mode: 'standalone' });
  });

  it('keeps a client choice with the server and its confirmed fingerprint', () => {
    saveConnection(dir, { mode: 'client', server: 'https://192.168.1.20:5781', fingerprint: FP });
    expect(readConnection(dir)).toEqual({ mode: 'client', server: 'https://192.168.1.20:5781', fingerprint: FP });
  });

  it('refuses a plain-HTTP server or a malformed fingerprint, naming the field, instead of silently running standalone', () => {
    writeFileSync(
      path.join(dir, 'connection.json'),
      JSON.stringify({ mode: 'client', server: 'http://192.168.1.20:5781', fingerprint: 'AB:CD' }),
    );
    expect(() => readConnection(dir)).toThrow(/server.*fingerprint|fingerprint.*server/s);
    expect(() => saveConnection(dir, { mode: 'client', server: 'https://x', fingerprint: 'nope' })).toThrow();
  });
});

describe('re-pointing a desk after its first start', () => {
  const saved = { mode: 'client' as const, server: 'https://192.168.1.20:5781', fingerprint: FP };
  const other = FP.replace(/^../, FP.startsWith('00') ? '11' : '00');

  it('needs no session on a server that cannot be reached or presents another certificate', async () => {
    expect(await mayChooseWithoutSession(saved, () => Promise.reject(new Error('ECONNREFUSED')))).toBe(true);
    expect(await mayChooseWithoutSession(saved, async () => ({ fingerprint: other, subject: 'x', validTo: '' }))).toBe(
      true,
    );
  });

  it('needs an admin’s session while the pinned server answers, and on a standalone desk', async () => {
    expect(await mayChooseWithoutSession(saved, async () => ({ fingerprint: FP, subject: 'x', validTo: '' }))).toBe(
      false,
    );
    expect(await mayChooseWithoutSession({ mode: 'standalone' }, () => Promise.reject(new Error('never asked')))).toBe(
      false,
    );
  });
});
