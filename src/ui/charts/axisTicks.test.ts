import { describe, expect, it } from 'vitest';
import { extent, logTicks, niceTicks, sameAxisTicks } from './axisTicks.ts';

describe('niceTicks', () => {
  it('covers the range with round steps', () => {
    expect(niceTicks(0.13, 0.92)).toEqual({
      domain: [0, 1],
      ticks: [0, 0.2, 0.4, 0.6, 0.8, 1],
    });
    expect(niceTicks(103, 987)).toEqual({
      domain: [0, 1000],
      ticks: [0, 200, 400, 600, 800, 1000],
    });
    expect(niceTicks(-1.3, 2.2)!.ticks).toEqual([-2, -1, 0, 1, 2, 3]);
  });

  it('writes ticks without floating-point drift', () => {
    const { ticks } = niceTicks(0.1, 0.7, 6)!;
    expect(ticks).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
  });

  it('keeps whole steps on an integer axis', () => {
    expect(niceTicks(1, 3, 5, true)!.ticks).toEqual([1, 2, 3]);
    expect(niceTicks(1, 480, 5, true)!.ticks).toEqual([0, 100, 200, 300, 400, 500]);
  });

  it('puts a band around a flat line, and nothing without values', () => {
    expect(niceTicks(2, 2)!.domain).toEqual([1.8, 2.2]);
    expect(niceTicks(0, 0)!.domain).toEqual([-1, 1]);
    expect(niceTicks(Infinity, -Infinity)).toBeNull();
    expect(niceTicks(Number.NaN, 1)).toBeNull();
  });
});

describe('extent', () => {
  it('spans the finite values of the keys asked for', () => {
    const points = [
      { step: 1, a: 3, b: -2 },
      { step: 2, a: Number.NaN, b: 7 },
      { step: 3, a: 1, b: 100 },
    ];
    expect(extent(points, ['a'])).toEqual([1, 3]);
    expect(extent(points, ['a', 'b'])).toEqual([-2, 100]);
    expect(extent(points, ['c'])).toEqual([Infinity, -Infinity]);
  });
});

describe('sameAxisTicks', () => {
  it('compares domain and ticks by value', () => {
    expect(sameAxisTicks(niceTicks(103, 987), niceTicks(110, 990))).toBe(true);
    expect(sameAxisTicks(niceTicks(103, 987), niceTicks(103, 1010))).toBe(false);
    expect(sameAxisTicks(niceTicks(0, 10), niceTicks(0, 10, 2))).toBe(false);
    expect(sameAxisTicks(null, null)).toBe(true);
    expect(sameAxisTicks(null, niceTicks(0, 1))).toBe(false);
  });
});

describe('logTicks', () => {
  it('covers the range with powers of ten, at least one decade', () => {
    expect(logTicks(0.0123, 4.5)).toEqual({ domain: [0.01, 10], ticks: [0.01, 0.1, 1, 10] });
    expect(logTicks(1, 1)).toEqual({ domain: [1, 10], ticks: [1, 10] });
    expect(logTicks(200, 300)).toEqual({ domain: [100, 1000], ticks: [100, 1000] });
    expect(logTicks(100, 1000)!.ticks).toEqual([100, 1000]);
  });

  it('is null without a positive value', () => {
    expect(logTicks(0, 3)).toBeNull();
    expect(logTicks(Infinity, -Infinity)).toBeNull(); // the extent of no values
  });
});
