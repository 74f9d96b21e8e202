import type { DataSetId } from '../config/datasets.ts';

// Seeded samplers of the 2-D distributions (GAN Lab's and the GAN literature's toy sets).
// Each writes n points as (x, y) pairs into a Float32Array; every one lies inside the view
// square [−2, 2]² (PLANE_EXTENT) with room to spare. Same seed, same points.

export type ToySetId = Exclude<DataSetId, 'mnist' | 'shapes' | 'upload' | 'drawn'>;

export interface Rand {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Standard normal. */
  normal(): number;
}

/** A uniform generator with a Box–Muller normal on top. */
export function makeRand(uniform: () => number): Rand {
  let spare: number | null = null;
  return {
    uniform,
    normal() {
      if (spare !== null) {
        const s = spare;
        spare = null;
        return s;
      }
      // Box–Muller: two uniforms give two independent normals.
      const u = 1 - uniform(); // (0, 1]: log is finite
      const v = uniform();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
  };
}

type Point = [number, number];

/** The definitions, shared with the tests that check each sampler's moments. */
export const TOY = {
  ring: { modes: 8, radius: 1.2, sigma: 0.06 },
  grid: { side: 5, spacing: 0.6, sigma: 0.05 },
  moons: { scale: 1, sigma: 0.06 },
  spiral: { turns: 1.75, maxRadius: 1.5, sigma: 0.04 },
  swiss: { scale: 1.5 / (4.5 * Math.PI), sigma: 0.03 },
  checker: { cells: 4, half: 1.4 },
  circles: { radii: [0.6, 1.3] as const, sigma: 0.04 },
  line: { from: [-1.3, -0.7] as Point, to: [1.3, 0.7] as Point, sigma: 0.03 },
  twogauss: {
    centers: [
      [-0.8, -0.5],
      [0.9, 0.6],
    ] as Point[],
    sigma: 0.25,
  },
  clusters: {
    centers: [
      [-1, 0.8],
      [1.1, 0.4],
      [0, -1.1],
    ] as Point[],
    half: 0.25,
  },
} as const;

/** Grid centres of the 5×5 set: spacing·(i − 2) for i = 0..4, on each axis. */
export const gridCenter = (i: number) => TOY.grid.spacing * (i - (TOY.grid.side - 1) / 2);

/** The two moons before centring: sklearn's make_moons curves. t ∈ [0, π]. */
export function moonCurve(upper: boolean, t: number): Point {
  return upper ? [Math.cos(t), Math.sin(t)] : [1 - Math.cos(t), 0.5 - Math.sin(t)];
}
/** make_moons' mean, subtracted so the set is centred: ((0 + 1)/2, (2/π + 0.5 − 2/π)/2). */
export const MOONS_CENTER: Point = [0.5, 0.25];

/** Two interleaved arms; arm 0 or 1, u ∈ [0, 1] from the centre outward. */
export function spiralCurve(arm: number, u: number): Point {
  const { turns, maxRadius } = TOY.spiral;
  const r = maxRadius * u;
  const angle = 2 * Math.PI * turns * u + arm * Math.PI;
  return [r * Math.cos(angle), r * Math.sin(angle)];
}

/** sklearn's 2-D swiss roll: t = 1.5π(1 + 2u), (t·cos t, t·sin t), scaled to fit. */
export function swissCurve(u: number): Point {
  const t = 1.5 * Math.PI * (1 + 2 * u);
  return [TOY.swiss.scale * t * Math.cos(t), TOY.swiss.scale * t * Math.sin(t)];
}

/** Centres of the checkerboard's dark cells (i + j even) on a cells × cells board. */
export function checkerCells(): Point[] {
  const { cells, half } = TOY.checker;
  const size = (2 * half) / cells;
  const out: Point[] = [];
  for (let i = 0; i < cells; i++)
    for (let j = 0; j < cells; j++)
      if ((i + j) % 2 === 0) out.push([-half + (i + 0.5) * size, -half + (j + 0.5) * size]);
  return out;
}

function pick<T>(items: readonly T[], r: Rand): T {
  return items[Math.min(items.length - 1, Math.floor(r.uniform() * items.length))]!;
}

/** One point of a toy set. */
function samplePoint(id: ToySetId, r: Rand): Point {
  switch (id) {
    case 'ring': {
      const { modes, radius, sigma } = TOY.ring;
      const a = (2 * Math.PI * Math.floor(r.uniform() * modes)) / modes;
      return [radius * Math.cos(a) + sigma * r.normal(), radius * Math.sin(a) + sigma * r.normal()];
    }
    case 'grid': {
      const { side, sigma } = TOY.grid;
      const i = Math.floor(r.uniform() * side);
      const j = Math.floor(r.uniform() * side);
      return [gridCenter(i) + sigma * r.normal(), gridCenter(j) + sigma * r.normal()];
    }
    case 'moons': {
      const upper = r.uniform() < 0.5;
      const [x, y] = moonCurve(upper, Math.PI * r.uniform());
      const { scale, sigma } = TOY.moons;
      return [
        scale * (x - MOONS_CENTER[0]) + sigma * r.normal(),
        scale * (y - MOONS_CENTER[1]) + sigma * r.normal(),
      ];
    }
    case 'spiral': {
      const arm = r.uniform() < 0.5 ? 0 : 1;
      const [x, y] = spiralCurve(arm, r.uniform());
      return [x + TOY.spiral.sigma * r.normal(), y + TOY.spiral.sigma * r.normal()];
    }
    case 'swiss': {
      const [x, y] = swissCurve(r.uniform());
      return [x + TOY.swiss.sigma * r.normal(), y + TOY.swiss.sigma * r.normal()];
    }
    case 'checker': {
      const [cx, cy] = pick(checkerCells(), r);
      const half = TOY.checker.half / TOY.checker.cells; // half a cell
      return [cx + half * (2 * r.uniform() - 1), cy + half * (2 * r.uniform() - 1)];
    }
    case 'circles': {
      const radius = pick(TOY.circles.radii, r);
      const a = 2 * Math.PI * r.uniform();
      const s = TOY.circles.sigma;
      return [radius * Math.cos(a) + s * r.normal(), radius * Math.sin(a) + s * r.normal()];
    }
    case 'line': {
      const { from, to, sigma } = TOY.line;
      const u = r.uniform();
      return [
        from[0] + u * (to[0] - from[0]) + sigma * r.normal(),
        from[1] + u * (to[1] - from[1]) + sigma * r.normal(),
      ];
    }
    case 'twogauss': {
      const [cx, cy] = pick(TOY.twogauss.centers, r);
      return [cx + TOY.twogauss.sigma * r.normal(), cy + TOY.twogauss.sigma * r.normal()];
    }
    case 'clusters': {
      // Uniform squares that do not touch: no path of data between the clusters.
      const [cx, cy] = pick(TOY.clusters.centers, r);
      const h = TOY.clusters.half;
      return [cx + h * (2 * r.uniform() - 1), cy + h * (2 * r.uniform() - 1)];
    }
  }
}

/** n points of a toy set as [x0, y0, x1, y1, …]. */
export function sampleToy(id: ToySetId, n: number, r: Rand): Float32Array {
  const out = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    const [x, y] = samplePoint(id, r);
    out[2 * i] = x;
    out[2 * i + 1] = y;
  }
  return out;
}

/**
 * Points near the ones a person drew: each sample is a drawn point (chosen uniformly) plus
 * Gaussian noise of standard deviation `spread`, so a few strokes make a smooth distribution.
 */
export function sampleDrawn(drawn: Float32Array, n: number, spread: number, r: Rand): Float32Array {
  const count = drawn.length / 2;
  if (count < 1) throw new Error('Draw some points first: the canvas is empty.');
  const out = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    const k = Math.min(count - 1, Math.floor(r.uniform() * count));
    out[2 * i] = drawn[2 * k]! + spread * r.normal();
    out[2 * i + 1] = drawn[2 * k + 1]! + spread * r.normal();
  }
  return out;
}
