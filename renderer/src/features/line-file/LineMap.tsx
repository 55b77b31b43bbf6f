import { useTranslation } from 'react-i18next';
import type { LineFile } from '@contract';
import {
  DEFECT_COLOURS,
  DEVICE_COLOURS,
  DeviceSymbol,
  GRADE_COLOURS,
  Mark,
  TRIP_COLOURS,
  defectText,
  deviceText,
  hazardText,
  tripAge,
  tripText,
  upgradeColour,
  upgradeText,
} from './line-marks';
import { mapLayout, normalAt, pathBetween, scaleBar, type MapLayout, type Point } from './map-layout';
import { tickStep } from './strip-layout';

// The line's path from its towers' positions, on a plain sheet: offices have no internet, so no map
// tiles — only the path, the records on it, and the townships' names where their seats are known.

export const MAP_WIDTH = 1200;
export const MAP_HEIGHT = 500;
/** A band along the bottom for north, the scale and the key, so they never cover the line. */
const FOOTER = 36;
/** How far from the path each kind of mark sits, so marks at one tower do not cover each other. */
const OFFSET = { devices: 13, trips: -13, defects: 26, upgrades: -26 } as const;

const points = (ps: Point[]) => ps.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ');

export function LineMap({ file, from, to }: { file: LineFile; from: number; to: number }) {
  const { t } = useTranslation();
  const layout = mapLayout(file.towers, from, to, MAP_WIDTH, MAP_HEIGHT - FOOTER);
  if (!layout) return null;
  const beside = (n: number, by: number): Point | null => {
    const p = layout.at.get(n);
    if (!p) return null;
    const [nx, ny] = normalAt(layout, n);
    return [p[0] + nx * by, p[1] + ny * by];
  };
  const step = tickStep(to - from + 1);
  // The first and last tower, and every step between that is not crowding them.
  const [first, last] = [layout.numbers[0]!, layout.numbers[layout.numbers.length - 1]!];
  const labelled = layout.numbers.filter(
    (n) => n === first || n === last || (n % step === 0 && n - first >= step / 2 && last - n >= step / 2),
  );
  const places = file.places
    .map((p) => ({ ...p, at: layout.project(p.longitude, p.latitude) }))
    .filter(({ at: [x, y] }) => x > 20 && x < MAP_WIDTH - 60 && y > 20 && y < MAP_HEIGHT - FOOTER - 10);
  const bar = scaleBar(layout.perKm, 160);
  const r = 5;

  return (
    <svg
      viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
      width="100%"
      role="img"
      aria-label={t('lineFile.map.title')}
      data-testid="line-map"
      style={{
        display: 'block',
        flexShrink: 0,
        background: '#f7f7f2',
        border: '1px solid #f0f0f0',
        borderRadius: 6,
      }}
    >
      {places.map((p) => (
        <g key={p.name} data-testid="map-place">
          <circle cx={p.at[0]} cy={p.at[1]} r={3} fill="#8c8c8c" />
          <text x={p.at[0] + 6} y={p.at[1] + 5} fontSize={15} fill="#737373">
            {p.name}
          </text>
        </g>
      ))}
      <Path layout={layout} />
      {file.hazards.map((h) => {
        const along = pathBetween(layout, h.from, h.to);
        if (!along.length) return null;
        return (
          <Mark key={h.id} testId={`map-hazard-${h.id}`} text={hazardText(t, h)}>
            {along.length === 1 ? (
              <circle cx={along[0]![0]} cy={along[0]![1]} r={7} fill={GRADE_COLOURS[h.grade]} opacity={0.8} />
            ) : (
              <polyline
                points={points(along)}
                fill="none"
                stroke={GRADE_COLOURS[h.grade]}
                strokeWidth={9}
                strokeLinecap="round"
                strokeLinejoin="round"
                opacity={0.75}
                data-grade={h.grade}
              />
            )}
          </Mark>
        );
      })}
      {file.towers
        .filter((k) => layout.at.has(k.number))
        .map((k) => {
          const [x, y] = layout.at.get(k.number)!;
          return k.kind === 'tangent' ? (
            <circle key={k.number} cx={x} cy={y} r={1.8} fill="#1f1f1f" />
          ) : (
            <rect key={k.number} x={x - 3} y={y - 3} width={6} height={6} fill="#1f1f1f">
              <title>{`#${k.number} ${t(`reference.towerKinds.${k.kind}`)}`}</title>
            </rect>
          );
        })}
      {labelled.map((n) => {
        const [x, y] = beside(n, -40)!;
        return (
          <text key={n} x={x} y={y + 4} fontSize={13} fill="#595959" textAnchor="middle">
            #{n}
          </text>
        );
      })}
      {file.devices.map((d) => {
        const at = d.tower === null ? null : beside(d.tower, OFFSET.devices);
        if (!at) return null;
        const [cx, cy] = at;
        return (
          <Mark key={d.id} testId={`map-device-${d.id}`} text={deviceText(t, d)}>
            <DeviceSymbol d={d} cx={cx} cy={cy} r={r} />
          </Mark>
        );
      })}
      {file.trips.map((trip) => {
        const towers = trip.towers.filter((n) => layout.at.has(n));
        if (!towers.length) return null;
        const [cx, cy] = beside(Math.min(...towers), OFFSET.trips)!;
        return (
          <Mark key={trip.id} testId={`map-trip-${trip.id}`} text={tripText(t, file.line.id, trip, towers)}>
            <polygon
              points={`${cx},${cy - r} ${cx + r},${cy} ${cx},${cy + r} ${cx - r},${cy}`}
              fill={TRIP_COLOURS[tripAge(file, trip.occurredAt)]}
            />
          </Mark>
        );
      })}
      {file.defects.map((d) => {
        const at = d.tower === null ? null : beside(d.tower, OFFSET.defects);
        if (!at) return null;
        return (
          <Mark key={d.id} testId={`map-defect-${d.id}`} text={defectText(t, d)}>
            <rect x={at[0] - r} y={at[1] - r} width={2 * r} height={2 * r} fill={DEFECT_COLOURS[d.grade]} />
          </Mark>
        );
      })}
      {file.upgrades.map((u) => {
        const at = u.tower === null ? null : beside(u.tower, OFFSET.upgrades);
        if (!at) return null;
        return (
          <Mark key={u.id} testId={`map-upgrade-${u.id}`} text={upgradeText(t, u)}>
            <rect x={at[0] - 7} y={at[1] - r} width={14} height={2 * r} rx={r} fill={upgradeColour(u.status)} />
          </Mark>
        );
      })}
      {/* North, the scale and the key: what a reader of a paper map looks for first. */}
      <g transform={`translate(0 ${MAP_HEIGHT - FOOTER})`}>
        <line x1={0} x2={MAP_WIDTH} y1={0} y2={0} stroke="#e8e8e0" />
        <g transform="translate(24 24)" fill="#595959">
          <polygon points="0,-14 6,2 0,-1 -6,2" />
          <text x={12} y={2} fontSize={14}>
            {t('lineFile.map.north')}
          </text>
        </g>
        <g transform="translate(80 22)" data-testid="map-scale">
          <line x1={0} x2={bar.length} y1={0} y2={0} stroke="#595959" strokeWidth={2} />
          <line x1={0} x2={0} y1={-5} y2={0} stroke="#595959" strokeWidth={2} />
          <line x1={bar.length} x2={bar.length} y1={-5} y2={0} stroke="#595959" strokeWidth={2} />
          <text x={bar.length + 6} y={5} fontSize={14} fill="#595959">
            {bar.km >= 1 ? `${bar.km} km` : `${bar.km * 1000} m`}
          </text>
        </g>
        <Legend />
      </g>
    </svg>
  );
}

/** What each kind of mark is: the strip names its lanes, the map needs a key. */
function Legend() {
  const { t } = useTranslation();
  const rows = [
    { lane: 'hazards', shape: <rect x={-8} y={-3} width={16} height={6} rx={3} fill={GRADE_COLOURS.emergency} /> },
    { lane: 'devices', shape: <circle r={5} fill={DEVICE_COLOURS.passed} /> },
    { lane: 'trips', shape: <polygon points="0,-5 5,0 0,5 -5,0" fill={TRIP_COLOURS[0]} /> },
    { lane: 'defects', shape: <rect x={-5} y={-5} width={10} height={10} fill={DEFECT_COLOURS.serious} /> },
    { lane: 'upgrades', shape: <rect x={-7} y={-5} width={14} height={10} rx={5} fill={upgradeColour('submitted')} /> },
  ] as const;
  // Each entry as wide as its words (a CJK character about 13 units at this size, others about 7), laid right to left.
  const labels = rows.map((r) => t(`lineFile.lanes.${r.lane}`));
  const widths = labels.map((l) => 34 + [...l].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 13 : 7), 0));
  const starts = widths.map((_, i) => MAP_WIDTH - 16 - widths.slice(i).reduce((a, b) => a + b, 0));
  return (
    <g data-testid="map-legend" transform="translate(0 22)">
      {rows.map((r, i) => (
        <g key={r.lane} transform={`translate(${starts[i]! + 10} 0)`}>
          {r.shape}
          <text x={14} y={5} fontSize={13} fill="#595959">
            {labels[i]}
          </text>
        </g>
      ))}
    </g>
  );
}

/** The line itself: solid between neighbouring towers, dashed across towers that have no position. */
function Path({ layout }: { layout: MapLayout }) {
  const segments: { a: number; b: number }[] = [];
  layout.numbers.forEach((n, i) => {
    if (i > 0) segments.push({ a: layout.numbers[i - 1]!, b: n });
  });
  return (
    <g data-testid="map-path">
      {segments.map(({ a, b }) => {
        const [p, q] = [layout.at.get(a)!, layout.at.get(b)!];
        return (
          <line
            key={a}
            x1={p[0]}
            y1={p[1]}
            x2={q[0]}
            y2={q[1]}
            stroke="#1f1f1f"
            strokeWidth={2}
            strokeDasharray={b - a > 1 ? '6 5' : undefined}
          />
        );
      })}
    </g>
  );
}
