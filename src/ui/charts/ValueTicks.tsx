import { useContext } from 'react';
import { usePlotArea } from 'recharts';
import { useSeriesScales, ValueAxesContext } from './LossSeries.tsx';
import { formatValue } from './metricStyles.ts';

/** The length of a tick mark, as recharts draws the step axis's. */
const TICK_PX = 6;

/**
 * The value axes' ticks, labels and horizontal grid lines, drawn by us on recharts' fixed [0, 1]
 * axes (LossPlot.tsx says why): when a loss outgrows its axis, only these move.
 */
export function ValueTicks({ hasRight }: { hasRight: boolean }) {
  const scales = useSeriesScales();
  const axes = useContext(ValueAxesContext);
  const area = usePlotArea();
  if (!scales || !axes || !area) return null;
  const placed = (side: 'left' | 'right') => {
    const y = scales[side];
    return y
      ? axes[side].ticks.flatMap((t) => {
          const py = y(t);
          return py === undefined || !Number.isFinite(py) ? [] : [{ t, py }];
        })
      : [];
  };
  const left = placed('left');
  const side = (which: 'left' | 'right') => {
    const x0 = which === 'left' ? area.x : area.x + area.width;
    const out = which === 'left' ? -1 : 1;
    return (
      <g className={`value-ticks value-ticks-${which}`}>
        {(which === 'left' ? left : placed('right')).map(({ t, py }) => (
          <g key={t}>
            <line className="value-tick-line" x1={x0} x2={x0 + out * TICK_PX} y1={py} y2={py} />
            <text
              className="chart-tick"
              x={x0 + out * (TICK_PX + 2)}
              y={py}
              dy="0.32em"
              textAnchor={which === 'left' ? 'end' : 'start'}
            >
              {formatValue(t)}
            </text>
          </g>
        ))}
      </g>
    );
  };
  return (
    <g pointerEvents="none">
      <g className="value-grid">
        {left.map(({ t, py }) => (
          <line key={t} x1={area.x} x2={area.x + area.width} y1={py} y2={py} />
        ))}
      </g>
      {side('left')}
      {hasRight ? side('right') : null}
    </g>
  );
}
