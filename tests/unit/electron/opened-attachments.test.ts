import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OpenedAttachments, ZONE_IDENTIFIER } from '../../../electron/main/opened-attachments';

// Attachments handed to the system's viewer. The Zone.Identifier stream itself is NTFS's: here (Linux)
// the same write makes a file named "…:Zone.Identifier", which shows what is written, where and when.
let temp: string;
beforeEach(() => (temp = mkdtempSync(path.join(tmpdir(), 'griddesk-temp-'))));
afterEach(() => rmSync(temp, { recursive: true, force: true }));

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

describe('attachments opened on the desktop', () => {
  it('on Windows get the Mark-of-the-Web (internet zone) before anything opens them, so Office blocks their macros', async () => {
    const copies = new OpenedAttachments(temp, 'win32');
    const file = await copies.write('补偿协议.doc', OLE, 'doc');
    expect(readFileSync(file)).toEqual(OLE);
    expect(readFileSync(`${file}:Zone.Identifier`, 'utf8')).toBe(ZONE_IDENTIFIER);
    expect(ZONE_IDENTIFIER).toContain('ZoneId=3');
    expect(path.basename(file)).toBe('补偿协议.doc');
  });

  it('elsewhere are written plainly (no such streams), each in a private folder of its own', async () => {
    const copies = new OpenedAttachments(temp, 'linux');
    const a = await copies.write('a.xls', OLE, 'xls');
    const b = await copies.write('a.xls', OLE, 'xls');
    expect(path.dirname(a)).not.toBe(path.dirname(b));
    expect(existsSync(`${a}:Zone.Identifier`)).toBe(false);
  });

  it('are removed when the app quits, and left-overs of an earlier run at the next start; other programs’ files stay', async () => {
    const copies = new OpenedAttachments(temp, 'win32');
    await copies.write('照片.jpg', Buffer.from([0xff, 0xd8, 0xff]), 'jpg');
    await copies.write('报告.pdf', Buffer.from('%PDF-1.4'), 'pdf');
    mkdirSync(path.join(temp, 'griddesk-open-crashed'));
    writeFileSync(path.join(temp, 'griddesk-open-crashed', 'old.xls'), OLE);
    writeFileSync(path.join(temp, 'someone-elses.tmp'), 'x');
    expect(await new OpenedAttachments(temp).removeAll()).toBe(3);
    expect(readdirSync(temp)).toEqual(['someone-elses.tmp']);
  });

  it('a name with path parts or characters Windows refuses stays inside its folder', async () => {
    const file = await new OpenedAttachments(temp, 'linux').write(
      '..\\..\\Windows\\evil:name?.pdf',
      Buffer.from('%PDF-'),
      'pdf',
    );
    expect(path.dirname(path.dirname(file))).toBe(temp);
    expect(path.basename(file)).toBe('_.._Windows_evil_name_.pdf');
  });
});
