// A loss that became NaN or infinite: where.

export interface Divergence {
  /** NaN, else infinite. */
  nan: boolean;
  step: number;
}

/**
 * Where a chunk's losses (`metricCount` values a step from `firstStep` on) first stop being
 * finite, or null when every value is.
 */
export function divergence(
  values: Float32Array,
  metricCount: number,
  firstStep: number,
): Divergence | null {
  const bad = values.findIndex((v) => !Number.isFinite(v));
  if (bad < 0) return null;
  return { nan: Number.isNaN(values[bad]), step: firstStep + Math.floor(bad / metricCount) };
}
