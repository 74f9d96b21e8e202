import * as tf from '../tf/tfjs.ts';
import type { RunConfig } from '../config/schema.ts';
import { realAndFake } from '../kernels/fusedBatch.ts';
import { convPlan, runConvPlan } from '../kernels/fusedConv.ts';
import { densePlan, logitHead, runDensePlan, runDenseTrunk } from '../kernels/densePlan.ts';
import { gaussianHeads, runGaussianHeads } from '../kernels/fusedHeads.ts';
import { ganDiscriminatorTermsOfLogit, ganMetricRowOfLogit } from '../kernels/fusedLogit.ts';
import {
  ganDiscriminatorTerms,
  ganMetricRow,
  reparameterizeFused,
  vaeRowFused,
} from '../kernels/fusedLosses.ts';
import type { DataShape, StepContext } from './types.ts';

// The GAN's and the dense VAE's training steps built from our WebGPU kernels (fusedDense.ts,
// fusedHeads.ts, fusedConv.ts, fusedLosses.ts): the same math as gan.ts's and vae.ts's steps, which stay the reference (and
// the benchmark's plain loop), in under a tenth of their dispatches for the dense models.
// Besides the kernels:
//   - D's step runs D once on [real; fake], as the reference does (so the DCGAN's dropout
//     draws the same masks in both), that batch gathered, scaled and joined in one kernel;
//   - a step differentiates the metric row itself, with dy picking the loss (engine.gradients),
//     so no separate loss tensor, stack or unstack is needed.
// The models call these only when built with our kernels on WebGPU (BuildOptions.fused). Null
// (use the reference step) for the convolutional VAE, and for WGAN-GP, whose gradient penalty
// differentiates D twice (our dense kernels' gradients are not themselves differentiable).

/** Gradients of Σ dy·f() over vars, by variable name, and f()'s value. */
function gradientsOf(
  f: () => tf.Tensor1D,
  vars: tf.Variable[],
  dy: number[],
): { value: tf.Tensor1D; grads: tf.NamedTensorMap } {
  const { value, grads } = tf.engine().gradients(f, vars, tf.tensor1d(dy), true);
  const named: tf.NamedTensorMap = {};
  vars.forEach((v, i) => {
    if (grads[i]) named[v.name] = grads[i];
  });
  return { value, grads: named };
}

export interface FusedGan {
  /** One update of D; returns [L_D, mean D(x), mean D(G(z))]. */
  discriminatorStep(ctx: StepContext, dOpt: tf.Optimizer): tf.Tensor1D;
  /** One update of G; returns the metric row [L_D, L_G, D(x), D(G(z))] with D's terms. */
  generatorStep(ctx: StepContext, gOpt: tf.Optimizer, dTerms: tf.Tensor1D): tf.Tensor1D;
}

export function fusedGan(
  config: RunConfig,
  generator: tf.LayersModel,
  discriminator: tf.LayersModel,
  gVars: tf.Variable[],
  dVars: tf.Variable[],
  /** Images: G draws in [−1, 1] (tanh), so real data x ∈ [0, 1] is shown to D as 2x − 1. */
  images: boolean,
): FusedGan | null {
  if (config.loss === 'wgangp') return null;
  // Dense networks run as fused layers; the DCGAN's D as conv + LeakyReLU kernels
  // (fusedConv.ts) and its G through tf.layers; both get the loss kernels and one pass of D.
  const gPlan = densePlan(generator);
  const dPlan = densePlan(discriminator);
  const dConvPlan = dPlan ? null : convPlan(discriminator);
  const G = (z: tf.Tensor2D) =>
    gPlan ? runDensePlan(gPlan, z)[0]! : (generator.apply(z, { training: true }) as tf.Tensor2D);
  const D = (x: tf.Tensor2D) =>
    dPlan
      ? runDensePlan(dPlan, x)[0]!
      : dConvPlan
        ? runConvPlan(dConvPlan, x)
        : (discriminator.apply(x, { training: true }) as tf.Tensor2D);
  const realTarget = 1 - config.smooth;
  // A dense D's logit layer is taken into the loss kernels (fusedLogit.ts), which read its
  // last hidden layer: the layer's forward and the loss's gradient are no dispatches of their own.
  const logit = dPlan ? logitHead(dPlan) : null;
  const dTermsOf = (x: tf.Tensor2D, n: number) =>
    logit
      ? ganDiscriminatorTermsOfLogit(config.loss, runDenseTrunk(dPlan!, x), logit, n, realTarget)
      : ganDiscriminatorTerms(config.loss, D(x), n, realTarget);
  const rowOf = (x: tf.Tensor2D, dTerms: tf.Tensor1D) =>
    logit
      ? ganMetricRowOfLogit(config.loss, runDenseTrunk(dPlan!, x), logit, dTerms)
      : ganMetricRow(config.loss, D(x), dTerms);
  return {
    discriminatorStep(ctx, dOpt) {
      return tf.tidy(() => {
        const { data, rows } = ctx.nextRows();
        const n = rows.shape[0];
        const fake = G(ctx.normal([n, config.latent]));
        const both = realAndFake(data, rows, fake, images ? 2 : 1, images ? -1 : 0);
        const { value, grads } = gradientsOf(() => dTermsOf(both, n), dVars, [1, 0, 0]);
        dOpt.applyGradients(grads);
        return value;
      });
    },
    generatorStep(ctx, gOpt, dTerms) {
      return tf.tidy(() => {
        const z = ctx.normal([config.batch, config.latent]);
        const { value, grads } = gradientsOf(() => rowOf(G(z), dTerms), gVars, [0, 1, 0, 0]);
        gOpt.applyGradients(grads);
        return value;
      });
    },
  };
}

/** The VAE's step ([reconstruction, KL, total]), or null where the reference step is used. */
export function fusedVaeStep(
  config: RunConfig,
  shape: DataShape,
  encoder: tf.LayersModel,
  decoder: tf.LayersModel,
  vars: tf.Variable[],
  optimizer: tf.Optimizer,
): ((ctx: StepContext, beta: number) => tf.Tensor1D) | null {
  const encPlan = densePlan(encoder);
  const decPlan = densePlan(decoder);
  const heads = encPlan && gaussianHeads(encPlan);
  if (!encPlan || !decPlan || !heads) return null;
  return (ctx, beta) =>
    tf.tidy(() => {
      const x = ctx.nextBatch();
      const eps = ctx.normal([x.shape[0], config.latent]);
      const { value, grads } = gradientsOf(
        () => {
          const ml = runGaussianHeads(runDenseTrunk(encPlan, x), heads); // [μ | logVar]
          const raw = runDensePlan(decPlan, reparameterizeFused(ml, eps))[0]!;
          return vaeRowFused(shape.kind, config.recon, x, raw, ml, beta);
        },
        vars,
        [0, 0, 1],
      );
      optimizer.applyGradients(grads);
      return value;
    });
}
