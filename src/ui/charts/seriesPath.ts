import type { ChartPoint } from '../../state/lossHistory.ts';

// The loss chart's lines, drawn as one SVG path per metric from recharts' own axis scales
// (LossSeries.tsx). recharts' <Line> costs 15–25 ms of main thread per redraw here, almost all
// of it fixed (its store and selectors), whatever the number of points; a path string of 200
// points costs well under a millisecond.

/** Maps a value to a pixel coordinate; undefined where it has none. */
export type Scale = (value: number) => number | undefined;

/**
 * The SVG path data of `key` over the points: "M" starts a run, "L" continues it. A point
 * without a finite value (no held-out loss yet, a value ≤ 0 on a log axis) breaks the line.
 */
export function pathData(points: readonly ChartPoint[], key: string, x: Scale, y: Scale): string {
  let d = '';
  let pen = 'M';
  for (const p of points) {
    const v = p[key];
    const px = v !== undefined && Number.isFinite(v) ? x(p.step) : undefined;
    const py = px !== undefined ? y(v!) : undefined;
    if (px === undefined || py === undefined || !Number.isFinite(px) || !Number.isFinite(py)) {
      pen = 'M';
      continue;
    }
    d += `${pen}${px.toFixed(1)},${py.toFixed(1)}`;
    pen = 'L';
  }
  return d;
}

/** The index of the point whose step is nearest `step` (points sorted by step); -1 if none. */
export function nearestIndex(points: readonly ChartPoint[], step: number): number {
  if (points.length === 0 || !Number.isFinite(step)) return -1;
  let lo = 0;
  let hi = points.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid]!.step < step) lo = mid + 1;
    else hi = mid;
  }
  // lo: the first point at or after step; the one before it may be nearer.
  if (lo > 0 && step - points[lo - 1]!.step <= points[lo]!.step - step) return lo - 1;
  return lo;
}
