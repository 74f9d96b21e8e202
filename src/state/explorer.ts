import { deriveSeed, mulberry32 } from '../data/random.ts';
import { makeRand } from '../data/toy2d.ts';

// The latent explorer's state: the sliders' code z, and the two ends of the interpolation
// strip. Sized to the model's latent size; pure functions, so the controller and tests share them.

export interface ExplorerState {
  z: number[];
  a: number[];
  b: number[];
  mode: 'linear' | 'spherical';
  /** The class a conditional model draws (0–9): fix it and move z. */
  label: number;
}

/** The explorer's sliders span ±Z_RANGE (N(0, I) puts 99.7% of each coordinate there). */
export const Z_RANGE = 3;

/** A code drawn from N(0, I), seeded by the run's seed and a counter. */
export function randomCode(d: number, seed: number, n: number): number[] {
  const r = makeRand(mulberry32(deriveSeed(seed, 'explorer', n)));
  return Array.from({ length: d }, () => Math.round(r.normal() * 100) / 100);
}

/** v cut or padded with zeros to length d. */
export const fit = (v: readonly number[], d: number): number[] =>
  Array.from({ length: d }, (_, i) => v[i] ?? 0);

export function initialExplorer(
  d: number,
  seed: number,
  z: readonly number[] | null,
): ExplorerState {
  return {
    z: fit(z ?? [], d),
    a: randomCode(d, seed, 0),
    b: randomCode(d, seed, 1),
    mode: 'spherical',
    label: 0,
  };
}

/** The state for another latent size: the same leading coordinates, zeros after. */
export function resize(e: ExplorerState, d: number): ExplorerState {
  if (e.z.length === d) return e;
  return { ...e, z: fit(e.z, d), a: fit(e.a, d), b: fit(e.b, d) };
}
