import type { MetricName } from '../../config/models.ts';
import type { ChartPoint } from '../../state/lossHistory.ts';
import { FAKE_COLOR, REAL_COLOR } from '../colors.ts';

// How each metric is drawn: its name in the legend, its color, and its axis. Losses share the
// left axis; quantities of another scale (KL, D's outputs) get the right one.
export const METRIC_STYLE: Record<
  MetricName,
  { label: string; color: string; axis: 'left' | 'right' }
> = {
  reconstruction: { label: 'Reconstruction', color: '#2f6fdf', axis: 'left' },
  total: { label: 'Total (−ELBO)', color: '#9a7b2f', axis: 'left' },
  kl: { label: 'KL(q(z|x) ‖ N(0, I))', color: '#e07b1f', axis: 'right' },
  dLoss: { label: 'D loss', color: '#5f7d8e', axis: 'left' },
  gLoss: { label: 'G loss', color: '#d9534f', axis: 'left' },
  dReal: { label: 'D(x), real', color: REAL_COLOR, axis: 'right' },
  dFake: { label: 'D(G(z)), fake', color: FAKE_COLOR, axis: 'right' },
  heldOutTotal: { label: 'Held-out −ELBO', color: '#8a8f98', axis: 'left' },
  // Dashed, in a paler blue than the training reconstruction it is compared with.
  heldOutReconstruction: { label: 'Held-out reconstruction', color: '#7fa6ec', axis: 'left' },
  // 2-D data: how far the generated points are from held-out real ones (lower is better).
  jsDivergence: { label: 'JS(real, generated)', color: '#0f8b8d', axis: 'right' },
  klDivergence: { label: 'KL(real ‖ generated)', color: '#b5651d', axis: 'left' },
  slicedWasserstein: { label: 'Sliced Wasserstein', color: '#6c3483', axis: 'right' },
  frechet: { label: 'Fréchet digit distance', color: '#6c3483', axis: 'left' },
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

/** The chart's lines: the first `trainedCount` names are training losses, the rest held-out. */
export function seriesOf(names: readonly MetricName[], trainedCount: number): Series[] {
  return names.map((name, i) => ({ name, ...METRIC_STYLE[name], dashed: i >= trainedCount }));
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
