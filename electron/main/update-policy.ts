import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { updateSourceSchema, type ConnectionChoice, type UpdateSource, type UpdateState } from '../contract';

/**
 * The desk's update decisions as plain code (tests/unit/electron/update-policy.test.ts): whether to
 * check, where, how often, and what the header shows for each thing electron-updater reports.
 * electron-updater itself (download, sha512 check against latest.yml, install) is wired in updater.ts.
 */
export const CHECK_EVERY_MS = 24 * 3600 * 1000;

export type UpdatePlan =
  | { check: false; why: 'not-installed' | 'no-source' }
  | {
      check: true;
      feed:
        { kind: 'url'; url: string; pinnedHost?: string; fingerprint?: string } | { kind: 'folder'; folder: string };
    };

/**
 * A desk in client mode always asks its office server (pinned to the certificate its user confirmed);
 * a standalone desk asks the address or shared folder set in settings, or never (the default).
 * Only an installed app updates: from source (`npm start`) there is nothing to replace.
 */
export function updatePlan(connection: ConnectionChoice, source: UpdateSource, installed: boolean): UpdatePlan {
  if (!installed) return { check: false, why: 'not-installed' };
  if (connection.mode === 'client') {
    return {
      check: true,
      feed: {
        kind: 'url',
        url: `${connection.server}/updates/`,
        pinnedHost: new URL(connection.server).host,
        fingerprint: connection.fingerprint,
      },
    };
  }
  if (source.kind === 'url')
    return { check: true, feed: { kind: 'url', url: source.url.endsWith('/') ? source.url : `${source.url}/` } };
  if (source.kind === 'folder') return { check: true, feed: { kind: 'folder', folder: source.folder } };
  return { check: false, why: 'no-source' };
}

/** Checked at start, then once a day while the app stays open. */
export const dueToCheck = (lastCheck: Date | null, now: Date) =>
  lastCheck === null || now.getTime() - lastCheck.getTime() >= CHECK_EVERY_MS;

/**
 * The certificate check for the updater's own session: the office server's host must present the
 * pinned certificate (self-signed, so the system would refuse it); any other host is left to Chromium.
 * Returns Chromium's verdict: 0 accept, -2 refuse, -3 use the default check.
 */
export function certificateVerdict(plan: UpdatePlan, host: string, presentedFingerprint: string): 0 | -2 | -3 {
  if (!plan.check || plan.feed.kind !== 'url' || !plan.feed.pinnedHost) return -3;
  if (host !== new URL(`https://${plan.feed.pinnedHost}`).hostname) return -3;
  return presentedFingerprint === plan.feed.fingerprint ? 0 : -2;
}

export type UpdaterEvent =
  | { type: 'checking' }
  | { type: 'available'; version: string }
  | { type: 'not-available' }
  | { type: 'progress'; percent: number }
  | { type: 'downloaded'; version: string }
  | { type: 'error'; message: string };

/** What the header shows after each updater event. A downloaded version stays offered until the restart. */
export function nextUpdateState(state: UpdateState, event: UpdaterEvent, now: Date): UpdateState {
  if (state.phase === 'ready' && event.type !== 'downloaded') return state;
  switch (event.type) {
    case 'checking':
      return state.phase === 'downloading' ? state : { phase: 'checking' };
    case 'available':
      return { phase: 'downloading', version: event.version, percent: 0 };
    case 'progress':
      return state.phase === 'downloading'
        ? { ...state, percent: Math.max(0, Math.min(100, Math.floor(event.percent))) }
        : state;
    case 'downloaded':
      return { phase: 'ready', version: event.version };
    case 'not-available':
      return { phase: 'current', checkedAt: now.toISOString() };
    case 'error':
      // The server may simply be off today: said quietly on the settings page, never as a modal.
      return { phase: 'error', message: event.message.split('\n')[0]!.slice(0, 200) };
  }
}

const fileOf = (userData: string) => path.join(userData, 'updates.json');

/** The standalone desk's source; none set (or a damaged file) means never check. */
export function readUpdateSource(userData: string): UpdateSource {
  const file = fileOf(userData);
  if (!existsSync(file)) return { kind: 'never' };
  try {
    const parsed = updateSourceSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : { kind: 'never' };
  } catch {
    return { kind: 'never' };
  }
}

export function saveUpdateSource(userData: string, source: UpdateSource): void {
  writeFileSync(fileOf(userData), JSON.stringify(updateSourceSchema.parse(source), null, 2));
}
