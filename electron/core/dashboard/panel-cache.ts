import type { ChangeFeed } from '../changes/change-feed';

interface Kept {
  today: string;
  version: number;
  epoch: number;
  /** The answer: once computed, or still being computed (desks asking meanwhile wait for the same one). */
  value: Promise<unknown>;
}

/**
 * The first screen's answers, one per source, kept until a write touches a kind of record the source
 * reads (the change feed knows which kinds each write touched) or a kind nobody declared (a new module,
 * the demo county), the day turns, or something the feed cannot see commits — a job's worker, another
 * connection, a restore, a write that named no kind (`clear`). Fifty desks opening 首页 then cost one
 * computation per change, not one per desk: those that ask while it is being computed wait for it.
 */
export class PanelCache {
  private readonly kept = new Map<string, Kept>();
  private epoch = 0;

  constructor(
    private readonly feed: ChangeFeed,
    /** Every kind some source reads, and those known to change nothing shown: any other kind touches all. */
    private readonly known: ReadonlySet<string>,
    /** Has another connection committed since the last ask (SQLite's data_version)? */
    private readonly changedElsewhere: () => boolean = () => false,
  ) {}

  /** Everything may be stale. */
  clear(): void {
    this.epoch++;
    this.kept.clear();
  }

  async get<T>(name: string, reads: readonly string[], today: string, compute: () => Promise<T>): Promise<T> {
    if (this.changedElsewhere()) this.clear();
    const hit = this.kept.get(name);
    const matters = (kind: string) => reads.includes(kind) || !this.known.has(kind);
    if (hit && hit.today === today && hit.epoch === this.epoch && !this.feed.touchedSince(hit.version, matters)) {
      try {
        return (await hit.value) as T;
      } catch {
        // The desk that computed it failed (its transaction, say): this one computes its own.
        if (this.kept.get(name) === hit) this.kept.delete(name);
      }
    }
    // Read before computing: a write that lands meanwhile is after this version, so the next call recomputes.
    const kept: Kept = { today, version: this.feed.current, epoch: this.epoch, value: compute() };
    this.kept.set(name, kept);
    try {
      return (await kept.value) as T;
    } catch (err) {
      if (this.kept.get(name) === kept) this.kept.delete(name);
      throw err;
    }
  }
}
