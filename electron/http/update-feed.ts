import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

/**
 * New versions for the desks: electron-updater's generic provider reads `latest.yml` and then the
 * installer it names (and its .blockmap) from one flat folder. Served read-only: files by name only,
 * no folder listing, nothing outside the folder, no other method. The office server serves its
 * `<data>/updates` at /updates/; a standalone desk serves a shared folder the same way on loopback.
 */
export const UPDATES_PATH = '/updates/';
const FILE_NAME = /^[\w][\w.\- ]{0,200}$/u;
const TYPES: Record<string, string> = {
  '.yml': 'text/yaml; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
  '.exe': 'application/octet-stream',
  '.blockmap': 'application/octet-stream',
};

export async function serveUpdateFeed(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  folder: string,
  prefix = UPDATES_PATH,
): Promise<void> {
  req.resume();
  const notFound = () => void res.writeHead(404, { 'X-Content-Type-Options': 'nosniff' }).end();
  if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { Allow: 'GET, HEAD' }).end();
  let name: string;
  try {
    name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname.slice(prefix.length));
  } catch {
    return notFound();
  }
  // One name in the folder: no slash, no "..", no hidden file; an empty name (the folder itself) is never listed.
  if (!FILE_NAME.test(name) || name.includes('..') || !(path.extname(name) in TYPES)) return notFound();
  const file = path.join(folder, name);
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return notFound();
  res.writeHead(200, {
    'Content-Type': TYPES[path.extname(name)],
    'Content-Length': info.size,
    // latest.yml changes when an admin drops a new version in; installers never change under one name.
    'Cache-Control': name.endsWith('.yml') ? 'no-cache' : 'public, max-age=86400',
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') return void res.end();
  await pipeline(createReadStream(file), res).catch(() => res.destroy());
}

/** A standalone desk's update folder (a share such as \\SERVER\updates), served to its updater on loopback. */
export function startFolderFeed(folder: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    if (!(req.url ?? '').startsWith(UPDATES_PATH)) return void res.writeHead(404).end();
    serveUpdateFeed(req, res, folder).catch(() => res.destroy());
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({
        url: `http://127.0.0.1:${port}${UPDATES_PATH}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
