/** One committed write: which kinds of record it touched, by whom, and the session it came from. */
export interface Change {
  version: number;
  entities: string[];
  by: string | null;
  at: string;
  /** The session that wrote it: its own window refreshes itself and does not need telling. */
  sessionHash: string | null;
}

const KEPT = 1000;

/**
 * What changed since a version, kept in memory by the core every client talks to: open grids and
 * queues in other windows (other PCs in office mode) refresh when someone else saves. A client
 * that fell further behind than the feed keeps is told to refresh everything.
 */
export class ChangeFeed {
  private version = 0;
  private readonly recent: Change[] = [];

  record(entities: string[], by: string | null, at: Date, sessionHash: string | null): void {
    const unique = [...new Set(entities.filter(Boolean))];
    if (unique.length === 0) return;
    this.recent.push({ version: ++this.version, entities: unique, by, at: at.toISOString(), sessionHash });
    if (this.recent.length > KEPT) this.recent.splice(0, this.recent.length - KEPT);
  }

  /** The version of the last write recorded. */
  get current(): number {
    return this.version;
  }

  /** Whether a write after `version` touched a kind that `matters` (or is too old to tell: then yes). */
  touchedSince(version: number, matters: (kind: string) => boolean): boolean {
    if (version === this.version) return false;
    const oldest = this.recent[0]?.version ?? this.version + 1;
    if (version < oldest - 1) return true;
    return this.recent.some((c) => c.version > version && c.entities.some(matters));
  }

  since(version: number, exceptSession: string | null) {
    const oldest = this.recent[0]?.version ?? this.version + 1;
    // A client that starts (version 0) learns the current version; one too far behind refreshes all.
    const reset = version > this.version || (version < oldest - 1 && version !== 0);
    const changes =
      version === 0 || reset
        ? []
        : this.recent.filter((c) => c.version > version && (exceptSession === null || c.sessionHash !== exceptSession));
    return { version: this.version, reset, changes: changes.map(({ sessionHash: _s, ...c }) => c) };
  }
}
