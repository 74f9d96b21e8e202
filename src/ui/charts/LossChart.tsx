import {
  memo,
  useDeferredValue,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import {
  positiveOnly,
  smoothPoints,
  withEvaluations,
  type ChartPoint,
  type LossHistory,
} from '../../state/lossHistory.ts';
import type { MetricName } from '../../config/models.ts';
import { METRIC_STYLE } from './metricStyles.ts';
import { redrawFinished, redrawStarted } from '../../state/pendingRedraws.ts';
import { extent, niceTicks, sameAxisTicks, type AxisTicks } from './axisTicks.ts';

/** Points drawn at most: older steps are averaged into buckets, so drawing cost stays flat. */
const MAX_POINTS = 200;
/**
 * A fixed width for the value axes: "auto" measures every tick label in the DOM at each redraw.
 * fmt writes at most 4 significant digits, "-0.6931" or "12345" at the chart's font size.
 */
const AXIS_WIDTH = 56;

/** Tick labels: four significant digits (ticks 543 and 543.5 must not both read "543"). */
const fmt = (v: number) => (Math.abs(v) >= 1000 ? v.toFixed(0) : String(Number(v.toPrecision(4))));
const tooltipValue = (v: unknown) => (typeof v === 'number' ? fmt(v) : String(v));

// Props given to recharts as constants: it compares many props by identity, and a changed one
// makes the component hand new settings to its store, which recomputes the whole chart.
const MARGIN = { top: 8, right: 8, bottom: 8, left: 0 };
const AUTO_DOMAIN = ['auto', 'auto'];
const X_LABEL = { value: 'step', position: 'insideBottomRight', offset: -4 } as const;

export const LossChart = memo(function LossChart({
  history,
  evaluations,
  version,
}: {
  history: LossHistory;
  /** Held-out losses, drawn dashed. */
  evaluations: LossHistory;
  version: number;
}) {
  const [smoothing, setSmoothing] = useState(0);
  const [log, setLog] = useState(false);
  const smoothId = useId();
  const trained = history.metricNames;
  const nameList = [...trained, ...evaluations.metricNames].join(',');
  // A stable array while the lines stay the same, so the chart below is not redrawn for nothing.
  const names = useMemo(() => nameList.split(',').filter(Boolean) as MetricName[], [nameList]);
  // The histories are mutable; version (bumped at most ~10 times a second) says when they changed.
  const points = useMemo(() => {
    const raw = withEvaluations(history.chartPoints(MAX_POINTS), evaluations);
    const smooth = smoothPoints(raw, history.metricNames, smoothing);
    return log
      ? positiveOnly(smooth, [...history.metricNames, ...evaluations.metricNames])
      : smooth;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [history, evaluations, version, smoothing, log]);
  // New points redraw the chart as a transition: React renders it in slices of ~5 ms, and
  // recharts' store work (in the effects after the commit) runs as a task of its own, so no
  // single task holds the main thread for the whole redraw (12–30 ms here). The page tells the
  // worker it has painted only once these tasks are done (afterPaint.ts).
  const shownPoints = useDeferredValue(points);
  // Tell afterPaint when the deferred redraw has finished (pendingRedraws.ts).
  const [view] = useState(() => ({}));
  useLayoutEffect(() => {
    if (shownPoints !== points) redrawStarted(view);
  }, [points, shownPoints, view]);
  useEffect(() => {
    if (shownPoints !== points) return;
    // This effect runs after the chart's own effects; the store updates they begin run to the
    // end of this task, and the timer fires after them.
    const timer = setTimeout(() => redrawFinished(view), 0);
    return () => clearTimeout(timer);
  }, [points, shownPoints, view]);
  useEffect(() => () => redrawFinished(view), [view]);
  return (
    <div className="loss-chart" data-testid="loss-chart" data-points={points.length}>
      <div className="chart-options">
        <label htmlFor={smoothId}>Smoothing</label>
        <input
          id={smoothId}
          type="range"
          min={0}
          max={0.95}
          step={0.05}
          value={smoothing}
          onChange={(e) => setSmoothing(Number(e.target.value))}
        />
        <output>{smoothing.toFixed(2)}</output>
        <label className="radio">
          <input type="checkbox" checked={log} onChange={(e) => setLog(e.target.checked)} />
          Log scale
        </label>
      </div>
      {points.length === 0 ? (
        <p className="muted chart-empty">Losses appear here once training starts.</p>
      ) : null}
      <LossLines points={shownPoints} names={names} trainedCount={trained.length} log={log} />
    </div>
  );
});

/**
 * The chart itself, apart so that it redraws only when what it draws changes (the
 * points, the lines, the scale), not at every message that re-renders the page: one redraw of
 * recharts costs 12–30 ms of main thread here, more while the GPU threads take the cores.
 */
const LossLines = memo(function LossLines({
  points,
  names,
  trainedCount,
  log,
}: {
  points: ChartPoint[];
  names: readonly MetricName[];
  /** The first `trainedCount` names are training losses, drawn solid; the rest dashed. */
  trainedCount: number;
  log: boolean;
}) {
  const hasRight = names.some((n) => METRIC_STYLE[n].axis === 'right');
  // An axis whose ticks are the same values keeps the same object, so recharts skips it.
  const shown = useRef<Record<'x' | 'left' | 'right', AxisTicks | null>>({
    x: null,
    left: null,
    right: null,
  });
  const axes = useMemo(() => {
    const on = (axis: 'left' | 'right') => names.filter((n) => METRIC_STYLE[n].axis === axis);
    const [first, last] = extent(points, ['step']);
    const x = niceTicks(first, last, 6, true);
    const next = {
      // The x axis spans the steps drawn exactly; its ticks are the round ones inside.
      x: x && {
        domain: [first, last] as [number, number],
        ticks: x.ticks.filter((t) => t >= first && t <= last),
      },
      // A log axis keeps recharts' own ticks (powers of ten).
      left: log ? null : niceTicks(...extent(points, on('left'))),
      right: log ? null : niceTicks(...extent(points, on('right'))),
    };
    const kept = shown.current;
    for (const k of ['x', 'left', 'right'] as const) {
      if (!sameAxisTicks(kept[k], next[k])) kept[k] = next[k];
    }
    return { ...kept };
  }, [points, names, log]);
  // Our ticks, all drawn (interval 0: recharts would measure each label to drop crowded ones).
  const ticksOf = (a: AxisTicks | null) =>
    a ? { domain: a.domain, ticks: a.ticks, niceTicks: 'none' as const, interval: 0 } : {};
  return (
    <ResponsiveContainer width="100%" height={320}>
      <LineChart data={points} margin={MARGIN}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e3e6ea" />
        <XAxis
          dataKey="step"
          type="number"
          domain={['dataMin', 'dataMax']}
          allowDecimals={false}
          label={X_LABEL}
          {...ticksOf(axes.x)}
        />
        <YAxis
          yAxisId="left"
          tickFormatter={fmt}
          width={AXIS_WIDTH}
          domain={AUTO_DOMAIN}
          scale={log ? 'log' : 'auto'}
          allowDataOverflow={log}
          {...ticksOf(axes.left)}
        />
        <YAxis
          yAxisId="right"
          hide={!hasRight}
          orientation="right"
          tickFormatter={fmt}
          width={AXIS_WIDTH}
          domain={AUTO_DOMAIN}
          scale={log ? 'log' : 'auto'}
          {...ticksOf(axes.right)}
        />
        <Tooltip formatter={tooltipValue} />
        <Legend />
        {names.map((name) => (
          <Line
            key={name}
            yAxisId={METRIC_STYLE[name].axis}
            dataKey={name}
            name={METRIC_STYLE[name].label}
            stroke={METRIC_STYLE[name].color}
            strokeDasharray={names.indexOf(name) < trainedCount ? undefined : '5 3'}
            dot={false}
            strokeWidth={1.6}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
});
