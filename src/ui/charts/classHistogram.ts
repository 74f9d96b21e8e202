import { niceTicks } from './axisTicks.ts';

/** One digit's share of the generated and of the real digits (0–1). */
export interface ClassShare {
  digit: number;
  generated: number;
  real: number;
}

/**
 * Each class's share of the generated and of the real digits (counts → fractions), and the
 * value axis that holds the tallest bar: round ticks from 0 (a bar's height is its share / top).
 */
export function classShares(
  generated: readonly number[],
  real: readonly number[],
): { shares: ClassShare[]; ticks: number[]; top: number } {
  const g = generated.reduce((a, b) => a + b, 0) || 1;
  const r = real.reduce((a, b) => a + b, 0) || 1;
  const shares = generated.map((count, digit) => ({
    digit,
    generated: count / g,
    real: (real[digit] ?? 0) / r,
  }));
  const tallest = Math.max(0, ...shares.map((s) => Math.max(s.generated, s.real)));
  const { ticks } = niceTicks(0, tallest > 0 ? tallest : 0.1, 4)!;
  return { shares, ticks, top: ticks[ticks.length - 1]! };
}
