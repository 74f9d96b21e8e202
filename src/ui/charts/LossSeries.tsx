import { useXAxisScale, useYAxisScale } from 'recharts';
import type { ChartPoint } from '../../state/lossHistory.ts';
import type { Series } from './metricStyles.ts';
import { pathData, type Scale } from './seriesPath.ts';

/** recharts' scales for the step axis and for each line's value axis; null before layout. */
export function useSeriesScales(): { x: Scale; yOf: (s: Series) => Scale | undefined } | null {
  const x = useXAxisScale() as Scale | undefined;
  const left = useYAxisScale('left') as Scale | undefined;
  const right = useYAxisScale('right') as Scale | undefined;
  return x ? { x, yOf: (s) => (s.axis === 'right' ? right : left) } : null;
}

/**
 * The loss lines, inside the recharts chart and placed by its axis scales (recharts' hooks for
 * custom chart elements). A redraw is a few path strings: the axes, the grid and recharts'
 * store only redraw when an axis's ticks change (seriesPath.ts says why).
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
