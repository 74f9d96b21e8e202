import * as tf from '../../tf/tfjs.ts';
import { gridCodes, interpolateCodes } from '../../models/latentCodes.ts';
import type { DataShape, GenerativeModel } from '../../models/types.ts';
import { tileImages } from '../../data/pixels.ts';
import { CLASSES } from '../../models/conditioning.ts';
import type { LatentQuery, RgbaImage } from '../messages.ts';

// Latent queries → tile sheets, shared by the training worker (on the training backend) and
// the latent mirror (workers/mirror, on the CPU backend).

/** Whatever can answer latent queries: a training session, or the mirror of its weights. */
export interface LatentDecoder {
  /** The training step whose weights decode. */
  readonly step: number;
  /** `between` is awaited between slices of a many-image query, if the decoder slices. */
  decodeLatent(query: LatentQuery, between?: () => Promise<void>): Promise<RgbaImage>;
}

/** The codes a query asks for ([n, d] row-major) and the sheet's column count. */
function codesFor(query: LatentQuery, d: number): { codes: Float32Array; n: number; cols: number } {
  const given =
    query.kind === 'decode' || query.kind === 'classes'
      ? [query.z]
      : query.kind === 'grid'
        ? [query.base]
        : [query.from, query.to];
  for (const z of given) {
    if (z.length !== d || !z.every(Number.isFinite)) {
      throw new Error(`a latent code needs ${d} finite numbers, got ${z.length}`);
    }
  }
  if (query.kind === 'decode') return { codes: Float32Array.from(query.z), n: 1, cols: 1 };
  if (query.kind === 'classes') {
    const codes = new Float32Array(CLASSES * d);
    for (let c = 0; c < CLASSES; c++) codes.set(query.z, c * d);
    return { codes, n: CLASSES, cols: CLASSES };
  }
  if (query.kind === 'grid') {
    const side = Math.max(1, Math.min(32, Math.round(query.side)));
    const [a, b] = query.dims;
    if (a === b || Math.min(a, b) < 0 || Math.max(a, b) >= d)
      throw new Error(`bad grid dimensions ${a}, ${b}`);
    return {
      codes: gridCodes(query.base, query.dims, query.range, side),
      n: side * side,
      cols: side,
    };
  }
  const steps = Math.max(2, Math.min(32, Math.round(query.steps)));
  return {
    codes: interpolateCodes(query.from, query.to, steps, query.mode),
    n: steps,
    cols: steps,
  };
}

/** How a decoder may split a many-image query. */
export interface Slicing {
  /** Slices are sized to take about this long (the first is one image, to measure). */
  sliceMs: number;
  /** Awaited after each slice but the last. */
  between: () => Promise<void>;
}

/**
 * Decodes the codes a latent query asks for into one tile sheet: in one piece, or in slices
 * with `between` awaited after each. On the CPU a DCGAN generator takes ~30 ms per image, so
 * a 64-image grid in one piece would keep a slider's image waiting ~2 s; in slices, the
 * slider's query is answered in between (LatentQueries).
 */
export async function decodeLatentQuery(
  model: GenerativeModel,
  shape: DataShape,
  query: LatentQuery,
  slicing: Slicing | null = null,
): Promise<RgbaImage> {
  if (shape.kind === 'points')
    throw new Error('the latent explorer decodes images; this data set is 2-D points');
  const d = model.latentDim;
  const { codes, n, cols } = codesFor(query, d);
  const size = shape.height * shape.width * shape.channels;
  const values = new Float32Array(n * size);
  let k = slicing ? 1 : n;
  for (let first = 0; first < n;) {
    k = Math.min(k, n - first);
    const t0 = performance.now();
    const rows = codes.subarray(first * d, (first + k) * d);
    // Row i of the sheet as class i (the class sweep), or every row as the query's label.
    const classes =
      query.kind === 'classes'
        ? Array.from({ length: k }, (_, i) => (first + i) % CLASSES)
        : query.label === undefined
          ? null
          : new Array<number>(k).fill(query.label);
    const images = tf.tidy(() => model.generate(tf.tensor2d(rows, [k, d]), classes));
    try {
      values.set((await images.data()) as Float32Array, first * size);
    } finally {
      images.dispose();
    }
    first += k;
    if (slicing && first < n) {
      const msPerImage = Math.max(0.1, (performance.now() - t0) / k);
      k = Math.max(1, Math.floor(slicing.sliceMs / msPerImage));
      await slicing.between();
    }
  }
  return tileImages(values, n, shape, cols);
}
