import type { MetricName } from '../../config/models.ts';
import type { ChartPoint } from '../../state/lossHistory.ts';
import { FAKE_COLOR, REAL_COLOR } from '../colors.ts';

// How each metric is drawn: its color and its axis (its name is the page's words, src/i18n).
// Losses share the left axis; quantities of another scale (KL, D's outputs) get the right one.
export const METRIC_STYLE: Record<MetricName, { color: string; axis: 'left' | 'right' }> = {
  reconstruction: { color: '#2f6fdf', axis: 'left' },
  total: { color: '#9a7b2f', axis: 'left' },
  kl: { color: '#e07b1f', axis: 'right' },
  dLoss: { color: '#5f7d8e', axis: 'left' },
  gLoss: { color: '#d9534f', axis: 'left' },
  dReal: { color: REAL_COLOR, axis: 'right' },
  dFake: { color: FAKE_COLOR, axis: 'right' },
  heldOutTotal: { color: '#8a8f98', axis: 'left' },
  // Dashed, in a paler blue than the training reconstruction it is compared with.
  heldOutReconstruction: { color: '#7fa6ec', axis: 'left' },
  // 2-D data: how far the generated points are from held-out real ones (lower is better).
  jsDivergence: { color: '#0f8b8d', axis: 'right' },
  klDivergence: { color: '#b5651d', axis: 'left' },
  slicedWasserstein: { color: '#6c3483', axis: 'right' },
  // Dashed, in the D loss's colour: where the D loss would be if D were at its best.
  optimalDLoss: { color: '#5f7d8e', axis: 'left' },
  frechet: { color: '#6c3483', axis: 'left' },
};

/** One line of the loss chart. */
export interface Series {
  name: MetricName;
  label: string;
  color: string;
  axis: 'left' | 'right';
  /** Held-out measurements are dashed; the training losses they are compared with, solid. */
  dashed: boolean;
}

/**
 * The chart's lines, named by `labels`: the first `trainedCount` names are training losses, the
 * rest held-out.
 */
export function seriesOf(
  names: readonly MetricName[],
  trainedCount: number,
  labels: Readonly<Record<MetricName, string>>,
): Series[] {
  return names.map((name, i) => ({
    name,
    label: labels[name],
    ...METRIC_STYLE[name],
    dashed: i >= trainedCount,
  }));
}

/** Tick and readout values: four significant digits (543 and 543.5 must not both read "543"). */
export const formatValue = (v: number): string =>
  Math.abs(v) >= 1000 ? v.toFixed(0) : String(Number(v.toPrecision(4)));

/** The lines with a finite value at `point`, with it: what a readout lists. */
export function valuesAt(point: ChartPoint, series: readonly Series[]): { s: Series; v: number }[] {
  return series.flatMap((s) => {
    const v = point[s.name];
    return v === undefined || !Number.isFinite(v) ? [] : [{ s, v }];
  });
}
