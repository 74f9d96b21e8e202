// The catalog of data sets, as the page and the worker see them (no tfjs here). Images arrive
// in the models as flat rows in [0, 1]; 2-D points as (x, y) rows inside the view square
// [−PLANE_EXTENT, PLANE_EXTENT]².

export const DATA_SETS = [
  'mnist',
  'shapes',
  'upload',
  'ring',
  'grid',
  'moons',
  'spiral',
  'swiss',
  'checker',
  'circles',
  'line',
  'twogauss',
  'clusters',
  'drawn',
] as const;

export type DataSetId = (typeof DATA_SETS)[number];

export type DataKind = 'image' | 'points';

const IMAGE_SETS: readonly DataSetId[] = ['mnist', 'shapes', 'upload'];
export const POINT_SETS: ReadonlySet<DataSetId> = new Set(
  DATA_SETS.filter((d) => !IMAGE_SETS.includes(d)),
);

export const dataKind = (id: DataSetId): DataKind => (POINT_SETS.has(id) ? 'points' : 'image');

/** Half the side of the square the 2-D view shows; every 2-D data set lies well inside it. */
export const PLANE_EXTENT = 2;

/** All ten digits selected: the `digits` field is a bitmask, bit d for digit d. */
export const ALL_DIGITS = 0b1111111111;

export function digitsFromMask(mask: number): number[] {
  const out: number[] = [];
  for (let d = 0; d < 10; d++) if (mask & (1 << d)) out.push(d);
  return out;
}

export const maskFromDigits = (digits: readonly number[]): number =>
  digits.reduce((m, d) => m | (1 << d), 0);

/** Sizes for the person's own images: 28×28 gray like MNIST, or 32×32 color. */
export const UPLOAD_SIZES = ['gray28', 'color32'] as const;
export type UploadSize = (typeof UPLOAD_SIZES)[number];

export function uploadShape(size: UploadSize): { height: number; width: number; channels: 1 | 3 } {
  return size === 'gray28'
    ? { height: 28, width: 28, channels: 1 }
    : { height: 32, width: 32, channels: 3 };
}

/**
 * Standard deviation of the decoder's Gaussian for 2-D points, p(x|z) = N(x; mean, s²·I), in
 * plane units: about the noise of the toy sets, so the VAE is asked for that much detail.
 */
export const POINT_SIGMA = 0.1;
