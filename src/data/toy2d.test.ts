import { describe, expect, it } from 'vitest';
import { PLANE_EXTENT } from '../config/datasets.ts';
import { mulberry32 } from './random.ts';
import {
  checkerCells,
  gridCenter,
  makeRand,
  moonCurve,
  MOONS_CENTER,
  sampleDrawn,
  sampleToy,
  spiralCurve,
  swissCurve,
  TOY,
  type ToySetId,
} from './toy2d.ts';

// Each sampler's empirical mean and covariance against the moments of its definition,
// computed independently: in closed form for mixtures, by quadrature along the curve for the
// curve-shaped sets, plus the noise's variance.

interface Moments {
  mean: [number, number];
  /** [var x, cov xy, var y] */
  cov: [number, number, number];
}

function empirical(points: Float32Array): Moments {
  const n = points.length / 2;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += points[2 * i]!;
    my += points[2 * i + 1]!;
  }
  mx /= n;
  my /= n;
  let xx = 0;
  let xy = 0;
  let yy = 0;
  for (let i = 0; i < n; i++) {
    const dx = points[2 * i]! - mx;
    const dy = points[2 * i + 1]! - my;
    xx += dx * dx;
    xy += dx * dy;
    yy += dy * dy;
  }
  return { mean: [mx, my], cov: [xx / n, xy / n, yy / n] };
}

/** Moments of an equal-weight mixture of components, each with its own mean and covariance. */
function mixture(parts: Moments[]): Moments {
  const k = parts.length;
  const mx = parts.reduce((s, p) => s + p.mean[0], 0) / k;
  const my = parts.reduce((s, p) => s + p.mean[1], 0) / k;
  const e = (f: (p: Moments) => number) => parts.reduce((s, p) => s + f(p), 0) / k;
  return {
    mean: [mx, my],
    cov: [
      e((p) => p.cov[0] + p.mean[0] ** 2) - mx * mx,
      e((p) => p.cov[1] + p.mean[0] * p.mean[1]) - mx * my,
      e((p) => p.cov[2] + p.mean[1] ** 2) - my * my,
    ],
  };
}

/** A curve traced uniformly in its parameter, as a mixture of many points, plus noise σ². */
function curve(f: (u: number) => [number, number], sigma: number, steps = 4000): Moments {
  const parts: Moments[] = [];
  for (let i = 0; i < steps; i++) {
    parts.push({ mean: f((i + 0.5) / steps), cov: [sigma ** 2, 0, sigma ** 2] });
  }
  return mixture(parts);
}

const point = (x: number, y: number, v = 0, vy = v): Moments => ({ mean: [x, y], cov: [v, 0, vy] });

const EXPECTED: Record<ToySetId, () => Moments> = {
  ring: () => {
    const { modes, radius, sigma } = TOY.ring;
    return mixture(
      Array.from({ length: modes }, (_, k) => {
        const a = (2 * Math.PI * k) / modes;
        return point(radius * Math.cos(a), radius * Math.sin(a), sigma ** 2);
      }),
    );
  },
  grid: () => {
    const parts: Moments[] = [];
    for (let i = 0; i < TOY.grid.side; i++)
      for (let j = 0; j < TOY.grid.side; j++)
        parts.push(point(gridCenter(i), gridCenter(j), TOY.grid.sigma ** 2));
    return mixture(parts);
  },
  moons: () =>
    mixture(
      [true, false].map((upper) =>
        curve((u) => {
          const [x, y] = moonCurve(upper, Math.PI * u);
          return [x - MOONS_CENTER[0], y - MOONS_CENTER[1]];
        }, TOY.moons.sigma),
      ),
    ),
  spiral: () => mixture([0, 1].map((arm) => curve((u) => spiralCurve(arm, u), TOY.spiral.sigma))),
  swiss: () => curve(swissCurve, TOY.swiss.sigma),
  checker: () => {
    const cellVar = ((2 * TOY.checker.half) / TOY.checker.cells) ** 2 / 12; // uniform on a cell
    return mixture(checkerCells().map(([x, y]) => point(x, y, cellVar)));
  },
  circles: () =>
    mixture(
      TOY.circles.radii.map((r) =>
        curve(
          (u) => [r * Math.cos(2 * Math.PI * u), r * Math.sin(2 * Math.PI * u)],
          TOY.circles.sigma,
        ),
      ),
    ),
  line: () => {
    const { from, to, sigma } = TOY.line;
    return curve((u) => [from[0] + u * (to[0] - from[0]), from[1] + u * (to[1] - from[1])], sigma);
  },
  twogauss: () =>
    mixture(TOY.twogauss.centers.map(([x, y]) => point(x, y, TOY.twogauss.sigma ** 2))),
  clusters: () =>
    mixture(TOY.clusters.centers.map(([x, y]) => point(x, y, TOY.clusters.half ** 2 / 3))),
};

const N = 40_000;

describe('2-D samplers', () => {
  for (const id of Object.keys(EXPECTED) as ToySetId[]) {
    it(`${id}: mean and covariance match the definition; inside the view; seeded`, () => {
      const points = sampleToy(id, N, makeRand(mulberry32(7)));
      const got = empirical(points);
      const want = EXPECTED[id]();
      expect(Math.abs(got.mean[0] - want.mean[0])).toBeLessThan(0.02);
      expect(Math.abs(got.mean[1] - want.mean[1])).toBeLessThan(0.02);
      for (let k = 0; k < 3; k++) {
        // Relative to the spread, so wide and narrow sets are held to the same standard.
        expect(Math.abs(got.cov[k]! - want.cov[k]!)).toBeLessThan(
          0.03 * (want.cov[0] + want.cov[2]),
        );
      }
      expect(points.every((v) => Math.abs(v) < PLANE_EXTENT)).toBe(true);
      expect(sampleToy(id, 100, makeRand(mulberry32(7)))).toEqual(points.subarray(0, 200));
      expect(sampleToy(id, 100, makeRand(mulberry32(8)))).not.toEqual(points.subarray(0, 200));
    });
  }

  it('draw-your-own samples lie around the drawn points with the chosen spread', () => {
    const drawn = Float32Array.from([-1, 0, 1, 0.5]);
    const points = sampleDrawn(drawn, N, 0.1, makeRand(mulberry32(3)));
    const want = mixture([point(-1, 0, 0.01), point(1, 0.5, 0.01)]);
    const got = empirical(points);
    expect(Math.abs(got.mean[0] - want.mean[0])).toBeLessThan(0.02);
    expect(Math.abs(got.mean[1] - want.mean[1])).toBeLessThan(0.02);
    for (let k = 0; k < 3; k++) expect(got.cov[k]).toBeCloseTo(want.cov[k]!, 1);
    expect(() => sampleDrawn(new Float32Array(0), 10, 0.1, makeRand(mulberry32(3)))).toThrow(
      /Draw some points/,
    );
  });

  it('the normal generator has mean 0 and variance 1', () => {
    const r = makeRand(mulberry32(11));
    let s = 0;
    let ss = 0;
    for (let i = 0; i < N; i++) {
      const v = r.normal();
      s += v;
      ss += v * v;
    }
    expect(Math.abs(s / N)).toBeLessThan(0.02);
    expect(Math.abs(ss / N - 1)).toBeLessThan(0.03);
  });
});
