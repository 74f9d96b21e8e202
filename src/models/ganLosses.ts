import * as tf from '../tf/tfjs.ts';

// The GAN objectives, from the discriminator's raw outputs d (logits, or critic scores for
// WGAN) on real data (dReal) and on generated data (dFake). σ is the sigmoid, D(x) = σ(d).
// Note log σ(d) = −softplus(−d) and log(1 − σ(d)) = −softplus(d): no log(0) anywhere.

export type GanLoss = 'nonsaturating' | 'minimax' | 'lsgan' | 'wgangp';

/**
 * The discriminator's (critic's) loss, without WGAN-GP's gradient penalty (added by the caller).
 * `realTarget` is 1 − one-sided label smoothing.
 */
export function discriminatorLoss(
  kind: GanLoss,
  dReal: tf.Tensor,
  dFake: tf.Tensor,
  realTarget: number,
): tf.Scalar {
  return tf.tidy(() => {
    switch (kind) {
      case 'nonsaturating':
      case 'minimax': {
        // max_D E[log D(x)] + E[log(1 − D(G(z)))], as a BCE to minimise, real label realTarget:
        //   BCE(t, d) = t·softplus(−d) + (1 − t)·softplus(d)
        const real = tf
          .softplus(tf.neg(dReal))
          .mul(realTarget)
          .add(tf.softplus(dReal).mul(1 - realTarget));
        return real.mean().add(tf.softplus(dFake).mean()) as tf.Scalar;
      }
      case 'lsgan':
        // ½ E[(d(x) − t)²] + ½ E[d(G(z))²]
        return tf
          .squaredDifference(dReal, realTarget)
          .mean()
          .add(dFake.square().mean())
          .mul(0.5) as tf.Scalar;
      case 'wgangp':
        // The critic maximises E[d(x)] − E[d(G(z))], the Wasserstein-1 estimate.
        return dFake.mean().sub(dReal.mean()) as tf.Scalar;
    }
  });
}

/** The generator's loss on d(G(z)). */
export function generatorLoss(kind: GanLoss, dFake: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    switch (kind) {
      case 'nonsaturating':
        return tf.softplus(tf.neg(dFake)).mean() as tf.Scalar; // −E[log D(G(z))]
      case 'minimax':
        return tf.softplus(dFake).mean().neg() as tf.Scalar; // E[log(1 − D(G(z)))], saturates
      case 'lsgan':
        return tf.squaredDifference(dFake, 1).mean().mul(0.5) as tf.Scalar; // ½ E[(d − 1)²]
      case 'wgangp':
        return dFake.mean().neg() as tf.Scalar; // −E[d(G(z))]
    }
  });
}

/**
 * WGAN-GP's gradient penalty (Gulrajani et al., 2017): E[(‖∇x̂ d(x̂)‖₂ − 1)²] at points
 * x̂ = α·x + (1 − α)·G(z), α ~ U(0, 1) per example. Differentiable with respect to the critic's
 * weights (a gradient of a gradient).
 */
export function gradientPenalty(
  critic: (x: tf.Tensor2D) => tf.Tensor,
  real: tf.Tensor2D,
  fake: tf.Tensor2D,
  alpha: tf.Tensor2D,
): tf.Scalar {
  const xHat = alpha.mul(real).add(tf.scalar(1).sub(alpha).mul(fake)) as tf.Tensor2D;
  const grad = tf.grad((x: tf.Tensor) => critic(x as tf.Tensor2D).sum())(xHat);
  const norm = grad.square().sum(1).add(1e-12).sqrt(); // ε keeps the gradient of √ finite at 0
  return norm.sub(1).square().mean() as tf.Scalar;
}

/** What the chart shows as "D(x)" and "D(G(z))": probabilities, or raw scores for LSGAN/WGAN. */
export function discriminatorReadout(kind: GanLoss, d: tf.Tensor): tf.Scalar {
  return tf.tidy(
    () =>
      (kind === 'nonsaturating' || kind === 'minimax'
        ? tf.sigmoid(d).mean()
        : d.mean()) as tf.Scalar,
  );
}
