import { describe, expect, it } from 'vitest';
import {
  gridDensity,
  jsDivergence,
  klDivergence,
  pointMetrics,
  slicedWasserstein,
} from './metrics2d.ts';
import { makeRand, sampleToy } from '../data/toy2d.ts';
import { mulberry32 } from '../data/random.ts';

const ring = (seed: number, n = 500) => sampleToy('ring', n, makeRand(mulberry32(seed)));
const shifted = (p: Float32Array, dx: number, dy: number) =>
  p.map((v, i) => v + (i % 2 === 0 ? dx : dy));

describe('2-D sample quality metrics', () => {
  it('a set against itself scores 0 on all three', () => {
    const a = ring(1);
    expect(pointMetrics(a, a, 2)).toEqual({
      jsDivergence: 0,
      klDivergence: 0,
      slicedWasserstein: 0,
    });
  });

  it('the grid density is a distribution', () => {
    const d = gridDensity(ring(2), 2);
    expect(d.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 10);
    expect(Math.min(...d)).toBeGreaterThan(0);
  });

  it('grow as the generated set moves away, JS stays below ln 2', () => {
    const real = ring(3);
    const other = ring(4); // the same distribution, another sample
    const near = pointMetrics(real, other, 2);
    const mid = pointMetrics(real, shifted(other, 0.5, 0), 2);
    const far = pointMetrics(real, shifted(other, 1.5, 1.5), 2);
    expect(near.jsDivergence).toBeLessThan(0.1);
    expect(near.jsDivergence).toBeLessThan(mid.jsDivergence);
    // Far apart the sets barely overlap: JS is near its ceiling ln 2 (the smoothing keeps it under).
    expect(far.jsDivergence).toBeGreaterThan(0.5);
    expect(far.jsDivergence).toBeLessThanOrEqual(Math.LN2);
    expect(near.klDivergence).toBeLessThan(mid.klDivergence);
    expect(near.slicedWasserstein).toBeLessThan(mid.slicedWasserstein);
    expect(mid.slicedWasserstein).toBeLessThan(far.slicedWasserstein);
  });

  it('sliced Wasserstein of a shifted copy is (2/π)·|shift|', () => {
    const a = ring(5);
    for (const [dx, dy] of [
      [0.3, 0],
      [0, -0.8],
      [0.6, 0.8],
    ] as const) {
      expect(slicedWasserstein(a, shifted(a, dx, dy), 256)).toBeCloseTo(
        (2 / Math.PI) * Math.hypot(dx, dy),
        3,
      );
    }
  });

  it('points thrown far off count as off the view, not as the nearest edge cell', () => {
    // Real points fill the view's top-right corner cell; the generator throws every point far
    // away beyond that corner. Clamped into the edge cell, this scored a perfect 0.
    const corner = new Float32Array(400).map((_, i) => 1.95 + (i % 7) * 0.005);
    const far = new Float32Array(400).map((_, i) => 1e3 + i);
    const m = pointMetrics(corner, far, 2);
    expect(m.jsDivergence).toBeGreaterThan(0.95 * Math.LN2);
    expect(m.klDivergence).toBeGreaterThan(5);
    // NaN and points just past an edge are off the view too.
    const off = gridDensity(new Float32Array([NaN, 0, 2, 0, -2.001, 0, 0, 3]), 2);
    expect(off.length).toBe(20 * 20 + 1);
    const whole = (1 + 1e-4) / (1 + 401e-4); // all of the points, plus the smoothing
    expect(off[20 * 20]!).toBeCloseTo(whole, 12);
    // A point on the view's lower edge is inside it.
    expect(gridDensity(new Float32Array([-2, -2]), 2)[0]!).toBeCloseTo(whole, 12);
  });

  it('disjoint sets: JS nears ln 2 (less the smoothing), KL is large', () => {
    const left = new Float32Array(200).map((_, i) => (i % 2 === 0 ? -1.5 : 0));
    const right = new Float32Array(200).map((_, i) => (i % 2 === 0 ? 1.5 : 0));
    const p = gridDensity(left, 2);
    const q = gridDensity(right, 2);
    expect(jsDivergence(p, q)).toBeGreaterThan(0.95 * Math.LN2);
    expect(klDivergence(p, q)).toBeGreaterThan(5);
  });
});
