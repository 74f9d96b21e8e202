import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../data/random.ts';
import { makeRand } from '../data/toy2d.ts';
import {
  histogramDensity,
  klToPrior,
  logMixture,
  mixtureDensity,
  priorDensity,
  shareOutside,
} from './latentDensity.ts';

const RES = 64;
const E = 5;
const cellArea = (2 * E * 2 * E) / (RES * RES);
const rand = (seed: number) => makeRand(mulberry32(seed));
const mass = (d: Float32Array) => d.reduce((s, v) => s + v, 0) * cellArea;

describe('latent densities', () => {
  it('N(0, I) on the grid holds its whole mass, peaked in the middle', () => {
    const p = priorDensity(RES, E);
    expect(mass(p)).toBeCloseTo(1, 3);
    const centre = p[(RES / 2) * RES + RES / 2]!;
    expect(centre).toBeGreaterThan(0.15); // 1/2π = 0.159 at the origin
    expect(p[0]!).toBeLessThan(1e-9);
  });

  it('a mixture of one N(0, I) component is the prior; any mixture integrates to 1', () => {
    const p = priorDensity(RES, E);
    const one = mixtureDensity(Float32Array.of(0, 0), Float32Array.of(0, 0), RES, E);
    for (let i = 0; i < p.length; i++) expect(one[i]).toBeCloseTo(p[i]!, 6);
    const two = mixtureDensity(
      Float32Array.of(-1.5, 0.5, 2, -1),
      Float32Array.of(Math.log(0.25), 0, Math.log(0.5), Math.log(0.1)),
      RES,
      E,
    );
    expect(mass(two)).toBeCloseTo(1, 2);
    // Row 0 is the top: a component at z₁ = +2 puts its mass in the upper half.
    const up = mixtureDensity(Float32Array.of(0, 2), Float32Array.of(-2, -2), RES, E);
    const upper = up.subarray(0, (RES / 2) * RES).reduce((s, v) => s + v, 0);
    expect(upper * cellArea).toBeGreaterThan(0.99);
  });

  it('a histogram is a density of the codes inside the grid', () => {
    const codes = Float32Array.of(0.1, 0.1, -3, 2, 4.9, -4.9, 7, 0); // the last is outside
    const h = histogramDensity(codes, RES, E);
    expect(mass(h)).toBeCloseTo(3 / 4, 5);
    expect(shareOutside(codes, E)).toBe(0.25);
  });

  it('log q(z) of a one-component mixture is that Gaussian’s log density', () => {
    // N((1, −2), diag(4, 0.25)) at (2, −2): −log 2π − (log 4 + log 0.25)/2 − ((1/4)·1 + 0)/2
    const v = logMixture(
      2,
      -2,
      Float32Array.of(1, -2),
      Float32Array.of(Math.log(4), Math.log(0.25)),
    );
    expect(v).toBeCloseTo(-Math.log(2 * Math.PI) - 0.125, 6);
  });

  it('KL(q ‖ N(0, I)) is 0 for the prior itself and |μ|²/2 for N(μ, I)', () => {
    expect(klToPrior(Float32Array.of(0, 0), Float32Array.of(0, 0), 2000, rand(1))).toBeCloseTo(
      0,
      10,
    );
    // log q − log p = μ·z − |μ|²/2; under z ~ N(μ, I) its mean is |μ|²/2 = 2.5 for μ = (1, 2).
    const kl = klToPrior(Float32Array.of(1, 2), Float32Array.of(0, 0), 4000, rand(7));
    expect(kl).toBeGreaterThan(2.5 - 0.15);
    expect(kl).toBeLessThan(2.5 + 0.15);
    // Seeded: the same estimate again.
    expect(klToPrior(Float32Array.of(1, 2), Float32Array.of(0, 0), 4000, rand(7))).toBe(kl);
  });

  it('KL of narrow codes spread like the prior is large: q(z) does not fill N(0, I)', () => {
    const n = 200;
    const means = new Float32Array(2 * n);
    for (let i = 0; i < n; i++) {
      means[2 * i] = Math.cos(i) * 3;
      means[2 * i + 1] = Math.sin(i) * 3;
    }
    const narrow = klToPrior(means, new Float32Array(2 * n).fill(Math.log(0.01)), 1000, rand(3));
    const wide = klToPrior(
      means.map((m) => m / 3),
      new Float32Array(2 * n).fill(0),
      1000,
      rand(3),
    );
    expect(narrow).toBeGreaterThan(2);
    expect(wide).toBeLessThan(narrow);
    expect(wide).toBeGreaterThan(0);
  });
});
