import { describe, expect, test } from 'vitest';
import { mapLayout, normalAt, pathBetween, scaleBar } from '../../../renderer/src/features/line-file/map-layout';

// The map view's geometry: fitted to the drawing, north up, east–west true to scale at the county's latitude.
const tower = (number: number, longitude: number | null, latitude: number | null) => ({ number, longitude, latitude });
// Five towers running due east 1 km apart at 29°N (1 km ≈ 0.01028° of longitude there), #3 without a position.
const east = [0, 1, 2, 3, 4].map((i) => tower(i + 1, i === 2 ? null : 111.7 + i * 0.010284, 29.03));

describe('the map layout', () => {
  test('is null when no tower in the range has a position', () => {
    expect(mapLayout([tower(1, null, null)], 1, 1, 1200, 560)).toBeNull();
    expect(mapLayout(east, 6, 9, 1200, 560)).toBeNull();
  });

  test('fits the positioned towers into the drawing inside its margin, in number order, skipping #3', () => {
    const layout = mapLayout(east, 1, 5, 1200, 560, 50)!;
    expect(layout.numbers).toEqual([1, 2, 4, 5]);
    const xs = layout.numbers.map((n) => layout.at.get(n)![0]);
    expect(xs[0]).toBeCloseTo(50, 5);
    expect(xs[3]).toBeCloseTo(1150, 5);
    // Due east: one height, centred.
    expect(new Set(layout.numbers.map((n) => layout.at.get(n)![1].toFixed(6)))).toEqual(new Set(['280.000000']));
    // 4 km across 1100 units.
    expect(layout.perKm).toBeCloseTo(1100 / 4, 0);
  });

  test('puts north up and keeps a kilometre east as long as a kilometre north', () => {
    const corner = [tower(1, 111.7, 29.03), tower(2, 111.710284, 29.03), tower(3, 111.710284, 29.038983)];
    const layout = mapLayout(corner, 1, 3, 1000, 1000, 0)!;
    const [a, b, c] = [1, 2, 3].map((n) => layout.at.get(n)!);
    expect(c![1]).toBeLessThan(b![1]);
    expect(b![0] - a![0]).toBeCloseTo(b![1] - c![1], -1);
  });

  test('draws only the zoomed range, fitted to it', () => {
    const layout = mapLayout(east, 4, 5, 1200, 560, 50)!;
    expect(layout.numbers).toEqual([4, 5]);
    expect(layout.at.get(4)![0]).toBeCloseTo(50, 5);
  });

  test('a span range follows the positioned towers inside it', () => {
    const layout = mapLayout(east, 1, 5, 1200, 560)!;
    expect(pathBetween(layout, 2, 4)).toEqual([layout.at.get(2), layout.at.get(4)]);
    expect(pathBetween(layout, 3, 3)).toEqual([]);
  });

  test('the normal at a tower is square to the line, so marks sit beside it', () => {
    const layout = mapLayout(east, 1, 5, 1200, 560)!;
    const [nx, ny] = normalAt(layout, 2);
    expect(nx).toBeCloseTo(0, 9);
    expect(Math.abs(ny)).toBeCloseTo(1, 9);
  });

  test('one tower alone is drawn a kilometre across, not infinitely close', () => {
    const layout = mapLayout([tower(1, 111.7, 29.03)], 1, 1, 1200, 560, 50)!;
    expect(layout.perKm).toBeCloseTo(1100, 0);
    expect(layout.at.get(1)).toEqual([600, 280]);
  });
});

test('the scale bar is the longest round length that fits', () => {
  expect(scaleBar(275, 160)).toEqual({ km: 0.5, length: 137.5 });
  expect(scaleBar(10, 160)).toEqual({ km: 10, length: 100 });
});
