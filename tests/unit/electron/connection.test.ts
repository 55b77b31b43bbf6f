import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readConnection, saveConnection } from '../../../electron/main/connection';

// How the desktop app reaches its ledgers: its own file, or the office server pinned by fingerprint.
let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'griddesk-conn-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const FP = Array.from({ length: 32 }, (_, i) => (i * 7).toString(16).toUpperCase().padStart(2, '0').slice(-2)).join(':');

describe('connection settings', () => {
  it('is standalone until someone chooses the office server', () => {
    expect(readConnection(dir)).toEqual({ mode: 'standalone' });
  });

  it('keeps a client choice with the server and its confirmed fingerprint', () => {
    saveConnection(dir, { mode: 'client', server: 'https://192.168.1.20:5781', fingerprint: FP });
    expect(readConnection(dir)).toEqual({ mode: 'client', server: 'https://192.168.1.20:5781', fingerprint: FP });
  });

  it('refuses a plain-HTTP server or a malformed fingerprint, naming the field, instead of silently running standalone', () => {
    writeFileSync(path.join(dir, 'connection.json'), JSON.stringify({ mode: 'client', server: 'http://192.168.1.20:5781', fingerprint: 'AB:CD' }));
    expect(() => readConnection(dir)).toThrow(/server.*fingerprint|fingerprint.*server/s);
    expect(() => saveConnection(dir, { mode: 'client', server: 'https://x', fingerprint: 'nope' })).toThrow();
  });
});
