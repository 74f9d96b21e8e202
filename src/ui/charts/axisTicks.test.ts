import { describe, expect, it } from 'vitest';
import {
  extent,
  FIRST_STEPS,
  grownTicks,
  logTicks,
  niceTicks,
  sameAxisTicks,
  stepAxisTicks,
  unitOn,
} from './axisTicks.ts';

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

describe('grownTicks', () => {
  const steps = (lo: number, hi: number) => niceTicks(lo, hi, 6, true);

  it('keeps the ticks drawn while they hold the values and the values fill half of them', () => {
    const shown = niceTicks(0, 600)!;
    expect(grownTicks(shown, 0, 545, niceTicks, 0.25)).toBe(shown);
    expect(grownTicks(shown, 0, 310, niceTicks, 0.25)).toBe(shown);
    // Under half: fitted again, without room.
    expect(grownTicks(shown, 0, 250, niceTicks, 0.25)!.domain).toEqual([0, 250]);
  });

  it('leaves room beyond the end the values outgrew', () => {
    // A run's steps: 1.5 × the newest step, rounded, so new ticks come a few times per decade
    // (the first: ticks of 0–100 are fitted to step 1; the chart's step axis keeps them,
    // stepAxisTicks below).
    let shown = steps(0, 100)!;
    const changes: number[] = [];
    for (let step = 1; step <= 1000; step++) {
      const next = grownTicks(shown, 0, step, steps, 0.5)!;
      if (next !== shown) changes.push(step);
      shown = next;
      expect(shown.domain[0]).toBe(0);
      expect(shown.domain[1]).toBeGreaterThanOrEqual(step);
    }
    expect(changes).toEqual([1, 2, 4, 7, 13, 21, 41, 81, 151, 251, 401, 801]);
    // Only the end crossed moves: a value under the axis extends it downwards.
    expect(grownTicks(niceTicks(-1, 1), -3, 1, niceTicks, 0.25)!.domain).toEqual([-4, 1]);
  });

  it('does not push an end across zero, and starts afresh without ticks or values', () => {
    expect(grownTicks(niceTicks(0.5, 1), 0.1, 1, niceTicks, 0.5)!.domain[0]).toBe(0);
    expect(grownTicks(null, 2, 9, niceTicks, 0.5)).toEqual(niceTicks(2, 9));
    expect(grownTicks(niceTicks(0, 1), Infinity, -Infinity, niceTicks, 0.5)).toBeNull();
  });
});

describe('stepAxisTicks', () => {
  it('holds 0–100 over a run’s first 100 steps, then grows a few times per decade', () => {
    expect(stepAxisTicks(null, Infinity, -Infinity)).toBe(FIRST_STEPS); // no steps yet
    expect(FIRST_STEPS.domain).toEqual([0, 100]);
    let shown = stepAxisTicks(null, Infinity, -Infinity);
    const changes: number[] = [];
    for (let step = 1; step <= 5000; step++) {
      const next = stepAxisTicks(shown, 1, step);
      if (next !== shown) changes.push(step);
      shown = next;
      expect(shown.domain[1]).toBeGreaterThanOrEqual(step);
    }
    expect(changes).toEqual([101, 201, 351, 601, 1001, 2001, 3501]);
    // A window of late steps (older points merged away) is fitted like any other values.
    expect(stepAxisTicks(null, 4000, 5000).domain[0]).toBeGreaterThan(0);
  });
});

describe('unitOn', () => {
  it('places a value between the first tick (0) and the last (1), by decades on a log axis', () => {
    const linear = unitOn(niceTicks(0, 600)!, false);
    expect([0, 150, 600, 750].map(linear)).toEqual([0, 0.25, 1, 1.25]);
    expect(unitOn(niceTicks(-2, 2)!, false)(0)).toBe(0.5);
    const log = unitOn(logTicks(0.05, 80)!, true); // 0.01 to 100
    expect([0.01, 0.1, 1, 100].map((v) => Number(log(v).toFixed(12)))).toEqual([0, 0.25, 0.5, 1]);
    // No place on a log axis: the line breaks there (pathData).
    expect(log(0)).toBeNaN();
    expect(log(-3)).toBeNaN();
  });
});
