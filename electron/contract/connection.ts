import { z } from 'zod';

/**
 * How a desktop app reaches its ledgers, as its main process keeps it and its window shows it:
 * 单机 (its own SQLite file) or 客户端 of the office server, pinned to the certificate fingerprint its
 * user confirmed once. One schema for main's connection.json, its IPC checks and the window's form.
 */
export const serverAddress = z.string().regex(/^https:\/\/[^/\s]+$/, { error: 'connection.badAddress' });
export const certificateFingerprint = z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
export const connectionChoice = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('standalone') }),
  z.object({ mode: z.literal('client'), server: serverAddress, fingerprint: certificateFingerprint }),
]);
export type ConnectionChoice = z.infer<typeof connectionChoice>;

/** What a client is shown of a server before its user confirms it once. */
export interface ServerIdentity {
  fingerprint: string;
  subject: string;
  validTo: string;
}

/**
 * A certificate's SHA-256 fingerprint ("AB:CD:…", 32 bytes) in four groups of eight bytes: how the
 * office server prints it and the desktop client shows it, so a person compares them group by group.
 */
export const fingerprintGroups = (fingerprint: string): string[] =>
  fingerprint.match(/(?:[0-9A-F]{2}:?){1,8}/g)?.map((g) => g.replace(/:$/, '')) ?? [fingerprint];
