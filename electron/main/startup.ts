import type { StartupFailureCode, StartupState } from '../contract';

/**
 * The desktop start sequence, as plain code (no Electron here, so tests/unit/electron runs it): the
 * window already shows the start screen; this opens the ledgers step by step and says which step it is
 * on, and a failure becomes a code the screen explains in words with what to do.
 */
export interface StartupSteps<T> {
  /** The data folder, shown with a failure (the backups are in it). */
  folder: string;
  /** The data folder could not be made or moved (found before the window existed). */
  dataFolderError?: unknown;
  /** Reads connection.json; throws when it is damaged. */
  readConnection(): void;
  /** Opens the core, calling `step` as it backs up and upgrades the database. */
  open(step: (phase: 'backup' | 'migrate') => void): Promise<T>;
}

export async function runStartup<T>(steps: StartupSteps<T>, publish: (state: StartupState) => void): Promise<T | null> {
  const failed = (code: StartupFailureCode, err: unknown) => {
    publish({ phase: 'failed', failure: { code, folder: steps.folder, detail: detailOf(err) } });
    return null;
  };
  publish({ phase: 'opening' });
  if (steps.dataFolderError !== undefined) return failed('data-folder', steps.dataFolderError);
  try {
    steps.readConnection();
  } catch (err) {
    return failed('connection-file', err);
  }
  try {
    const opened = await steps.open((phase) => publish({ phase }));
    publish({ phase: 'ready' });
    return opened;
  } catch (err) {
    return failed(failureCode(err), err);
  }
}

const detailOf = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 500);

/** What went wrong, from the error's code (Node's and SQLite's) or, failing that, its words. */
export function failureCode(err: unknown): StartupFailureCode {
  const code = String((err as { code?: unknown })?.code ?? '');
  const message = detailOf(err);
  if (code === 'EACCES' || code === 'EPERM') return 'no-permission';
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') return 'disk-full';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || /database is locked/i.test(message))
    return 'locked';
  if (
    code.startsWith('SQLITE_CORRUPT') ||
    code === 'SQLITE_NOTADB' ||
    /file is not a database|malformed/i.test(message)
  )
    return 'damaged';
  if (message.includes('更新版本的 GridDesk')) return 'newer-version';
  return 'unknown';
}
