import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { connectionChoice, type ConnectionChoice, type ServerIdentity } from '../contract';

/**
 * How this desktop app reaches its ledgers (the contract's connectionChoice), kept in
 * `connection.json` in the user-data folder; chosen at the first start, changed later by an admin.
 */
export type ConnectionSettings = ConnectionChoice;

const fileOf = (userData: string) => path.join(userData, 'connection.json');

/** The saved choice; standalone when none was made. A damaged file is an error to show, not a silent switch. */
export function readConnection(userData: string): ConnectionSettings {
  const file = fileOf(userData);
  if (!existsSync(file)) return { mode: 'standalone' };
  const parsed = connectionChoice.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** Whether a choice was ever saved (the first start asks for one). */
export const hasConnection = (userData: string) => existsSync(fileOf(userData));

export function saveConnection(userData: string, settings: ConnectionSettings): void {
  writeFileSync(fileOf(userData), JSON.stringify(connectionChoice.parse(settings), null, 2));
}

/**
 * After the first start only an admin may re-point this desk, except when its server cannot be
 * reached or now presents another certificate: nobody can sign in to it then, and the desk must not
 * be stuck on it. The new choice is still confirmed by fingerprint before it is kept.
 */
export async function mayChooseWithoutSession(
  saved: ConnectionSettings,
  probe: (server: string) => Promise<ServerIdentity>,
): Promise<boolean> {
  if (saved.mode !== 'client') return false;
  const presented = await probe(saved.server).catch(() => null);
  return presented === null || presented.fingerprint !== saved.fingerprint;
}
