import * as tf from '../tf/tfjs.ts';
import { POINT_SIGMA } from '../config/datasets.ts';

// Loss terms of the VAE, per example (shape [batch]); callers take the batch mean.

/**
 * Binary cross-entropy between pixels x ∈ [0, 1] and the decoder's logits l, summed over pixels.
 * Computed from logits, not from sigmoid(l), so it never takes log(0):
 *   −[x·log σ(l) + (1 − x)·log(1 − σ(l))] = max(l, 0) − l·x + log(1 + exp(−|l|))
 */
export function bceWithLogits(x: tf.Tensor2D, logits: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => {
    const perPixel = tf
      .relu(logits)
      .sub(logits.mul(x))
      .add(tf.softplus(tf.neg(tf.abs(logits))));
    return perPixel.sum(1) as tf.Tensor1D;
  });
}

/**
 * KL(q(z|x) ‖ N(0, I)) for a diagonal Gaussian q = N(μ, exp(logVar)), summed over latent dims:
 *   KL = −½ Σ (1 + logVar − μ² − exp(logVar))
 */
export function klToStandardNormal(mu: tf.Tensor2D, logVar: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(
    () =>
      tf.scalar(1).add(logVar).sub(mu.square()).sub(logVar.exp()).sum(1).mul(-0.5) as tf.Tensor1D,
  );
}

/**
 * Reconstruction loss per example, from the decoder's logits l:
 *   'bce': Bernoulli likelihood, binary cross-entropy (above);
 *   'mse': Gaussian likelihood with fixed variance, Σ (x − σ(l))² over pixels.
 */
export function reconstructionLoss(
  kind: 'bce' | 'mse',
  x: tf.Tensor2D,
  logits: tf.Tensor2D,
): tf.Tensor1D {
  if (kind === 'bce') return bceWithLogits(x, logits);
  return tf.tidy(() => tf.squaredDifference(x, tf.sigmoid(logits)).sum(1) as tf.Tensor1D);
}

/** −log N(x; mean, s²·I) up to a constant: Σ (x − mean)² / (2 s²), per example. */
export function pointReconstructionLoss(x: tf.Tensor2D, mean: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(
    () =>
      tf
        .squaredDifference(x, mean)
        .sum(1)
        .div(2 * POINT_SIGMA * POINT_SIGMA) as tf.Tensor1D,
  );
}

/**
 * The decoder's likelihood for a kind of data: the chosen image loss on logits, or the
 * Gaussian above for points (whose decoder outputs the mean directly). With the matching
 * `decoderOutput`, which turns the decoder's raw output into data.
 */
export function decoderLoss(
  kind: 'image' | 'points',
  recon: 'bce' | 'mse',
): (x: tf.Tensor2D, raw: tf.Tensor2D) => tf.Tensor1D {
  return kind === 'points'
    ? pointReconstructionLoss
    : (x, logits) => reconstructionLoss(recon, x, logits);
}

export function decoderOutput(kind: 'image' | 'points'): (raw: tf.Tensor2D) => tf.Tensor2D {
  return kind === 'points' ? (raw) => raw.clone() : (raw) => tf.sigmoid(raw);
}

/**
 * What turns a loss above into log p(x|z) = −loss + c: the likelihood's normalising constant
 * c for x with `size` values (0 for the Bernoulli; −(D/2)·log π for 'mse', a Gaussian of
 * variance ½; −(D/2)·log 2πs² for points).
 */
export function logLikelihoodConstant(
  kind: 'image' | 'points',
  recon: 'bce' | 'mse',
  size: number,
): number {
  if (kind === 'points') return (-size / 2) * Math.log(2 * Math.PI * POINT_SIGMA * POINT_SIGMA);
  return recon === 'bce' ? 0 : (-size / 2) * Math.log(Math.PI);
}
