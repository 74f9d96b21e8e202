import { memo, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { CartesianGrid, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { ChartPoint } from '../../state/lossHistory.ts';
import {
  extent,
  FIRST_STEPS,
  grownTicks,
  logTicks,
  niceTicks,
  sameAxisTicks,
  stepAxisTicks,
  type AxisTicks,
} from './axisTicks.ts';
import { HoverReadout } from './HoverReadout.tsx';
import {
  LossSeries,
  ReferenceLines,
  ValueAxesContext,
  type Reference,
  type ValueAxes,
} from './LossSeries.tsx';
import { formatValue, valuesAt, type Series } from './metricStyles.ts';
import { nearestIndex } from './seriesPath.ts';
import { ValueTicks } from './ValueTicks.tsx';
import type { Catalog } from '../../i18n/catalog.ts';
import { useText } from '../../i18n/text.ts';

/** A fixed width for the value axes ("auto" measures every tick label in the DOM). */
const AXIS_WIDTH = 56;
/** An axis with nothing to show yet. */
const UNIT = niceTicks(0, 1)!;
const LOG_UNIT = logTicks(1, 1)!; // [1, 10]: a log axis cannot start at 0
const AXES = ['x', 'left', 'right'] as const;
type AxisName = (typeof AXES)[number];

// Props given to recharts as constants: it compares many props by identity, and a changed one
// makes the component hand new settings to its store, which recomputes the whole chart.
const MARGIN = { top: 8, right: 8, bottom: 8, left: 0 };
/** Without a right axis, room for half of the last step's label. */
const MARGIN_NO_RIGHT_AXIS = { ...MARGIN, right: 16 };
const NO_REFERENCES: readonly Reference[] = [];

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
function readoutText(t: Catalog, point: ChartPoint, series: readonly Series[]): string {
  const values = valuesAt(point, series).map(({ s, v }) => `${s.label} ${formatValue(v)}`);
  return [t.chart.step(point.step), ...values].join(', ');
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
 * A value axis as recharts sees it: [0, 1], always, without ticks. New ticks given to recharts
 * make it lay the whole chart out again (its store, then every subscriber), 20–50 ms here, and
 * at the first step both value axes got theirs: a task of 23–49 ms in 5 of 6 runs, the longest
 * left in the issue's 10 s test (none in 8 runs since). Values are placed on our ticks before
 * recharts' scale (unitOn), and ValueTicks draws the ticks, labels and grid lines.
 */
const VALUE_AXIS = {
  width: AXIS_WIDTH,
  domain: [0, 1],
  ticks: [0, 1],
  niceTicks: 'none' as const,
  tick: false,
  tickLine: false,
  allowDataOverflow: true,
};

/**
 * A chart of metrics by step (the losses; the Fréchet digit distance). recharts draws the
 * frame (the axes, the step axis's ticks and grid lines); the lines are paths placed by its
 * scales (LossSeries).
 * The frame redraws only when the step axis's ticks change: it holds a run's first 100 steps,
 * then grows about four times per tenfold (stepAxisTicks). The value axes are recharts axes over
 * a fixed [0, 1] (VALUE_AXIS) with our ticks drawn on them (ValueTicks), which stay while the
 * values fit (grownTicks): a value axis starts at zero, so a falling loss keeps its labels.
 */
export const LossPlot = memo(function LossPlot({
  points,
  series,
  log,
  label,
  rightAxis,
  references = NO_REFERENCES,
  height = 320,
}: {
  points: readonly ChartPoint[];
  series: readonly Series[];
  log: boolean;
  /** What the chart shows, for assistive technology. */
  label: string;
  /** Room for a right axis, whether or not a line is on it yet (default: when one is). */
  rightAxis?: boolean;
  /** Values the lines are read against, drawn dashed. */
  references?: readonly Reference[];
  height?: number;
}) {
  const t = useText();
  // Stable while the language stays: a new label object would make recharts lay out again.
  const xLabel = useMemo(
    () => ({ value: t.chart.axis, position: 'insideBottomRight' as const, offset: -4 }),
    [t],
  );
  const hasRight = series.some((s) => s.axis === 'right');
  const withRight = rightAxis ?? hasRight;
  // The ticks computed last (null: no values then), kept while they fit the values (grownTicks
  // says why); per scale.
  const lastTicks = useRef<{ log: boolean; ticks: Record<AxisName, AxisTicks | null> } | null>(
    null,
  );
  const axes = useMemo(() => {
    const kept = lastTicks.current?.log === log ? lastTicks.current.ticks : null;
    const on = (axis: 'left' | 'right') => series.filter((s) => s.axis === axis).map((s) => s.name);
    const value = (axis: 'left' | 'right') => {
      const [lo, hi] = extent(points, on(axis));
      if (log) return logTicks(lo, hi); // decades: they seldom change
      // From zero when no value is negative: a loss reads against zero, and the axis stays put
      // while the loss falls.
      return grownTicks(kept?.[axis] ?? null, Math.min(lo, 0), hi, niceTicks, 0.25);
    };
    const ticks: Record<AxisName, AxisTicks | null> = {
      x: stepAxisTicks(kept?.x ?? null, ...extent(points, ['step'])),
      left: value('left'),
      right: value('right'),
    };
    // Ticks with the same values keep the same object, so the frame below is not redrawn.
    for (const k of AXES) if (kept && sameAxisTicks(kept[k], ticks[k])) ticks[k] = kept[k];
    lastTicks.current = { log, ticks };
    const none = log ? LOG_UNIT : UNIT;
    return { x: ticks.x ?? FIRST_STEPS, left: ticks.left ?? none, right: ticks.right ?? none };
  }, [points, series, log]);
  const valueAxes = useMemo<ValueAxes>(
    () => ({ left: axes.left, right: axes.right, log }),
    [axes.left, axes.right, log],
  );
  const frame = useMemo(
    () => (
      <>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis
          dataKey="step"
          type="number"
          allowDecimals={false}
          label={xLabel}
          {...axisProps(axes.x)}
        />
        <YAxis yAxisId="left" {...VALUE_AXIS} />
        <YAxis yAxisId="right" hide={!withRight} orientation="right" {...VALUE_AXIS} />
      </>
    ),
    [axes.x, withRight, xLabel],
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
      aria-valuetext={chosen ? readoutText(t, chosen, series) : t.chart.keysHint}
      onKeyDown={onKeyDown}
      onBlur={() => setKeyStep(null)}
    >
      <ValueAxesContext.Provider value={valueAxes}>
        <ResponsiveContainer width="100%" height={height}>
          <LineChart margin={withRight ? MARGIN : MARGIN_NO_RIGHT_AXIS} accessibilityLayer={false}>
            {frame}
            <ValueTicks hasRight={hasRight} />
            <ReferenceLines points={points} series={series} references={references} />
            <LossSeries points={points} series={series} />
            <HoverReadout points={points} series={series} keyIndex={keyIndex} />
          </LineChart>
        </ResponsiveContainer>
      </ValueAxesContext.Provider>
    </div>
  );
});
