import { useState, type PointerEvent } from 'react';
import { usePlotArea, useXAxisInverseScale } from 'recharts';
import type { ChartPoint } from '../../state/lossHistory.ts';
import { formatValue, valuesAt, type Series } from './metricStyles.ts';
import { nearestIndex } from './seriesPath.ts';
import { useSeriesScales } from './LossSeries.tsx';
import { useText } from '../../i18n/text.ts';

/** Readout text: about this many pixels per character at the chart's 12 px font. */
const CHAR_PX = 6.8;
const ROW_PX = 16;

/**
 * What the pointer (or the keyboard, LossPlot.tsx) is over: a guide at the nearest drawn step,
 * a dot on each line there, and a box with the step and each line's value. The pointer's
 * position is this component's own state, so moving over the chart redraws this and nothing
 * else.
 */
export function HoverReadout({
  points,
  series,
  keyIndex,
}: {
  points: readonly ChartPoint[];
  series: readonly Series[];
  /** The point chosen with the keyboard (-1: none); the pointer, while over the plot, wins. */
  keyIndex: number;
}) {
  const t = useText();
  const scales = useSeriesScales();
  const stepAt = useXAxisInverseScale();
  const area = usePlotArea();
  const [pointerX, setPointerX] = useState<number | null>(null);
  if (!scales || !stepAt || !area || area.width <= 0) return null;
  const { x, yOf } = scales;

  const onMove = (e: PointerEvent<SVGRectElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    setPointerX(area.x + e.clientX - box.left);
  };
  const i = pointerX === null ? keyIndex : nearestIndex(points, Number(stepAt(pointerX)));
  const point = i >= 0 ? points[i]! : null;
  const gx = point ? x(point.step) : undefined;
  const rows = point
    ? valuesAt(point, series).flatMap(({ s, v }) => {
        const py = yOf(s)?.(v);
        return py === undefined || !Number.isFinite(py) ? [] : [{ s, v, py }];
      })
    : [];
  const title = point ? t.chart.step(point.step) : '';
  const width =
    16 +
    CHAR_PX *
      Math.max(title.length, ...rows.map((r) => r.s.label.length + 2 + formatValue(r.v).length));
  const height = 8 + ROW_PX * (rows.length + 1);
  // Beside the guide, on the side with more room, and inside the plot where it fits.
  const plotRight = area.x + area.width;
  const beside = gx === undefined ? 0 : gx < area.x + area.width / 2 ? gx + 12 : gx - 12 - width;
  const boxX = Math.max(area.x, Math.min(beside, plotRight - width));
  return (
    <g className="hover-readout">
      <rect
        data-testid="chart-hover-area"
        x={area.x}
        y={area.y}
        width={area.width}
        height={area.height}
        fill="transparent"
        onPointerMove={onMove}
        // A tap reads the chart too: a touch pointer leaves as it lifts, so its readout stays.
        onPointerDown={onMove}
        onPointerLeave={(e) => e.pointerType === 'mouse' && setPointerX(null)}
      />
      {point && gx !== undefined ? (
        <g pointerEvents="none" data-testid="chart-readout">
          <line className="readout-guide" x1={gx} x2={gx} y1={area.y} y2={area.y + area.height} />
          {rows.map((r) => (
            <circle key={r.s.name} cx={gx} cy={r.py} r={3} fill={r.s.color} />
          ))}
          <g transform={`translate(${boxX},${area.y + 4})`}>
            <rect className="readout-box" width={width} height={height} rx={4} />
            <text className="readout-title" x={8} y={ROW_PX}>
              {title}
            </text>
            {rows.map((r, k) => (
              <text key={r.s.name} x={8} y={ROW_PX * (k + 2)} fill={r.s.color}>
                {r.s.label}: {formatValue(r.v)}
              </text>
            ))}
          </g>
        </g>
      ) : null}
    </g>
  );
}
