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

/** This machine's IPv4 addresses on the LAN: what clients type to reach the server. */
export const lanAddresses = () =>
  Object.values(os.networkInterfaces())
    .flat()
    .filter((i): i is os.NetworkInterfaceInfo => !!i && i.family === 'IPv4' && !i.internal)
    .map((i) => i.address);

/** The certificate names what clients may type: this machine's name and addresses. */
function lanNames(): { type: 2 | 7; value?: string; ip?: string }[] {
  return [
    { type: 2, value: os.hostname() },
    { type: 2, value: 'localhost' },
    ...['127.0.0.1', ...lanAddresses()].map((ip) => ({ type: 7 as const, ip })),
  ];
}

function readPair(certFile: string, keyFile: string): ServerCertificate {
  const cert = readFileSync(certFile, 'utf8');
  return { cert, key: readFileSync(keyFile, 'utf8'), fingerprint: fingerprintOf(cert), created: false };
}

/**
 * The office's own certificate when the config names one; otherwise a self-signed one, made at the
 * first start and kept in `dir` (clients pin its fingerprint, so it must not change between starts).
 */
export async function loadServerCertificate(
  dir: string,
  own?: { certFile: string; keyFile: string },
): Promise<ServerCertificate> {
  if (own) return readPair(own.certFile, own.keyFile);
  const certFile = path.join(dir, 'server-cert.pem');
  const keyFile = path.join(dir, 'server-key.pem');
  if (existsSync(certFile) && existsSync(keyFile)) return readPair(certFile, keyFile);
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
