import Database from 'better-sqlite3';

let processBinding: string | undefined;

/**
 * Which build of better-sqlite3's native module this process loads. Node (tests, `npm run serve`)
 * uses the one in node_modules; Electron under `npm start` the copy built for its ABI (.native/),
 * set once at start-up by createCore. Every open of a SQLite file goes through openSqliteFile, so a
 * backup being checked, a file being moved and the ledgers themselves use the same build.
 */
export function useSqliteBinding(file: string | undefined): void {
  processBinding = file;
}

export const sqliteBinding = () => processBinding;

/** Opens a SQLite file with this process's build of the driver. The only `new Database` in the app. */
export function openSqliteFile(
  file: string,
  options: Omit<Database.Options, 'nativeBinding'> & { nativeBinding?: string } = {},
): Database.Database {
  const nativeBinding = options.nativeBinding ?? processBinding;
  return new Database(file, { ...options, ...(nativeBinding ? { nativeBinding } : {}) });
}

/** Errors of SQLite itself (not a database, corrupt, locked), as opposed to the driver failing to load. */
export const isSqliteError = (err: unknown): boolean =>
  typeof (err as { code?: unknown })?.code === 'string' && (err as { code: string }).code.startsWith('SQLITE_');
