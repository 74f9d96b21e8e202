import {
  memo,
  useDeferredValue,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useState,
} from 'react';
import {
  positiveOnly,
  smoothPoints,
  withEvaluations,
  type LossHistory,
} from '../../state/lossHistory.ts';
import { mainLines, MODELS, type MetricName } from '../../config/models.ts';
import { dataKind } from '../../config/datasets.ts';
import { formatValue, METRIC_STYLE, seriesOf } from './metricStyles.ts';
import type { Reference } from './LossSeries.tsx';
import type { RunConfig } from '../../config/schema.ts';
import { ganEquilibrium } from '../../metrics/ganEquilibrium.ts';
import { redrawFinished, redrawStarted } from '../../state/pendingRedraws.ts';
import { ChartLegend } from './ChartLegend.tsx';
import { LossPlot } from './LossPlot.tsx';
import { useText } from '../../i18n/text.ts';

/** Points drawn at most: older steps are averaged into buckets, so drawing cost stays flat. */
const MAX_POINTS = 200;

export const LossChart = memo(function LossChart({
  metrics,
  history,
  evaluations,
  version,
  config,
}: {
  /** What the model will report (the registry's list), before its first step brings them. */
  metrics: readonly MetricName[];
  /** The run's setup: some lines are named by it, and a GAN's are read against its equilibrium. */
  config: RunConfig;
  history: LossHistory;
  /** Held-out losses, drawn dashed. */
  evaluations: LossHistory;
  version: number;
}) {
  const t = useText();
  const [smoothing, setSmoothing] = useState(0);
  const [log, setLog] = useState(false);
  // The lines the person showed or hid; the others follow the model's main lines.
  const [chosen, setChosen] = useState<ReadonlyMap<MetricName, boolean>>(() => new Map());
  const smoothId = useId();
  const trained = history.metricNames;
  const nameList = [...trained, ...evaluations.metricNames].join(',');
  // Stable arrays while the lines stay the same, so the chart below is not redrawn for nothing.
  const { model, loss, smooth, beta, warmup } = config;
  const series = useMemo(
    () =>
      seriesOf(nameList.split(',').filter(Boolean) as MetricName[], trained.length, {
        ...t.metrics,
        ...t.chart.names({ model, loss, beta, warmup }),
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [nameList, t, model, loss, beta, warmup],
  );
  const equilibrium = useMemo(
    () => (MODELS[model].family === 'gan' ? ganEquilibrium(loss, smooth) : null),
    [model, loss, smooth],
  );
  const references = useMemo<Reference[]>(
    () =>
      equilibrium
        ? [
            { metric: 'dLoss', value: equilibrium.dLoss },
            { metric: 'gLoss', value: equilibrium.gLoss },
            { metric: 'dReal', value: equilibrium.d },
            { metric: 'dFake', value: equilibrium.d },
          ]
        : [],
    [equilibrium],
  );
  const family = MODELS[model].family;
  const points2d = dataKind(config.data) === 'points';
  const hidden = useMemo(() => {
    const main = mainLines(family, points2d);
    return new Set(
      series.filter((s) => !(chosen.get(s.name) ?? main.includes(s.name))).map((s) => s.name),
    );
  }, [series, chosen, family, points2d]);
  const shownSeries = useMemo(() => series.filter((s) => !hidden.has(s.name)), [series, hidden]);
  // The right axis's room is kept from the start when the model has a metric on it: made at the
  // first step, it would make recharts lay the chart out again then.
  const rightAxis = [...metrics, ...series.map((s) => s.name)].some(
    (name) => METRIC_STYLE[name].axis === 'right',
  );
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
  // where the step axis's ticks changed, recharts' store work (in the effects after the commit)
  // runs as a task of its own. The page tells the worker it has painted only once these tasks
  // are done (afterPaint.ts).
  // The lines shown go with them: a run's first points also bring its lines.
  const plot = useMemo(() => ({ points, series: shownSeries }), [points, shownSeries]);
  const shown = useDeferredValue(plot);
  // Tell afterPaint when the deferred redraw has finished (pendingRedraws.ts).
  const [view] = useState(() => ({}));
  useLayoutEffect(() => {
    if (shown !== plot) redrawStarted(view);
  }, [plot, shown, view]);
  useEffect(() => {
    if (shown !== plot) return;
    // This effect runs after the chart's own effects; the store updates they begin run to the
    // end of this task, and the timer fires after them.
    const timer = setTimeout(() => redrawFinished(view), 0);
    return () => clearTimeout(timer);
  }, [plot, shown, view]);
  useEffect(() => () => redrawFinished(view), [view]);
  const toggle = (name: MetricName) => setChosen((c) => new Map(c).set(name, hidden.has(name)));
  const showAll = () => setChosen(new Map(series.map((s) => [s.name, true])));
  const label = t.chart.label(shownSeries.map((s) => s.label));
  return (
    <div className="loss-chart" data-testid="loss-chart" data-points={points.length}>
      <div className="chart-options">
        <label htmlFor={smoothId}>{t.chart.smoothing}</label>
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
          {t.chart.logScale}
        </label>
      </div>
      {points.length === 0 ? <p className="muted chart-empty">{t.chart.empty}</p> : null}
      <LossPlot
        points={shown.points}
        series={shown.series}
        log={log}
        label={label}
        rightAxis={rightAxis}
        references={references}
      />
      <ChartLegend series={series} hidden={hidden} onToggle={toggle} />
      {series.length > 0 ? (
        <p className="chart-lines small-text">
          {hidden.size > 0 ? (
            <button type="button" className="link-button" onClick={showAll}>
              {t.guide.lines.all(series.length)}
            </button>
          ) : (
            <button type="button" className="link-button" onClick={() => setChosen(new Map())}>
              {t.guide.lines.main}
            </button>
          )}
        </p>
      ) : null}
      <p className="muted small-text good-run" data-testid="good-run">
        {t.guide.goodRun(family, loss, points2d)}
      </p>
      {equilibrium ? (
        <p className="muted small-text" data-testid="equilibrium-note">
          {t.chart.equilibrium(
            formatValue(equilibrium.dLoss),
            formatValue(equilibrium.gLoss),
            formatValue(equilibrium.d),
          )}
        </p>
      ) : null}
    </div>
  );
});
