import { describe, expect, it } from 'vitest';
import { BatchOrder, deriveSeed, mulberry32, permutation } from './random.ts';

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
