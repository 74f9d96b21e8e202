// How far generated 2-D points are from real ones, as GAN Lab measures it and one better:
// KL and Jensen–Shannon divergences between the two point sets binned on a grid over the view
// (plus one bin for everything outside it),
// and the sliced Wasserstein distance, which needs no grid. Pure TS on (x, y) pairs.

/** Grid cells per side for the divergences, over [−extent, extent]². */
export const METRIC_GRID = 20;
/** Probability added to every cell before normalising, so an empty cell never divides by 0. */
const SMOOTHING = 1e-4;
/** Directions of the sliced Wasserstein distance: evenly spaced over half a turn. */
export const SLICES = 64;

/**
 * A normalised, smoothed histogram of the points over res × res cells of the view, and one
 * more cell (the last) for every point outside it: a point thrown far off lands there, not in
 * the nearest edge cell, so a generator whose points leave the view is charged for them.
 */
export function gridDensity(points: Float32Array, extent: number, res = METRIC_GRID): Float64Array {
  const cells = res * res + 1;
  const counts = new Float64Array(cells);
  const n = points.length / 2;
  const outside = res * res;
  // The column (or row) of v, or -1 off the view (NaN included).
  const index = (v: number) => {
    const k = Math.floor(((v + extent) / (2 * extent)) * res);
    return k >= 0 && k < res ? k : -1;
  };
  for (let i = 0; i < n; i++) {
    const col = index(points[2 * i]!);
    const row = index(points[2 * i + 1]!);
    counts[col < 0 || row < 0 ? outside : row * res + col]! += 1;
  }
  // p_c = (count_c / n + ε) / (1 + cells·ε)
  const total = 1 + cells * SMOOTHING;
  for (let c = 0; c < cells; c++) counts[c] = (counts[c]! / Math.max(1, n) + SMOOTHING) / total;
  return counts;
}

/** KL(p ‖ q) = Σ p log(p / q), in nats. */
export function klDivergence(p: Float64Array, q: Float64Array): number {
  let kl = 0;
  for (let c = 0; c < p.length; c++) kl += p[c]! * Math.log(p[c]! / q[c]!);
  return Math.max(0, kl);
}

/** JS(p, q) = ½ KL(p ‖ m) + ½ KL(q ‖ m), m = ½(p + q); in nats, at most ln 2. */
export function jsDivergence(p: Float64Array, q: Float64Array): number {
  const m = p.map((v, c) => (v + q[c]!) / 2);
  return (klDivergence(p, m) + klDivergence(q, m)) / 2;
}

/** The sorted projections of the points on the direction (cos θ, sin θ). */
function projected(points: Float32Array, theta: number): Float64Array {
  const [c, s] = [Math.cos(theta), Math.sin(theta)];
  const out = new Float64Array(points.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = c * points[2 * i]! + s * points[2 * i + 1]!;
  return out.sort();
}

/** The q-quantile of sorted values (linear between neighbours). */
function quantile(sorted: Float64Array, q: number): number {
  const at = q * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (at - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * Sliced Wasserstein-1 distance: the mean over SLICES directions θ of the 1-D Wasserstein
 * distance between the projected sets, W₁ = ∫₀¹ |F⁻¹(u) − G⁻¹(u)| du (sorted projections,
 * compared at n quantiles). A shift of one set by s gives exactly (2/π)·|s| in the limit of
 * many directions: the mean of |s·θ| over the half circle.
 */
export function slicedWasserstein(a: Float32Array, b: Float32Array, slices = SLICES): number {
  const n = Math.min(a.length, b.length) / 2;
  if (n === 0) return NaN;
  let sum = 0;
  for (let k = 0; k < slices; k++) {
    const theta = (Math.PI * (k + 0.5)) / slices;
    const pa = projected(a, theta);
    const pb = projected(b, theta);
    let w = 0;
    for (let i = 0; i < n; i++) {
      const u = (i + 0.5) / n;
      w += Math.abs(quantile(pa, u) - quantile(pb, u));
    }
    sum += w / n;
  }
  return sum / slices;
}

/** The three numbers for the chart: real vs generated points. */
export function pointMetrics(
  real: Float32Array,
  generated: Float32Array,
  extent: number,
): { jsDivergence: number; klDivergence: number; slicedWasserstein: number } {
  const p = gridDensity(real, extent);
  const q = gridDensity(generated, extent);
  return {
    jsDivergence: jsDivergence(p, q),
    klDivergence: klDivergence(p, q),
    slicedWasserstein: slicedWasserstein(real, generated),
  };
}
