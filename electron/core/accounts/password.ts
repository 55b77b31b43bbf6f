import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCb(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))),
  );

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/**
 * OWASP Password Storage Cheat Sheet (2025): scrypt with N = 2^17, r = 8, p = 1. About 0.3 s and
 * 128 MiB per check on this 2-core test machine; an office PC is no slower.
 */
export const OWASP_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
const KEYLEN = 32;
/** Refuses stored parameters that would take a server's memory (a hash written by hand). */
const MAX_COST = 2 ** 20;

const memoryFor = (p: ScryptParams) => 128 * p.N * p.r * p.p + 32 * 1024 * 1024;

function parse(stored: string | null): (ScryptParams & { salt: Buffer; key: Buffer }) | null {
  const [kind, n, r, p, saltB64, hashB64] = (stored ?? '').split('$');
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (kind !== 'scrypt' || !saltB64 || !hashB64) return null;
  if (
    ![params.N, params.r, params.p].every(Number.isSafeInteger) ||
    params.N > MAX_COST ||
    params.r > 32 ||
    params.p > 16
  )
    return null;
  return { ...params, salt: Buffer.from(saltB64, 'base64'), key: Buffer.from(hashB64, 'base64') };
}

/**
 * Hashes and checks passwords. "scrypt$N$r$p$salt$hash" in base64: the parameters travel with the
 * hash, so a stored hash made with weaker ones is recognised and replaced at its next sign-in.
 * Tests use cheaper parameters (CoreOptions.passwords), the app always the OWASP ones.
 */
export class PasswordHasher {
  private dummy: Promise<string> | undefined;

  constructor(readonly params: ScryptParams = OWASP_SCRYPT) {}

  async hash(password: string): Promise<string> {
    const salt = randomBytes(16);
    const key = await scrypt(password.normalize('NFC'), salt, KEYLEN, {
      ...this.params,
      maxmem: memoryFor(this.params),
    });
    return [
      'scrypt',
      this.params.N,
      this.params.r,
      this.params.p,
      salt.toString('base64'),
      key.toString('base64'),
    ].join('$');
  }

  /**
   * Whether the password matches. With no stored hash (an unknown user name, a user without a
   * password yet) it checks against a hash of nothing, so the answer takes as long as a real one.
   */
  async verify(password: string, stored: string | null): Promise<boolean> {
    const parsed = parse(stored);
    if (!parsed) {
      this.dummy ??= this.hash(randomBytes(12).toString('base64'));
      const dummy = parse(await this.dummy)!;
      await scrypt(password.normalize('NFC'), dummy.salt, dummy.key.length, {
        N: dummy.N,
        r: dummy.r,
        p: dummy.p,
        maxmem: memoryFor(dummy),
      });
      return false;
    }
    const key = await scrypt(password.normalize('NFC'), parsed.salt, parsed.key.length, {
      N: parsed.N,
      r: parsed.r,
      p: parsed.p,
      maxmem: memoryFor(parsed),
    });
    return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
  }

  /** A stored hash made with weaker parameters than today's (rehashed at the next successful sign-in). */
  needsRehash(stored: string | null): boolean {
    const parsed = parse(stored);
    return !!parsed && (parsed.N < this.params.N || parsed.r < this.params.r || parsed.p < this.params.p);
  }
}
