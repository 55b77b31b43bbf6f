import { useTranslation } from 'react-i18next';
import type { LineFile } from '@contract';
import {
  DEFECT_COLOURS,
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
import { packSpans, tickStep } from './strip-layout';

// The line drawn from tower `from` to `to`, one lane per kind of record, in SVG: text stays text
// (it prints and it is searchable), and each mark is an element a test can find and a user can click.

const WIDTH = 1200;
const LABELS = 120;
const LANE = 34;
const AXIS = 26;
const LANES = ['towers', 'hazards', 'devices', 'trips', 'defects', 'upgrades'] as const;

export function LineStrip({ file, from, to }: { file: LineFile; from: number; to: number }) {
  const { t } = useTranslation();
  const span = Math.max(1, to - from + 1);
  const plot = WIDTH - LABELS - 10;
  /** The left edge of tower n's cell. */
  const x = (n: number) => LABELS + ((n - from) / span) * plot;
  const cell = plot / span;
  const laneY = (lane: (typeof LANES)[number]) => AXIS + LANES.indexOf(lane) * LANE;
  const height = AXIS + LANES.length * LANE + 4;
  const shown = (a: number, b = a) => b >= from && a <= to;
  const centre = (n: number) => x(n) + cell / 2;
  const r = Math.max(3, Math.min(8, cell / 2.5));

  const hazards = file.hazards.filter((h) => shown(h.from, h.to));
  const rowOf = packSpans(hazards);
  const rows = Math.max(1, ...[...rowOf.values()].map((r) => r + 1));
  const barHeight = (LANE - 8) / rows;

  const step = tickStep(span);
  const ticks: number[] = [];
  for (let n = Math.ceil(from / step) * step; n <= to; n += step) ticks.push(Math.max(n, 1));
  if (ticks[0] !== from) ticks.unshift(from);

  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      role="img"
      aria-label={t('lineFile.title')}
      data-testid="line-strip"
      style={{ display: 'block', flexShrink: 0, background: '#fff', border: '1px solid #f0f0f0', borderRadius: 6 }}
    >
      {LANES.map((lane, i) => (
        <g key={lane}>
          <rect x={0} y={laneY(lane)} width={WIDTH} height={LANE} fill={i % 2 ? '#fafafa' : '#fff'} />
          <text x={8} y={laneY(lane) + LANE / 2 + 4} fontSize={12} fill="#595959">
            {t(`lineFile.lanes.${lane}`)}
          </text>
        </g>
      ))}
      {/* The tower axis: ticks and numbers. */}
      <line x1={LABELS} x2={WIDTH - 10} y1={AXIS - 4} y2={AXIS - 4} stroke="#bfbfbf" />
      {ticks.map((n) => (
        <g key={`tick-${n}`}>
          <line x1={centre(n)} x2={centre(n)} y1={AXIS - 8} y2={AXIS - 4} stroke="#8c8c8c" />
          <text x={centre(n)} y={AXIS - 11} fontSize={10} textAnchor="middle" fill="#8c8c8c">
            #{n}
          </text>
        </g>
      ))}
      {/* Towers: the line itself, with strain, angle and terminal towers marked where known. */}
      <line
        x1={LABELS}
        x2={WIDTH - 10}
        y1={laneY('towers') + LANE / 2}
        y2={laneY('towers') + LANE / 2}
        stroke="#1f1f1f"
        strokeWidth={2}
      />
      {file.towers
        .filter((k) => shown(k.number) && k.kind !== 'tangent')
        .map((k) => (
          <rect
            key={`tower-${k.number}`}
            x={centre(k.number) - 2}
            y={laneY('towers') + LANE / 2 - 7}
            width={4}
            height={14}
            fill="#1f1f1f"
          >
            <title>{`#${k.number} ${t(`reference.towerKinds.${k.kind}`)}`}</title>
          </rect>
        ))}
      {hazards.map((h) => (
        <Mark key={h.id} testId={`strip-hazard-${h.id}`} text={hazardText(t, h)}>
          <rect
            x={x(Math.max(h.from, from))}
            y={laneY('hazards') + 4 + rowOf.get(h)! * barHeight}
            width={Math.max(3, (Math.min(h.to, to) - Math.max(h.from, from) + 1) * cell)}
            height={Math.max(3, barHeight - 2)}
            rx={2}
            fill={GRADE_COLOURS[h.grade]}
            data-grade={h.grade}
          />
        </Mark>
      ))}
      {file.devices
        .filter((d) => d.tower !== null && shown(d.tower))
        .map((d) => {
          const cx = centre(d.tower!);
          const cy = laneY('devices') + LANE / 2;
          return (
            <Mark key={d.id} testId={`strip-device-${d.id}`} text={deviceText(t, d)}>
              <DeviceSymbol d={d} cx={cx} cy={cy} r={r} />
            </Mark>
          );
        })}
      {file.trips.map((trip) => {
        const age = tripAge(file, trip.occurredAt);
        const towers = trip.towers.filter((n) => shown(n));
        if (!towers.length) return null;
        const a = Math.min(...towers);
        const b = Math.max(...towers);
        const cy = laneY('trips') + LANE / 2;
        return (
          <Mark key={trip.id} testId={`strip-trip-${trip.id}`} text={tripText(t, file.line.id, trip, towers)}>
            {a !== b && (
              <line x1={centre(a)} x2={centre(b)} y1={cy} y2={cy} stroke={TRIP_COLOURS[age]} strokeWidth={3} />
            )}
            <polygon
              points={`${centre(a)},${cy - r} ${centre(a) + r},${cy} ${centre(a)},${cy + r} ${centre(a) - r},${cy}`}
              fill={TRIP_COLOURS[age]}
            />
          </Mark>
        );
      })}
      {file.defects
        .filter((d) => d.tower !== null && shown(d.tower))
        .map((d) => (
          <Mark key={d.id} testId={`strip-defect-${d.id}`} text={defectText(t, d)}>
            <rect
              x={centre(d.tower!) - r}
              y={laneY('defects') + LANE / 2 - r}
              width={2 * r}
              height={2 * r}
              fill={DEFECT_COLOURS[d.grade]}
            />
          </Mark>
        ))}
      {file.upgrades
        .filter((u) => u.tower !== null && shown(u.tower))
        .map((u) => (
          <Mark key={u.id} testId={`strip-upgrade-${u.id}`} text={upgradeText(t, u)}>
            <rect
              x={centre(u.tower!) - r * 1.4}
              y={laneY('upgrades') + LANE / 2 - r}
              width={2.8 * r}
              height={2 * r}
              rx={r}
              fill={upgradeColour(u.status)}
            />
          </Mark>
        ))}
    </svg>
  );
}
