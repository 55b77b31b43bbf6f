import { writeFile } from 'node:fs/promises';
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';

/** Print channels: the page that asks is printed as it is (its print stylesheet lays out A4 pages). */
export const PRINT_PDF_CHANNEL = 'griddesk:print-pdf';
export const PRINT_CHANNEL = 'griddesk:print';

function safeName(name: unknown): string {
  const s = typeof name === 'string' ? name : '打印';
  // Characters Windows refuses in file names, and control characters, become underscores.
  const cleaned = [...s].map((ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? '_' : ch)).join('');
  return `${cleaned.slice(0, 80) || '打印'}.pdf`;
}

/**
 * Desktop printing: the system print dialog, or a PDF (Chromium's printToPDF with the page's own
 * @page size and margins) saved where the user chooses.
 */
export function registerPrinting(isTrustedSender: (e: IpcMainInvokeEvent) => boolean): void {
  ipcMain.handle(PRINT_CHANNEL, async (event) => {
    if (!isTrustedSender(event)) return { ok: false };
    return new Promise((resolve) => event.sender.print({ silent: false, printBackground: true }, (ok) => resolve({ ok })));
  });
  ipcMain.handle(PRINT_PDF_CHANNEL, async (event, title: unknown) => {
    if (!isTrustedSender(event)) return { ok: false };
    const pdf = await event.sender.printToPDF({ preferCSSPageSize: true, printBackground: true });
    const win = BrowserWindow.fromWebContents(event.sender);
    const choice = win
      ? await dialog.showSaveDialog(win, { defaultPath: safeName(title), filters: [{ name: 'PDF', extensions: ['pdf'] }] })
      : await dialog.showSaveDialog({ defaultPath: safeName(title), filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    if (choice.canceled || !choice.filePath) return { ok: false };
    await writeFile(choice.filePath, pdf);
    return { ok: true, path: choice.filePath };
  });
}
