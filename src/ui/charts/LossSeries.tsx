import { createContext, useContext, useMemo } from 'react';
import { useXAxisScale, useYAxisScale } from 'recharts';
import type { ChartPoint } from '../../state/lossHistory.ts';
import { unitOn, type AxisTicks } from './axisTicks.ts';
import type { Series } from './metricStyles.ts';
import { pathData, type Scale } from './seriesPath.ts';

/** The value axes' ticks as drawn (LossPlot computes them; ValueTicks labels them). */
export interface ValueAxes {
  left: AxisTicks;
  right: AxisTicks;
  log: boolean;
}
export const ValueAxesContext = createContext<ValueAxes | null>(null);

/**
 * Pixel scales for the step axis and for each value axis, null before layout. recharts' value
 * axes span [0, 1] (LossPlot.tsx says why): a value goes to its place on our ticks (unitOn),
 * then through recharts' scale.
 */
export function useSeriesScales(): {
  x: Scale;
  left: Scale | undefined;
  right: Scale | undefined;
  yOf: (s: Series) => Scale | undefined;
} | null {
  const x = useXAxisScale() as Scale | undefined;
  const leftUnit = useYAxisScale('left') as Scale | undefined;
  const rightUnit = useYAxisScale('right') as Scale | undefined;
  const axes = useContext(ValueAxesContext);
  return useMemo(() => {
    if (!x || !axes) return null;
    const on = (unit: Scale | undefined, a: AxisTicks): Scale | undefined => {
      if (!unit) return undefined;
      const at = unitOn(a, axes.log);
      return (v) => unit(at(v));
    };
    const left = on(leftUnit, axes.left);
    const right = on(rightUnit, axes.right);
    return { x, left, right, yOf: (s) => (s.axis === 'right' ? right : left) };
  }, [x, leftUnit, rightUnit, axes]);
}

/**
 * The loss lines, inside the recharts chart and placed by its axis scales (recharts' hooks for
 * custom chart elements). A redraw is a few path strings: the axes, the grid and recharts'
 * store only redraw when the step axis's ticks change (seriesPath.ts says why).
 */
export function LossSeries({
  points,
  series,
}: {
  points: readonly ChartPoint[];
  series: readonly Series[];
}) {
  const scales = useSeriesScales();
  if (!scales) return null;
  const { x, yOf } = scales;
  return (
    <g className="loss-series">
      {series.map((s) => {
        const y = yOf(s);
        if (!y) return null;
        return (
          <path
            key={s.name}
            data-metric={s.name}
            d={pathData(points, s.name, x, y)}
            fill="none"
            stroke={s.color}
            strokeWidth={1.6}
            strokeLinejoin="round"
            strokeDasharray={s.dashed ? '5 3' : undefined}
          />
        );
      })}
    </g>
  );
}

/** A value a line of the chart is read against (the GAN's equilibrium), on that line's axis. */
export interface Reference {
  metric: Series['name'];
  value: number;
}

/**
 * Dashed horizontal lines at the reference values of the lines shown, across the steps drawn,
 * in their line's color. A value outside its axis's span is left out.
 */
export function ReferenceLines({
  points,
  series,
  references,
}: {
  points: readonly ChartPoint[];
  series: readonly Series[];
  references: readonly Reference[];
}) {
  const scales = useSeriesScales();
  const axes = useContext(ValueAxesContext);
  if (!scales || !axes || points.length < 2) return null;
  const [x0, x1] = [scales.x(points[0]!.step), scales.x(points.at(-1)!.step)];
  return (
    <g className="reference-lines">
      {references.map((r) => {
        const s = series.find((l) => l.name === r.metric);
        const y = s ? scales.yOf(s) : undefined;
        const [lo, hi] = axes[s?.axis ?? 'left'].domain;
        if (!s || !y || r.value < lo || r.value > hi) return null;
        return (
          <line
            key={r.metric}
            data-reference={r.metric}
            x1={x0}
            x2={x1}
            y1={y(r.value)}
            y2={y(r.value)}
            stroke={s.color}
            strokeOpacity={0.7}
            strokeWidth={1}
            strokeDasharray="2 4"
          />
        );
      })}
    </g>
  );
}
