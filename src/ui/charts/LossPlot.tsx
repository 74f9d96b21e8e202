import { memo, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { CartesianGrid, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { ChartPoint } from '../../state/lossHistory.ts';
import { extent, logTicks, niceTicks, sameAxisTicks, type AxisTicks } from './axisTicks.ts';
import { HoverReadout } from './HoverReadout.tsx';
import { LossSeries } from './LossSeries.tsx';
import { formatValue, type Series } from './metricStyles.ts';
import { nearestIndex } from './seriesPath.ts';

/** A fixed width for the value axes ("auto" measures every tick label in the DOM). */
const AXIS_WIDTH = 56;
/** An axis with nothing to show yet. */
const UNIT = niceTicks(0, 1)!;
const LOG_UNIT = logTicks(1, 1)!; // [1, 10]: a log axis cannot start at 0
const FIRST_STEPS = niceTicks(0, 100, 5, true)!;

// Props given to recharts as constants: it compares many props by identity, and a changed one
// makes the component hand new settings to its store, which recomputes the whole chart.
const MARGIN = { top: 8, right: 8, bottom: 8, left: 0 };
/** Without a right axis, room for half of the last step's label. */
const MARGIN_NO_RIGHT_AXIS = { ...MARGIN, right: 16 };
const X_LABEL = { value: 'step', position: 'insideBottomRight', offset: -4 } as const;

interface TickProps {
  x: number;
  y: number;
  payload: { value: number };
  textAnchor: 'start' | 'middle' | 'end';
  orientation: string;
}

/**
 * A tick label as plain SVG text. recharts' own <Text> measures each new label in the DOM
 * (a forced layout per label): 15–20 ms of a redraw where the ticks changed, in profiles here.
 */
function renderTick(props: unknown) {
  const { x, y, payload, textAnchor, orientation } = props as TickProps;
  return (
    <text
      className="chart-tick"
      x={x}
      y={y}
      dy={orientation === 'bottom' ? '0.71em' : '0.32em'}
      textAnchor={textAnchor}
    >
      {formatValue(payload.value)}
    </text>
  );
}

/** What the readout says about one point: its step and each line's value. */
function readoutText(point: ChartPoint, series: readonly Series[]): string {
  const values = series.flatMap((s) => {
    const v = point[s.name];
    return v === undefined || !Number.isFinite(v) ? [] : [`${s.label} ${formatValue(v)}`];
  });
  return [`step ${point.step}`, ...values].join(', ');
}

/** Our ticks, all drawn (interval 0: recharts would measure each label to drop crowded ones). */
const axisProps = (a: AxisTicks) => ({
  domain: a.domain,
  ticks: a.ticks,
  niceTicks: 'none' as const,
  interval: 0,
  tick: renderTick,
  // The domain is ours and covers every value drawn: recharts needs no data to compute it.
  allowDataOverflow: true,
});

/**
 * A chart of metrics by step (the losses; the Fréchet digit distance). recharts draws the
 * frame (grid, axes and their ticks); the lines are paths placed by its scales (LossSeries).
 * The frame redraws only when an axis's ticks change; the step axis ends on a round tick ahead
 * of the newest step, so that is about six times each time the run doubles in length, not at
 * every chunk.
 */
export const LossPlot = memo(function LossPlot({
  points,
  series,
  log,
  label,
  height = 320,
}: {
  points: readonly ChartPoint[];
  series: readonly Series[];
  log: boolean;
  /** What the chart shows, for assistive technology. */
  label: string;
  height?: number;
}) {
  const hasRight = series.some((s) => s.axis === 'right');
  // An axis whose ticks are the same values keeps the same object, so the frame is not redrawn.
  const shown = useRef<Record<'x' | 'left' | 'right', AxisTicks>>({
    x: FIRST_STEPS,
    left: UNIT,
    right: UNIT,
  });
  const axes = useMemo(() => {
    const on = (axis: 'left' | 'right') => series.filter((s) => s.axis === axis).map((s) => s.name);
    const ticks = log ? logTicks : niceTicks;
    const none = log ? LOG_UNIT : UNIT;
    const next = {
      x: niceTicks(...extent(points, ['step']), 6, true) ?? FIRST_STEPS,
      left: ticks(...extent(points, on('left'))) ?? none,
      right: ticks(...extent(points, on('right'))) ?? none,
    };
    const kept = shown.current;
    for (const k of ['x', 'left', 'right'] as const) {
      if (!sameAxisTicks(kept[k], next[k])) kept[k] = next[k];
    }
    return { ...kept };
  }, [points, series, log]);
  const scale = log ? 'log' : 'linear';
  const frame = useMemo(
    () => (
      <>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="step"
          type="number"
          allowDecimals={false}
          label={X_LABEL}
          {...axisProps(axes.x)}
        />
        <YAxis yAxisId="left" width={AXIS_WIDTH} scale={scale} {...axisProps(axes.left)} />
        <YAxis
          yAxisId="right"
          hide={!hasRight}
          orientation="right"
          width={AXIS_WIDTH}
          scale={scale}
          {...axisProps(axes.right)}
        />
      </>
    ),
    [axes.x, axes.left, axes.right, hasRight, scale],
  );
  // The keyboard's readout: the step chosen with the arrow keys (kept as a step, not an index,
  // since older points are merged as the run grows).
  const [keyStep, setKeyStep] = useState<number | null>(null);
  const keyIndex = keyStep === null ? -1 : nearestIndex(points, keyStep);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      setKeyStep(null);
      return;
    }
    const last = points.length - 1;
    const i = keyIndex;
    const moved = {
      ArrowLeft: i - 1,
      ArrowDown: i - 1,
      ArrowRight: i + 1,
      ArrowUp: i + 1,
      PageDown: i - 10,
      PageUp: i + 10,
      Home: 0,
      End: last,
    }[e.key];
    if (moved === undefined || last < 0) return; // Tab and the rest keep their meaning
    e.preventDefault();
    const next = i < 0 ? last : moved; // the first key shows the newest step
    setKeyStep(points[Math.max(0, Math.min(last, next))]!.step);
  };
  const chosen = keyIndex >= 0 ? points[keyIndex]! : null;
  return (
    // A slider over the steps: ← and → read the chart point by point (the readout is drawn and
    // its text is the slider's value, which screen readers say).
    <div
      className="loss-plot"
      role="slider"
      tabIndex={0}
      aria-label={label}
      aria-valuemin={points[0]?.step ?? 0}
      aria-valuemax={points.at(-1)?.step ?? 0}
      aria-valuenow={chosen?.step ?? points.at(-1)?.step ?? 0}
      aria-valuetext={chosen ? readoutText(chosen, series) : 'use ← and → to read the values'}
      onKeyDown={onKeyDown}
      onBlur={() => setKeyStep(null)}
    >
      <ResponsiveContainer width="100%" height={height}>
        <LineChart margin={hasRight ? MARGIN : MARGIN_NO_RIGHT_AXIS} accessibilityLayer={false}>
          {frame}
          <LossSeries points={points} series={series} />
          <HoverReadout points={points} series={series} keyIndex={keyIndex} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
});
