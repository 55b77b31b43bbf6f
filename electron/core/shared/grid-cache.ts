/**
 * What the grids learned since the last write: row counts by query, and for deep pages the whole
 * order of a query as a list of ids. A million-row grid then counts once and finds row 600,000 by
 * position instead of walking an index to it on every block. Dispatch clears it after every write;
 * `changedElsewhere` catches commits by other connections (an import's worker).
 */
export class GridCache {
  private readonly counts = new Map<string, number>();
  private readonly orders = new Map<string, Int32Array | number[]>();
  private orderedIds = 0;

  constructor(
    private readonly changedElsewhere: () => boolean = () => false,
    /** How many ids all cached orders may hold together (4 bytes each). */
    private readonly maxIds = 6_000_000,
  ) {}

  clear(): void {
    this.counts.clear();
    this.orders.clear();
    this.orderedIds = 0;
  }

  private fresh(): void {
    if (this.changedElsewhere()) this.clear();
  }

  count(key: string): number | undefined {
    this.fresh();
    return this.counts.get(key);
  }

  setCount(key: string, n: number): void {
    if (this.counts.size > 500) this.counts.clear();
    this.counts.set(key, n);
  }

  order(key: string): ArrayLike<number> | undefined {
    this.fresh();
    const ids = this.orders.get(key);
    if (ids) {
      // Most recently used last: eviction takes the oldest first.
      this.orders.delete(key);
      this.orders.set(key, ids);
    }
    return ids;
  }

  setOrder(key: string, ids: number[]): ArrayLike<number> {
    const packed = ids.every((id) => Number.isInteger(id) && id >= 0 && id <= 0x7fffffff) ? Int32Array.from(ids) : ids;
    if (ids.length > this.maxIds) return packed;
    for (const [k, old] of this.orders) {
      if (this.orderedIds + ids.length <= this.maxIds) break;
      this.orders.delete(k);
      this.orderedIds -= old.length;
    }
    this.orders.set(key, packed);
    this.orderedIds += ids.length;
    return packed;
  }
}
