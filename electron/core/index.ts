import { ensureAdmin } from './accounts/accounts.repository';
import { openDatabase, type OpenOptions } from './db/connection';
import { migrate } from './db/migrate';
import { createDispatcher, type Dispatcher } from './dispatch';
import { seedSettings } from './settings/settings.handlers';

export interface Core extends Dispatcher {
  close(): Promise<void>;
  /** For tests and tools that inspect the file directly. */
  readonly file: string;
}

export interface CoreOptions extends OpenOptions {
  clock?: () => Date;
}

/** Opens (or creates) the database, brings its schema up to date and returns the dispatcher. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const handle = openDatabase(options);
  try {
    await migrate(handle.db);
    const now = (options.clock ?? (() => new Date()))().toISOString();
    await handle.db.transaction().execute(async (trx) => {
      await ensureAdmin(trx, now);
      await seedSettings(trx);
    });
  } catch (err) {
    await handle.close();
    throw err;
  }
  const dispatcher = createDispatcher(handle.db, options.clock);
  return { dispatch: dispatcher.dispatch, close: handle.close, file: options.file };
}

export { ApiError } from '../contract';
