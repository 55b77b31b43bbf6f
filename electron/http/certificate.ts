import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import selfsigned from 'selfsigned';

export interface ServerCertificate {
  cert: string;
  key: string;
  /** SHA-256 of the certificate, as a client shows it for confirming once and then pins ("AB:CD:…"). */
  fingerprint: string;
  /** True when this start made it (the fingerprint is new: every client must confirm it). */
  created: boolean;
}

export const fingerprintOf = (certPem: string) => new X509Certificate(certPem).fingerprint256;

/** This machine's names and IPv4 addresses: the certificate names what clients may type. */
function lanNames(): { type: 2 | 7; value?: string; ip?: string }[] {
  const ips = Object.values(os.networkInterfaces())
    .flat()
    .filter((i): i is os.NetworkInterfaceInfo => !!i && i.family === 'IPv4')
    .map((i) => i.address);
  return [{ type: 2, value: os.hostname() }, { type: 2, value: 'localhost' }, ...[...new Set(['127.0.0.1', ...ips])].map((ip) => ({ type: 7 as const, ip }))];
}

/**
 * The office's own certificate when the config names one; otherwise a self-signed one, made at the
 * first start and kept in `dir` (clients pin its fingerprint, so it must not change between starts).
 */
export async function loadServerCertificate(dir: string, own?: { certFile: string; keyFile: string }): Promise<ServerCertificate> {
  if (own) {
    const cert = readFileSync(own.certFile, 'utf8');
    return { cert, key: readFileSync(own.keyFile, 'utf8'), fingerprint: fingerprintOf(cert), created: false };
  }
  const certFile = path.join(dir, 'server-cert.pem');
  const keyFile = path.join(dir, 'server-key.pem');
  if (existsSync(certFile) && existsSync(keyFile)) {
    const cert = readFileSync(certFile, 'utf8');
    return { cert, key: readFileSync(keyFile, 'utf8'), fingerprint: fingerprintOf(cert), created: false };
  }
  const notAfter = new Date();
  notAfter.setFullYear(notAfter.getFullYear() + 10);
  const made = await selfsigned.generate([{ name: 'commonName', value: `GridDesk ${os.hostname()}` }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notAfterDate: notAfter,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: lanNames() },
    ],
  });
  mkdirSync(dir, { recursive: true });
  writeFileSync(keyFile, made.private, { mode: 0o600 });
  writeFileSync(certFile, made.cert);
  return { cert: made.cert, key: made.private, fingerprint: fingerprintOf(made.cert), created: true };
}
