import { ATTACHMENT_TYPES } from '../../contract';

type Extension = keyof typeof ATTACHMENT_TYPES;

/** What the first bytes say the file is; the name's extension must agree. */
function sniff(b: Buffer): 'jpeg' | 'png' | 'gif' | 'webp' | 'pdf' | 'zip' | 'ole' | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 8 && b.readUInt32BE(0) === 0x89504e47) return 'png';
  if (b.subarray(0, 4).toString('latin1') === 'GIF8') return 'gif';
  if (b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP') return 'webp';
  if (b.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (b.length >= 4 && b.readUInt32LE(0) === 0x04034b50) return 'zip';
  if (b.length >= 8 && b.readUInt32BE(0) === 0xd0cf11e0) return 'ole';
  return null;
}

const SNIFFED: Record<Extension, ReturnType<typeof sniff>> = {
  jpg: 'jpeg',
  jpeg: 'jpeg',
  png: 'png',
  gif: 'gif',
  webp: 'webp',
  pdf: 'pdf',
  docx: 'zip',
  xlsx: 'zip',
  doc: 'ole',
  xls: 'ole',
};

/** The MIME type to store, or null when the name and the bytes do not make an accepted kind. */
export function attachmentType(fileName: string, head: Buffer): string | null {
  const ext = fileName.toLowerCase().split('.').pop() as Extension;
  if (!Object.prototype.hasOwnProperty.call(ATTACHMENT_TYPES, ext)) return null;
  return sniff(head) === SNIFFED[ext] ? ATTACHMENT_TYPES[ext] : null;
}

export const isImageThumbnail = (b: Buffer) => {
  const kind = sniff(b);
  return kind === 'jpeg' || kind === 'png';
};
