import { describe, expect, it } from 'vitest';
import { classShares } from './classHistogram.ts';

describe('classShares', () => {
  it('turns counts into shares, with an axis from 0 just above the tallest bar', () => {
    const generated = [500, 500, 0, 0, 0, 0, 0, 0, 0, 0]; // a collapsed generator
    const real = [100, 100, 100, 100, 100, 100, 100, 100, 100, 100];
    const { shares, ticks, top } = classShares(generated, real);
    expect(shares).toHaveLength(10);
    expect(shares[0]).toEqual({ digit: 0, generated: 0.5, real: 0.1 });
    expect(shares[9]).toEqual({ digit: 9, generated: 0, real: 0.1 });
    expect(ticks[0]).toBe(0);
    expect(top).toBeGreaterThanOrEqual(0.5);
    expect(top).toBeLessThanOrEqual(0.6);
  });

  it('an even spread gets a finer axis, and no counts at all give zero bars on a 0–0.1 axis', () => {
    const even = classShares(Array(10).fill(100), Array(10).fill(100));
    expect(even.top).toBeCloseTo(0.1, 10);
    expect(even.ticks).toEqual([0, 0.05, 0.1]);
    const none = classShares(Array(10).fill(0), Array(10).fill(0));
    expect(none.shares.every((s) => s.generated === 0 && s.real === 0)).toBe(true);
    expect(none.top).toBeCloseTo(0.1, 10);
  });
});
