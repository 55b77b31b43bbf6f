import { randomInt } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FirstRunCode } from '../core/context';

// Crockford's base32 without I, L, O, U: nothing to misread when typed from a screen.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 12 characters in three groups (60 bits): "7KQM-4XZT-9RHB". */
export function newSetupCode(): string {
  const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

export const setupCodeFile = (dataDir: string) => path.join(dataDir, 'setup-code.txt');

/**
 * The office server's one-time code for setting the first admin password over the network. Kept in
 * the data folder until used, so a restart before setup shows the same code; removed once used.
 */
export function firstRunCode(dataDir: string): FirstRunCode & { keep(): void; discard(): void } {
  const file = setupCodeFile(dataDir);
  const stored = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  const code = /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(stored) ? stored : newSetupCode();
  return {
    code,
    used: () => rmSync(file, { force: true }),
    keep: () => writeFileSync(file, `${code}\n`, { mode: 0o600 }),
    discard: () => rmSync(file, { force: true }),
  };
}
