import type { Family } from '../config/models.ts';

// A loss that became NaN or infinite: where, and what to try.

const ADVICE: Record<Family, string> = {
  vae: 'Try a lower learning rate or a smaller β, then Reset.',
  ae: 'Try a lower learning rate, then Reset.',
  gan: 'Try lower learning rates, the WGAN-GP loss (its gradient penalty keeps the critic tame), then Reset.',
};

/**
 * The message for a chunk's losses (`metricCount` values a step from `firstStep` on), or null
 * when every value is finite.
 */
export function divergence(
  values: Float32Array,
  metricCount: number,
  firstStep: number,
  family: Family,
): string | null {
  const bad = values.findIndex((v) => !Number.isFinite(v));
  if (bad < 0) return null;
  const kind = Number.isNaN(values[bad]) ? 'NaN' : 'infinite';
  const step = firstStep + Math.floor(bad / metricCount);
  return `The loss became ${kind} at step ${step}, so training was paused. ${ADVICE[family]}`;
}
