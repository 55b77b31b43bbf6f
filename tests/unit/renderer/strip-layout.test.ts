import { expect, it } from 'vitest';
import { packSpans } from '../../../renderer/src/features/line-file/strip-layout';

// The 线路档案 strip draws hazards over their spans; overlapping ones must not hide each other.
it('puts overlapping spans on separate rows and reuses a row once its span has ended', () => {
  const a = { from: 10, to: 14 };
  const b = { from: 12, to: 13 };
  const c = { from: 13, to: 20 };
  const d = { from: 16, to: 18 };
  const e = { from: 30, to: 30 };
  const rows = packSpans([e, c, a, d, b]);
  expect([a, b, c, d, e].map((s) => rows.get(s))).toEqual([0, 1, 2, 0, 0]);
});

it('shares the least busy row when more overlap than there are rows', () => {
  const spans = [1, 2, 3, 4].map((n) => ({ from: n, to: 10 }));
  const rows = packSpans(spans, 3);
  expect(spans.map((s) => rows.get(s))).toEqual([0, 1, 2, 0]);
});
