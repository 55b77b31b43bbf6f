import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { ApiError, IPC_CHANNEL, isMethodName, type ApiErrorBody } from '../contract';
import type { Dispatcher } from '../core/dispatch';

export type IpcReply = { ok: true; result: unknown } | { ok: false; error: ApiErrorBody };

/** The one IPC handler: only our own window's main frame, only contract methods, then dispatch. */
/** `core` settles once the start screen's steps are done (null when the ledgers could not be opened). */
export function registerIpc(
  core: () => Promise<Dispatcher | null>,
  isTrustedSender: (e: IpcMainInvokeEvent) => boolean,
): void {
  ipcMain.handle(IPC_CHANNEL, async (event, payload: unknown): Promise<IpcReply> => {
    if (!isTrustedSender(event)) return { ok: false, error: { code: 'FORBIDDEN', message: 'errors.forbidden' } };
    const { method, input, token } = (payload ?? {}) as { method?: unknown; input?: unknown; token?: unknown };
    if (typeof method !== 'string' || !isMethodName(method)) {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: 'errors.unknownMethod' } };
    }
    try {
      const ready = await core();
      if (!ready) return { ok: false, error: { code: 'INTERNAL', message: 'errors.internal' } };
      const result = await ready.dispatch(method, input, { token: typeof token === 'string' ? token : null });
      return { ok: true, result };
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError({ code: 'INTERNAL', message: 'errors.internal' });
      return { ok: false, error: err.toBody() };
    }
  });
}
