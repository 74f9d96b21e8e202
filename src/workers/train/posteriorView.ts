import * as tf from '../../tf/tfjs.ts';
import { deriveSeed, mulberry32 } from '../../data/random.ts';
import { makeRand } from '../../data/toy2d.ts';
import { targetFits, type PosteriorTarget } from '../../config/posterior.ts';
import {
  boundsFromWeights,
  gaussianOnGrid,
  gridPoints,
  klOnGrid,
  logGaussian,
  logJoint,
  logPrior,
  massWindow,
  posteriorOnGrid,
  type GridWindow,
} from '../../metrics/posteriorGrid.ts';
import { flatSize, type GenerativeModel } from '../../models/types.ts';
import type { DeviceData } from './deviceData.ts';
import type { PosteriorProblem, PosteriorView } from './protocol.ts';

// The true posterior of a VAE with a 2-D latent for one x: log p(x|z) from the decoder on a
// coarse grid finds where p(z|x) has its mass, a fine grid there gives p(z|x) and log p(x),
// and samples of q(z|x) give the ELBO and IWAE_k (metrics/posteriorGrid.ts has the math).

/** The coarse grid finds the mass; the fine one, drawn and summed, resolves it. */
const COARSE_RES = 32;
export const POSTERIOR_RES = 48;
/** Samples of q for the ELBO and IWAE, in groups of IWAE_K. */
export const IWAE_K = 64;
const SAMPLES = 2048;
/** Codes decoded at once (a [CHUNK, pixels] batch of MNIST is 3 MB). */
const CHUNK = 1024;

/** Why a run cannot show the posterior for `target`, or null when it can. */
export function posteriorProblem(
  model: GenerativeModel,
  data: DeviceData,
  target: PosteriorTarget,
): PosteriorProblem | null {
  if (!model.posterior || !model.logLikelihood) return 'model';
  if (model.latentDim !== 2) return 'latent';
  if (!targetFits(target, data.shape.kind)) return 'target';
  if (target.kind === 'digit' && target.index >= data.heldOutCount) return 'target';
  return null;
}

/** log p(x|z) at each (z₀, z₁) pair of `points`, decoded CHUNK codes at a time. */
async function logLikelihoods(
  model: GenerativeModel,
  x: tf.Tensor2D,
  points: Float32Array,
  classes: number[] | null,
): Promise<Float32Array> {
  const n = points.length / 2;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i += CHUNK) {
    const m = Math.min(CHUNK, n - i);
    const t = tf.tidy(() =>
      model.logLikelihood!(x, tf.tensor2d(points.subarray(2 * i, 2 * (i + m)), [m, 2]), classes),
    );
    out.set(await t.data(), i);
    t.dispose();
  }
  return out;
}

export async function computePosterior(
  model: GenerativeModel,
  data: DeviceData,
  target: PosteriorTarget,
  step: number,
  seed: number,
): Promise<PosteriorView> {
  const size = flatSize(data.shape);
  const xs =
    target.kind === 'digit'
      ? data.heldOut.slice(target.index * size, (target.index + 1) * size)
      : Float32Array.of(target.x, target.y);
  const x = tf.tensor2d(xs, [1, size]);
  const label = target.kind === 'digit' ? (data.heldOutLabels?.[target.index] ?? null) : null;
  // A conditional VAE's q(z|x, y) and p(x|z, y): x's own class.
  const classes = label === null ? null : [label];
  try {
    const [muT, logVarT] = tf.tidy(() => model.posterior!(x, classes));
    const [m, lv] = await Promise.all([muT.data(), logVarT.data()]);
    tf.dispose([muT, logVarT]);
    const mu: [number, number] = [m[0]!, m[1]!];
    const sigma: [number, number] = [Math.exp(lv[0]! / 2), Math.exp(lv[1]! / 2)];

    // Where p(z|x) lives: N(0, I)'s ±4 and q's ±4σ, on a coarse grid.
    const half = Math.max(4, ...[0, 1].map((d) => Math.abs(mu[d]!) + 4 * sigma[d]!));
    const coarse: GridWindow = { cx: 0, cy: 0, half };
    const coarsePoints = gridPoints(coarse, COARSE_RES);
    const coarseJoint = logJoint(
      await logLikelihoods(model, x, coarsePoints, classes),
      coarsePoints,
    );
    const window = massWindow(coarseJoint, coarse, COARSE_RES, { mu, sigma });

    const points = gridPoints(window, POSTERIOR_RES);
    const joint = logJoint(await logLikelihoods(model, x, points, classes), points);
    const { posterior, logEvidence } = posteriorOnGrid(joint, window, POSTERIOR_RES);
    const q = gaussianOnGrid(mu, sigma, window, POSTERIOR_RES);

    // z = μ + σ·ε with seeded ε: the same draws at every step, so the bounds move with the
    // weights alone. log w = log p(x|z) + log p(z) − log q(z|x).
    const rand = makeRand(mulberry32(deriveSeed(seed, 'posterior')));
    const z = new Float32Array(2 * SAMPLES);
    for (let i = 0; i < z.length; i++) z[i] = mu[i % 2]! + sigma[i % 2]! * rand.normal();
    const lik = await logLikelihoods(model, x, z, classes);
    const logW = lik.map((l, i) => {
      const [z0, z1] = [z[2 * i]!, z[2 * i + 1]!];
      return l + logPrior(z0, z1) - logGaussian(z0, z1, mu, sigma);
    });
    const { elbo, iwae, iwaeSe } = boundsFromWeights(logW, IWAE_K);
    return {
      step,
      target,
      x: xs,
      xShape: [data.shape.height, data.shape.width, data.shape.channels],
      label,
      window,
      res: POSTERIOR_RES,
      posterior,
      q,
      mu,
      sigma,
      logPx: logEvidence,
      elbo,
      iwae,
      iwaeSe,
      k: IWAE_K,
      samples: SAMPLES,
      klGrid: klOnGrid(q, posterior),
    };
  } finally {
    x.dispose();
  }
}

export const posteriorBuffers = (v: PosteriorView): Transferable[] => [
  v.x.buffer,
  v.posterior.buffer,
  v.q.buffer,
];
