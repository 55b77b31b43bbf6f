// Draws build/icon.svg into build/icon.png (512 px, for Linux and the window) and build/icon.ico
// (16–256 px, for the installer and the .exe). Run after changing the SVG: `node scripts/make-icon.mjs`.
// Chromium (the one the e2e tests use) renders the SVG, so no image library is needed. The .ico
// holds PNG images, which Windows reads since Vista: a 6-byte header, a 16-byte entry per image, the PNGs.
import { writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';

const root = path.resolve(import.meta.dirname, '..');
const svg = readFileSync(path.join(root, 'build', 'icon.svg'), 'utf8');
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

export function packIco(pngs) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(pngs.length, 4);
  let offset = 6 + 16 * pngs.length;
  const entries = pngs.map(({ size, data }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0); // 0 means 256
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...pngs.map((p) => p.data)]);
}

async function render(page, size) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
  );
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
}

if (process.argv[1] === import.meta.filename) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  const page = await browser.newPage();
  writeFileSync(path.join(root, 'build', 'icon.png'), await render(page, 512));
  const pngs = [];
  for (const size of ICO_SIZES) pngs.push({ size, data: await render(page, size) });
  writeFileSync(path.join(root, 'build', 'icon.ico'), packIco(pngs));
  await browser.close();
  console.log('build/icon.png and build/icon.ico written');
}
