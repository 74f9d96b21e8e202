import { describe, expect, it } from 'vitest';
import { BatchOrder, deriveSeed, hashedUniforms, mulberry32, permutation } from './random.ts';

describe('mulberry32', () => {
  it('repeats for a seed, differs across seeds, stays in [0, 1) with mean ≈ ½', () => {
    const a = mulberry32(1);
    const b = mulberry32(1);
    const c = mulberry32(2);
    const xs = Array.from({ length: 10_000 }, () => a());
    expect(Array.from({ length: 10_000 }, () => b())).toEqual(xs);
    expect(c()).not.toBe(xs[0]);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeCloseTo(0.5, 1);
  });
});

describe('hashedUniforms', () => {
  it('repeats for a seed, differs across seeds, stays in [0, 1) with mean ≈ ½ and P(u ≥ 0.3) ≈ 0.7', () => {
    const u = hashedUniforms(12345, 100_000);
    expect(hashedUniforms(12345, 100_000)).toEqual(u);
    // A prefix is the same values (value i depends on the seed and i alone).
    expect(hashedUniforms(12345, 10)).toEqual(u.slice(0, 10));
    const v = hashedUniforms(12346, 100_000);
    const same = u.filter((x, i) => x === v[i]).length;
    expect(same).toBeLessThan(10);
    expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...u)).toBeLessThan(1);
    const mean = u.reduce((s, x) => s + x, 0) / u.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.005);
    const kept = u.filter((x) => x >= 0.3).length / u.length;
    expect(Math.abs(kept - 0.7)).toBeLessThan(0.005);
    // Neighbours are not correlated (a weak hash shows a lag-1 correlation).
    let c = 0;
    for (let i = 1; i < u.length; i++) c += (u[i]! - 0.5) * (u[i - 1]! - 0.5);
    expect(Math.abs(c / (u.length - 1) / (1 / 12))).toBeLessThan(0.02);
    // Each value is a multiple of 2⁻²⁴: exact in float32, as the WGSL twin computes it.
    expect(u.every((x) => Number.isInteger(x * 16777216))).toBe(true);
  });
});

describe('deriveSeed', () => {
  it('is deterministic and separates streams and indices', () => {
    expect(deriveSeed(42, 'noise', 3)).toBe(deriveSeed(42, 'noise', 3));
    const seeds = new Set([
      deriveSeed(42, 'noise', 3),
      deriveSeed(42, 'noise', 4),
      deriveSeed(42, 'order', 3),
      deriveSeed(43, 'noise', 3),
    ]);
    expect(seeds.size).toBe(4);
    for (const s of seeds) {
      expect(Number.isInteger(s)).toBe(true);
      expect(s).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('permutation and BatchOrder', () => {
  it('permutation holds every index once', () => {
    const p = permutation(1000, mulberry32(5));
    expect([...p].sort((x, y) => x - y)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect([...p]).not.toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it('BatchOrder visits each item once an epoch, in a seeded order', () => {
    const order = new BatchOrder(100, 10, 9);
    const epoch = Array.from({ length: 10 }, () => [...order.next()]).flat();
    expect(new Set(epoch).size).toBe(100);
    const again = new BatchOrder(100, 10, 9);
    expect([...again.next()]).toEqual(epoch.slice(0, 10));
    const nextEpoch = Array.from({ length: 10 }, () => [...order.next()]).flat();
    expect(new Set(nextEpoch).size).toBe(100);
    expect(nextEpoch).not.toEqual(epoch);
  });

  it('refuses a batch larger than the data', () => {
    expect(() => new BatchOrder(5, 10, 1)).toThrow(/larger than the data/);
  });
});
