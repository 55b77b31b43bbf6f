import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * How this desktop app reaches its ledgers: 单机 (standalone, its own SQLite file) or 客户端 (client
 * of the office server, pinned to the certificate fingerprint its user confirmed once). Kept in
 * `connection.json` in the user-data folder; written by an administrator (README: 办公室服务器).
 */
export const connectionSettings = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('standalone') }),
  z.object({
    mode: z.literal('client'),
    server: z.string().url().startsWith('https://'),
    fingerprint: z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/),
  }),
]);
export type ConnectionSettings = z.infer<typeof connectionSettings>;

const fileOf = (userData: string) => path.join(userData, 'connection.json');

/** The saved choice; standalone when none was made. A damaged file is an error to show, not a silent switch. */
export function readConnection(userData: string): ConnectionSettings {
  const file = fileOf(userData);
  if (!existsSync(file)) return { mode: 'standalone' };
  const parsed = connectionSettings.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** Whether a choice was ever saved (the first start asks for one). */
export const hasConnection = (userData: string) => existsSync(fileOf(userData));

export function saveConnection(userData: string, settings: ConnectionSettings): void {
  writeFileSync(fileOf(userData), JSON.stringify(connectionSettings.parse(settings), null, 2));
}
