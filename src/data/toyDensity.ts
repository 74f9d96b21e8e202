import {
  checkerCells,
  gridCenter,
  MOONS_CENTER,
  moonCurve,
  spiralCurve,
  swissCurve,
  TOY,
  type ToySetId,
} from './toy2d.ts';

// The density p_data(x) of each 2-D toy set, from the same definitions its sampler draws from
// (toy2d.ts): exact for the Gaussian mixtures and the uniform squares; for the sets drawn as a
// curve plus Gaussian noise, the mean of N(x; curve(u), σ²I) over the curve's parameter u,
// taken at CURVE_POINTS evenly spaced u (u is uniform in the sampler, so this is its density,
// up to the quadrature: the points lie closer together than σ/2 on every curve).

const CURVE_POINTS = 1200;

type Point = readonly [number, number];

const gauss = (dx: number, dy: number, s: number) =>
  Math.exp(-(dx * dx + dy * dy) / (2 * s * s)) / (2 * Math.PI * s * s);

/** The mean of isotropic Gaussians of spread s at `centres`, at (x, y). */
function mixture(centres: readonly Point[], s: number, x: number, y: number): number {
  let sum = 0;
  for (const [cx, cy] of centres) sum += gauss(x - cx, y - cy, s);
  return sum / centres.length;
}

/** Points at evenly spaced parameters of a curve (or of several, each equally likely). */
const along = (curves: ((u: number) => Point)[]): Point[] =>
  curves.flatMap((c) =>
    Array.from({ length: CURVE_POINTS / curves.length }, (_, i) =>
      c((i + 0.5) / (CURVE_POINTS / curves.length)),
    ),
  );

/** The mixtures' centres (or the curves' quadrature points), built once per set. */
const centres = new Map<ToySetId, { points: Point[]; sigma: number }>();

function centresOf(id: ToySetId): { points: Point[]; sigma: number } | null {
  const known = centres.get(id);
  if (known) return known;
  let made: { points: Point[]; sigma: number } | null = null;
  switch (id) {
    case 'ring': {
      const { modes, radius, sigma } = TOY.ring;
      const points = Array.from({ length: modes }, (_, k): Point => {
        const a = (2 * Math.PI * k) / modes;
        return [radius * Math.cos(a), radius * Math.sin(a)];
      });
      made = { points, sigma };
      break;
    }
    case 'grid': {
      const points: Point[] = [];
      for (let i = 0; i < TOY.grid.side; i++)
        for (let j = 0; j < TOY.grid.side; j++) points.push([gridCenter(i), gridCenter(j)]);
      made = { points, sigma: TOY.grid.sigma };
      break;
    }
    case 'twogauss':
      made = { points: [...TOY.twogauss.centers], sigma: TOY.twogauss.sigma };
      break;
    case 'moons': {
      const { scale, sigma } = TOY.moons;
      const moon = (upper: boolean) => (u: number) => {
        const [x, y] = moonCurve(upper, Math.PI * u);
        return [scale * (x - MOONS_CENTER[0]), scale * (y - MOONS_CENTER[1])] as Point;
      };
      made = { points: along([moon(true), moon(false)]), sigma };
      break;
    }
    case 'spiral':
      made = {
        points: along([(u) => spiralCurve(0, u), (u) => spiralCurve(1, u)]),
        sigma: TOY.spiral.sigma,
      };
      break;
    case 'swiss':
      made = { points: along([swissCurve]), sigma: TOY.swiss.sigma };
      break;
    case 'circles': {
      const circle = (r: number) => (u: number) =>
        [r * Math.cos(2 * Math.PI * u), r * Math.sin(2 * Math.PI * u)] as Point;
      made = { points: along(TOY.circles.radii.map(circle)), sigma: TOY.circles.sigma };
      break;
    }
    case 'line': {
      const { from, to, sigma } = TOY.line;
      const line = (u: number): Point => [
        from[0] + u * (to[0] - from[0]),
        from[1] + u * (to[1] - from[1]),
      ];
      made = { points: along([line]), sigma };
      break;
    }
    case 'checker':
    case 'clusters':
      made = null; // uniform squares: see toyDensity
      break;
  }
  if (made) centres.set(id, made);
  return made;
}

/** p_data at (x, y) for a toy set. */
export function toyDensity(id: ToySetId, x: number, y: number): number {
  if (id === 'checker' || id === 'clusters') {
    // Uniform over equally likely squares of half-side h: 1 / (count · (2h)²) inside one.
    const squares = id === 'checker' ? checkerCells() : TOY.clusters.centers;
    const h = id === 'checker' ? TOY.checker.half / TOY.checker.cells : TOY.clusters.half;
    const inside = squares.some(([cx, cy]) => Math.abs(x - cx) <= h && Math.abs(y - cy) <= h);
    return inside ? 1 / (squares.length * 4 * h * h) : 0;
  }
  const { points, sigma } = centresOf(id)!;
  return mixture(points, sigma, x, y);
}
