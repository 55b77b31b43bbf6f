import { writeFile } from 'node:fs/promises';
import { BrowserWindow, dialog, ipcMain, shell, type IpcMainInvokeEvent } from 'electron';
import { cleanFileName, type OpenedAttachments } from './opened-attachments';

/** Desktop-only services for the page: printing it (its print stylesheet lays out A4 pages) and opening attachments. */
export const PRINT_PDF_CHANNEL = 'griddesk:print-pdf';
export const PRINT_CHANNEL = 'griddesk:print';

const safeName = (title: unknown) => `${cleanFileName(typeof title === 'string' ? title : '', '打印')}.pdf`;

/**
 * Desktop printing: the system print dialog, or a PDF (Chromium's printToPDF with the page's own
 * @page size and margins) saved where the user chooses.
 */
export function registerPrinting(isTrustedSender: (e: IpcMainInvokeEvent) => boolean): void {
  ipcMain.handle(PRINT_CHANNEL, async (event) => {
    if (!isTrustedSender(event)) return { ok: false };
    return new Promise((resolve) =>
      event.sender.print({ silent: false, printBackground: true }, (ok) => resolve({ ok })),
    );
  });
  ipcMain.handle(PRINT_PDF_CHANNEL, async (event, title: unknown) => {
    if (!isTrustedSender(event)) return { ok: false };
    const pdf = await event.sender.printToPDF({ preferCSSPageSize: true, printBackground: true });
    const win = BrowserWindow.fromWebContents(event.sender);
    const choice = win
      ? await dialog.showSaveDialog(win, {
          defaultPath: safeName(title),
          filters: [{ name: 'PDF', extensions: ['pdf'] }],
        })
      : await dialog.showSaveDialog({ defaultPath: safeName(title), filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    if (choice.canceled || !choice.filePath) return { ok: false };
    await writeFile(choice.filePath, pdf);
    return { ok: true, path: choice.filePath };
  });
}

export const OPEN_FILE_CHANNEL = 'griddesk:open-file';
const OPENABLE = new Set(['jpg', 'jpeg', 'png', 'gif', 'webp', 'pdf', 'docx', 'xlsx', 'doc', 'xls']);

/**
 * Opens an attachment with the system's viewer: written to a private temporary folder with the
 * Mark-of-the-Web (opened-attachments.ts), then handed to the shell. Only the kinds the core
 * accepts as attachments; never anything that runs.
 */
export function registerOpenFile(isTrustedSender: (e: IpcMainInvokeEvent) => boolean, copies: OpenedAttachments): void {
  ipcMain.handle(OPEN_FILE_CHANNEL, async (event, name: unknown, data: unknown) => {
    if (!isTrustedSender(event) || typeof name !== 'string' || !(data instanceof Uint8Array)) return { ok: false };
    const ext = name.toLowerCase().split('.').pop() ?? '';
    if (!OPENABLE.has(ext) || data.length > 100 * 1024 * 1024) return { ok: false };
    const file = await copies.write(name, data, ext);
    const error = await shell.openPath(file);
    return { ok: error === '' };
  });
}
