import * as tf from '../../tf/tfjs.ts';
import { deriveSeed, mulberry32 } from '../../data/random.ts';
import { makeRand } from '../../data/toy2d.ts';
import {
  histogramDensity,
  klToPrior,
  mixtureDensity,
  shareOutside,
} from '../../metrics/latentDensity.ts';
import type { GenerativeModel } from '../../models/types.ts';
import type { DeviceData } from './deviceData.ts';
import type { CodeMap } from './protocol.ts';

// Where an encoder puts held-out images in a 2-D latent plane (compare mode's code map): each
// image's code (the VAE: the mean of q(z|x)) with its class, and the density they make, the
// VAE's aggregate posterior q(z) or the autoencoder's histogram, with KL(q(z) ‖ N(0, I)).

/** Held-out images encoded (MNIST has 1,000; half is plenty for a map and is quick). */
export const CODE_MAP_COUNT = 500;
/**
 * The map shows at least [−4, 4]², where N(0, I) has all but 0.01% of its mass, and widens to
 * show nearly all codes (an autoencoder's may lie at ±20 or more), up to the link's Z_LIMIT.
 */
const STOPS = [4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50];

/** The map's half-width: the first stop past 98% of the codes' coordinates (and a margin). */
export function mapExtent(codes: Float32Array): number {
  const abs = Float32Array.from(codes, Math.abs).sort();
  const q = abs.length ? abs[Math.floor(0.98 * (abs.length - 1))]! * 1.1 : 0;
  return STOPS.find((s) => s >= q) ?? 50;
}
export const MAP_RES = 40;
const KL_SAMPLES = 1000;

/** Whether a run can draw a code map: images, an encoder, a 2-D latent. */
export const hasCodeMap = (model: GenerativeModel, data: DeviceData): boolean =>
  data.shape.kind === 'image' && model.latentDim === 2 && !!model.encodeMean;

export async function computeCodeMap(
  model: GenerativeModel,
  data: DeviceData,
  step: number,
  seed: number,
): Promise<CodeMap> {
  const size = data.train.shape[1];
  const n = Math.min(CODE_MAP_COUNT, Math.floor(data.heldOut.length / size));
  const x = tf.tensor2d(data.heldOut.subarray(0, n * size), [n, size]);
  const classes = data.heldOutLabels;
  const [mean, logVar] = model.posterior
    ? model.posterior(x, classes)
    : [model.encodeMean!(x, classes), null];
  x.dispose();
  try {
    const [codes, spread] = await Promise.all([mean.data(), logVar?.data()]);
    const c = codes as Float32Array<ArrayBuffer>;
    const lv = (spread as Float32Array | undefined) ?? null;
    const extent = mapExtent(c);
    const values = lv
      ? mixtureDensity(c, lv, MAP_RES, extent)
      : histogramDensity(c, MAP_RES, extent);
    return {
      step,
      extent,
      codes: c,
      labels: data.heldOutLabels ? data.heldOutLabels.slice(0, n) : null,
      density: {
        res: MAP_RES,
        values: values as Float32Array<ArrayBuffer>,
        kind: lv ? 'aggregate' : 'histogram',
      },
      outside: shareOutside(c, extent),
      kl: lv
        ? klToPrior(c, lv, KL_SAMPLES, makeRand(mulberry32(deriveSeed(seed, 'code-map-kl', step))))
        : null,
    };
  } finally {
    mean.dispose();
    logVar?.dispose();
  }
}
