import type { MetricName } from '../../config/models.ts';
import type { Series } from './metricStyles.ts';
import { useText } from '../../i18n/text.ts';

/**
 * The loss chart's legend, in HTML beside the chart: a swatch drawn like the line (dashed for
 * held-out measurements), the axis it is read on, and a button that hides or shows the line.
 */
export function ChartLegend({
  series,
  hidden,
  onToggle,
}: {
  series: readonly Series[];
  hidden: ReadonlySet<MetricName>;
  onToggle: (name: MetricName) => void;
}) {
  const t = useText();
  const twoAxes = new Set(series.map((s) => s.axis)).size > 1;
  return (
    <ul className="chart-legend" aria-label={t.chart.legend}>
      {series.map((s) => (
        <li key={s.name}>
          <button
            type="button"
            aria-pressed={!hidden.has(s.name)}
            title={t.chart.toggle(!hidden.has(s.name), s.label, s.axis === 'right')}
            onClick={() => onToggle(s.name)}
          >
            <svg width="22" height="8" aria-hidden="true">
              <line
                x1="1"
                x2="21"
                y1="4"
                y2="4"
                stroke={s.color}
                strokeWidth="2.5"
                strokeDasharray={s.dashed ? '5 3' : undefined}
              />
            </svg>
            {s.label}
            {twoAxes && s.axis === 'right' ? <span className="muted">{t.chart.right}</span> : null}
          </button>
        </li>
      ))}
    </ul>
  );
}
