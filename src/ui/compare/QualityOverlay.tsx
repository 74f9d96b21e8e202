import { memo, useCallback, useMemo, useSyncExternalStore } from 'react';
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
import type { MetricName } from '../../config/models.ts';
import type { CompareColumn } from '../../state/compare/compareColumn.ts';
import { useText } from '../../i18n/text.ts';
import { formatValue } from '../charts/metricStyles.ts';
import { COLUMN_COLORS } from './columnColors.ts';

type Row = { step: number } & Partial<Record<`c${number}`, number>>;

/** The quality metric of every column against the step, merged into one row per step. */
function rows(columns: readonly CompareColumn[], metric: MetricName): Row[] {
  const byStep = new Map<number, Row>();
  columns.forEach((c, i) => {
    const history = metric === 'frechet' ? c.store.quality : c.store.evaluations;
    const { steps, values } = history.series(metric);
    steps.forEach((step, k) => {
      const row = byStep.get(step) ?? { step };
      row[`c${i}`] = values[k]!;
      byStep.set(step, row);
    });
  });
  return [...byStep.values()].sort((a, b) => a.step - b.step);
}

/** Changes whenever any column's measurements do (a string: stable between changes). */
function useMeasurementsVersion(columns: readonly CompareColumn[]): string {
  const subscribe = useCallback(
    (fn: () => void) => {
      const offs = columns.map((c) => c.store.subscribe(fn));
      return () => offs.forEach((off) => off());
    },
    [columns],
  );
  const version = useCallback(
    () => columns.map((c) => `${c.store.quality.length}/${c.store.evaluations.length}`).join(','),
    [columns],
  );
  return useSyncExternalStore(subscribe, version);
}

/**
 * One chart for the whole comparison: the Fréchet digit distance (images) or the JS divergence
 * to held-out points (2-D data) of every model against the step, so the ranking shows at a
 * glance.
 */
export const QualityOverlay = memo(function QualityOverlay({
  columns,
  names,
  images,
  qualityOff,
}: {
  columns: readonly CompareColumn[];
  names: readonly string[];
  images: boolean;
  qualityOff: boolean;
}) {
  const t = useText();
  const metric: MetricName = images ? 'frechet' : 'jsDivergence';
  const version = useMeasurementsVersion(columns);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the histories are mutable; version says they changed
  const data = useMemo(() => rows(columns, metric), [columns, metric, version]);
  return (
    <section className="panel compare-quality" aria-labelledby="compare-quality-title">
      <h2 id="compare-quality-title">{t.compare.quality(images)}</h2>
      <p className="muted small-text">{t.compare.qualityAbout(images)}</p>
      {images && qualityOff ? (
        <p className="muted">{t.compare.qualityOff}</p>
      ) : data.length === 0 ? (
        <p className="muted chart-empty-note">{t.compare.qualityEmpty}</p>
      ) : (
        <div className="compare-quality-chart" data-testid="compare-quality">
          <ResponsiveContainer width="100%" height={220}>
            <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="var(--line)" />
              <XAxis
                dataKey="step"
                type="number"
                domain={['dataMin', 'dataMax']}
                tickFormatter={formatValue}
              />
              <YAxis width={56} tickFormatter={formatValue} domain={['auto', 'auto']} />
              <Tooltip
                formatter={(v) => formatValue(Number(v))}
                labelFormatter={(s) => t.chart.step(Number(s))}
                isAnimationActive={false}
              />
              <Legend itemSorter={null} />
              {columns.map((_, i) => (
                <Line
                  key={i}
                  dataKey={`c${i}`}
                  name={names[i]}
                  stroke={COLUMN_COLORS[i % COLUMN_COLORS.length]}
                  strokeWidth={2}
                  dot={{ r: 2 }}
                  connectNulls
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
    </section>
  );
});
