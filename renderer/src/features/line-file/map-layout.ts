// Where things go on the line's map view: plain functions, tested without a browser.
// No tiles: the towers' WGS-84 positions projected onto a plain sheet (equirectangular, shrunk east–west
// by cos(latitude), true enough over a county), fitted into the drawing with a margin.

export interface PlacedTower {
  number: number;
  longitude: number | null;
  latitude: number | null;
}
export type Point = readonly [number, number];

export interface MapLayout {
  /** Tower number → its point on the drawing, for the towers with a position in the range. */
  at: Map<number, Point>;
  /** The positioned tower numbers in the range, ascending. */
  numbers: number[];
  project: (longitude: number, latitude: number) => Point;
  /** Drawing units per kilometre on the ground. */
  perKm: number;
}

const KM_PER_DEGREE = 111.32;

/** Fits the towers `from`–`to` that have a position into width × height, or null when none has one. */
export function mapLayout(
  towers: PlacedTower[],
  from: number,
  to: number,
  width: number,
  height: number,
  margin = 48,
): MapLayout | null {
  const placed = towers.filter(
    (k): k is PlacedTower & { longitude: number; latitude: number } =>
      k.longitude !== null && k.latitude !== null && k.number >= from && k.number <= to,
  );
  if (!placed.length) return null;
  const midLatitude = placed.reduce((s, k) => s + k.latitude, 0) / placed.length;
  const shrink = Math.cos((midLatitude * Math.PI) / 180);
  const xs = placed.map((k) => k.longitude * shrink);
  const ys = placed.map((k) => k.latitude);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min(
    (width - 2 * margin) / Math.max(maxX - minX, 1e-9),
    (height - 2 * margin) / Math.max(maxY - minY, 1e-9),
    // One tower, or a short stretch: never closer than a kilometre across.
    (width - 2 * margin) * KM_PER_DEGREE,
  );
  const [cx, cy] = [(minX + maxX) / 2, (minY + maxY) / 2];
  const project = (longitude: number, latitude: number): Point => [
    width / 2 + (longitude * shrink - cx) * scale,
    height / 2 - (latitude - cy) * scale,
  ];
  const sorted = [...placed].sort((a, b) => a.number - b.number);
  return {
    at: new Map(sorted.map((k) => [k.number, project(k.longitude, k.latitude)])),
    numbers: sorted.map((k) => k.number),
    project,
    perKm: scale / KM_PER_DEGREE,
  };
}

/** The positioned towers from `a` to `b` in order: the path a span range runs along. */
export function pathBetween(layout: MapLayout, a: number, b: number): Point[] {
  return layout.numbers.filter((n) => n >= a && n <= b).map((n) => layout.at.get(n)!);
}

/**
 * The unit normal to the line at tower n (left of the direction of travel), from its positioned
 * neighbours, so marks of different kinds at one tower sit side by side instead of on top of each other.
 */
export function normalAt(layout: MapLayout, n: number): Point {
  const i = layout.numbers.indexOf(n);
  if (i < 0 || layout.numbers.length < 2) return [0, -1];
  const a = layout.at.get(layout.numbers[Math.max(0, i - 1)]!)!;
  const b = layout.at.get(layout.numbers[Math.min(layout.numbers.length - 1, i + 1)]!)!;
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const length = Math.hypot(dx, dy);
  return length === 0 ? [0, -1] : [dy / length, -dx / length];
}

/** The longest round length (km) whose bar fits in `room` drawing units, and the bar's length. */
export function scaleBar(perKm: number, room: number): { km: number; length: number } {
  const lengths = [0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100];
  const km = [...lengths].reverse().find((k) => k * perKm <= room) ?? lengths[0]!;
  return { km, length: km * perKm };
}
