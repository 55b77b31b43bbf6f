// Where things go on the line strip: plain functions, tested without a browser.

/** Overlapping spans side by side: each hazard gets the first of `rows` sub-rows free at its first tower. */
export function packSpans<T extends { from: number; to: number }>(spans: T[], rows = 3): Map<T, number> {
  const ends: number[] = [];
  const placed = new Map<T, number>();
  for (const s of [...spans].sort((a, b) => a.from - b.from || a.to - b.to)) {
    let row = ends.findIndex((end) => end < s.from);
    if (row < 0) row = ends.length < rows ? ends.length : ends.indexOf(Math.min(...ends));
    ends[row] = Math.max(ends[row] ?? 0, s.to);
    placed.set(s, row);
  }
  return placed;
}

/** A tower number every 1, 5, 10, 20, 50… towers: about a dozen across a range of `span` towers. */
export function tickStep(span: number): number {
  for (const step of [1, 5, 10, 20, 50, 100, 200, 500]) if (span / step <= 14) return step;
  return 1000;
}
