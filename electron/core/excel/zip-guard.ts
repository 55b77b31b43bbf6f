import { ApiError } from '../../contract';

/** Generous for a ledger (a million-row sheet unzips to well under this), small for a zip bomb. */
export const MAX_UNZIPPED_BYTES = 1024 * 1024 * 1024;
const MAX_ENTRIES = 10_000;
const MAX_RATIO = 400;

const refuse = () => new ApiError({ code: 'VALIDATION', message: 'excel.zipBomb' });
const unreadable = () => new ApiError({ code: 'VALIDATION', message: 'excel.unreadable' });

/**
 * Reads the zip's central directory (no decompression) and refuses archives that would unpack to
 * far more than any spreadsheet needs, or that claim absurd compression ratios.
 */
export function checkZip(buf: Buffer): void {
  // End of central directory: 22 bytes plus a comment of up to 64 KiB, at the very end.
  const from = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= from; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw unreadable();
  const entries = buf.readUInt16LE(eocd + 10);
  const dirOffset = buf.readUInt32LE(eocd + 16);
  if (entries === 0xffff || dirOffset === 0xffffffff) throw refuse(); // ZIP64: not something Excel writes for a ledger
  if (entries > MAX_ENTRIES) throw refuse();
  let at = dirOffset;
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) throw unreadable();
    const compressed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    if (size === 0xffffffff) throw refuse();
    total += size;
    if (total > MAX_UNZIPPED_BYTES) throw refuse();
    if (size > 10 * 1024 * 1024 && size / Math.max(1, compressed) > MAX_RATIO) throw refuse();
    at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
}
