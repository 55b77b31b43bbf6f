import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Windows' Mark-of-the-Web: an alternate data stream saying the file came from the internet zone.
 * Office then opens it in Protected View and blocks its macros, as it does for a mail attachment;
 * an attachment in GridDesk came from another desk or a landowner's USB stick just the same.
 */
export const ZONE_IDENTIFIER = '[ZoneTransfer]\r\nZoneId=3\r\n';

const PREFIX = 'griddesk-open-';

/** Characters Windows refuses in file names, and control characters, become underscores. */
export function cleanFileName(name: string, fallback: string): string {
  const cleaned = [...name].map((ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? '_' : ch)).join('');
  return cleaned.slice(-100).replace(/^[.\s]+/, '') || fallback;
}

/**
 * Copies of attachments written for the system's viewer: each in a private temporary folder, marked
 * as from the internet on Windows before anything opens it, and removed when the app quits (and at
 * the next start for any a crash or a still-open viewer left behind).
 */
export class OpenedAttachments {
  constructor(
    private readonly tempRoot: string,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  /** Writes the copy (and its mark) and returns its path; nothing has opened it yet. */
  async write(name: string, data: Uint8Array, ext: string): Promise<string> {
    const dir = await mkdtemp(path.join(this.tempRoot, PREFIX));
    const file = path.join(dir, cleanFileName(name, `attachment.${ext}`));
    await writeFile(file, data);
    if (this.platform === 'win32') await writeFile(`${file}:Zone.Identifier`, ZONE_IDENTIFIER);
    return file;
  }

  /** Removes every copy this app left in the temporary folder; one still open in a viewer is left for next time. */
  async removeAll(): Promise<number> {
    let removed = 0;
    for (const entry of await readdir(this.tempRoot).catch(() => [] as string[])) {
      if (!entry.startsWith(PREFIX)) continue;
      await rm(path.join(this.tempRoot, entry), { recursive: true, force: true }).then(
        () => removed++,
        () => undefined,
      );
    }
    return removed;
  }
}
