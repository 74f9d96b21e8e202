import * as tf from '../tf/tfjs.ts';
import type { RunConfig } from '../config/schema.ts';
import { buildDecoder, buildGaussianEncoder, trainableVariables } from './encoderDecoder.ts';
import { decoderLoss, decoderOutput, klToStandardNormal, logLikelihoodConstant } from './losses.ts';
import { fusedVaeStep } from './fusedSteps.ts';
import { withOurGradients } from '../kernels/fusedLayers.ts';
import { networkForward } from '../kernels/densePlan.ts';
import { disposeOptimizer, fusedOn, makeOptimizer, setLearningRate } from './optimizers.ts';
import {
  flatSize,
  type BuildOptions,
  type Classes,
  type DataShape,
  type GenerativeModel,
} from './types.ts';
import { MODELS } from '../config/models.ts';
import { CLASSES, classRows, givenClasses, withClass } from './conditioning.ts';

// A variational autoencoder (Kingma & Welling, 2013). Unlike the article's listing, the encoder
// outputs a Gaussian (mean and log-variance), z is sampled by reparameterisation, and the KL
// term is weighted by β (with an optional linear warm-up):
//   q(z|x) = N(μ, exp(logVar)),   z = μ + exp(logVar / 2) · ε,   ε ~ N(0, I)
//   loss   = recon(x, decoder(z)) + β · KL(q(z|x) ‖ N(0, I))      per example, batch mean

/** z = μ + σ·ε with σ = exp(logVar / 2): a sample of q(z|x) that gradients flow through. */
function reparameterize(mu: tf.Tensor2D, logVar: tf.Tensor2D, eps: tf.Tensor2D): tf.Tensor2D {
  return mu.add(logVar.mul(0.5).exp().mul(eps)) as tf.Tensor2D;
}

export function createVae(
  config: RunConfig,
  shape: DataShape,
  options?: BuildOptions,
): GenerativeModel {
  // The conditional VAE (Sohn et al., 2015) reads the class y beside x and beside z:
  //   q(z|x, y),  p(x|z, y);  loss = recon(x, decoder(z, y)) + β · KL(q(z|x, y) ‖ N(0, I))
  const conditional = MODELS[config.model].conditional === true;
  const fused = fusedOn(options) && !conditional;
  const encoder = buildGaussianEncoder(config, shape, conditional ? CLASSES : 0);
  const decoder = buildDecoder(config, shape, conditional ? CLASSES : 0);
  const optimizer = makeOptimizer(config, config.lr, fused);
  const vars = trainableVariables(encoder, decoder);
  /** β, which may change mid-run (setLive). */
  let liveBeta = config.beta;
  /** y one-hot for rows of x: their classes (conditional), else null. */
  const yOf = (n: number, classes: Classes | undefined) =>
    conditional ? givenClasses(n, classes) : null;
  const encoderOf = networkForward(encoder, fused);
  const decoderOf = networkForward(decoder, fused);
  const encode = (x: tf.Tensor2D, y: tf.Tensor2D | null) =>
    encoderOf(y ? withClass(x, y) : x) as [tf.Tensor2D, tf.Tensor2D];
  const logits = (z: tf.Tensor2D, y: tf.Tensor2D | null) => decoderOf(y ? withClass(z, y) : z)[0]!;
  const reconLoss = decoderLoss(shape.kind, config.recon);
  const output = decoderOutput(shape.kind);
  // On WebGPU the dense VAE trains with our kernels: same math, under a tenth of the dispatches.
  const ours = fused ? fusedVaeStep(config, shape, encoder, decoder, vars, optimizer) : null;

  return {
    metricNames: ['reconstruction', 'kl', 'total'],
    evaluationNames: ['heldOutReconstruction', 'heldOutTotal'],
    latentDim: config.latent,
    networks: [encoder, decoder],
    trainStep(ctx) {
      // β ramps linearly from 0 over `warmup` steps (KL annealing, Bowman et al. 2016).
      const beta =
        config.warmup > 0 ? liveBeta * Math.min(1, (ctx.step + 1) / config.warmup) : liveBeta;
      if (ours) return ours(ctx, beta);
      return withOurGradients(fused, () =>
        tf.tidy(() => {
          const [x, y] = conditional ? ctx.nextLabeledBatch() : [ctx.nextBatch(), null];
          const eps = ctx.normal([x.shape[0], config.latent]);
          // variableGrads keeps only the value it differentiates; the terms are kept by hand
          // (tf.keep) so they outlive its scope until the caller reads them back.
          const out: { terms?: tf.Tensor1D } = {};
          const { grads } = tf.variableGrads(() => {
            const [mu, logVar] = encode(x, y);
            const z = reparameterize(mu, logVar, eps);
            const recon = reconLoss(x, logits(z, y)).mean();
            const kl = klToStandardNormal(mu, logVar).mean();
            const total = recon.add(kl.mul(beta)) as tf.Scalar;
            out.terms = tf.keep(tf.stack([recon, kl, total]) as tf.Tensor1D);
            return total;
          }, vars);
          optimizer.applyGradients(grads);
          return out.terms!;
        }),
      );
    },
    evaluate(x, eps, classes) {
      return tf.tidy(() => {
        const y = yOf(x.shape[0], classes);
        const [mu, logVar] = encode(x, y);
        const z = reparameterize(mu, logVar, eps);
        const recon = reconLoss(x, logits(z, y));
        const negElbo = recon.add(klToStandardNormal(mu, logVar)); // −ELBO = recon + KL (β = 1)
        return tf.stack([recon.mean(), negElbo.mean()]) as tf.Tensor1D;
      });
    },
    classes: conditional ? CLASSES : undefined,
    generate(z, classes) {
      return tf.tidy(() => output(logits(z, conditional ? classRows(z.shape[0], classes) : null)));
    },
    encodeMean(x, classes) {
      return tf.tidy(() => encode(x, yOf(x.shape[0], classes))[0].clone());
    },
    posterior(x, classes) {
      return tf.tidy(() => encode(x, yOf(x.shape[0], classes)));
    },
    logLikelihood(x, z, classes) {
      const c = logLikelihoodConstant(shape.kind, config.recon, flatSize(shape));
      return tf.tidy(() => {
        // One x (and its class) against every z.
        const y = conditional ? yOf(1, classes)!.tile([z.shape[0], 1]) : null;
        return reconLoss(x.tile([z.shape[0], 1]), logits(z, y as tf.Tensor2D | null))
          .neg()
          .add(c) as tf.Tensor1D;
      });
    },
    reconstruct(x, classes) {
      return tf.tidy(() => {
        const y = yOf(x.shape[0], classes);
        return output(logits(encode(x, y)[0], y)); // through the mean of q(z|x)
      });
    },
    setLive(c) {
      setLearningRate(optimizer, c.lr);
      liveBeta = c.beta;
    },
    dispose() {
      encoder.dispose();
      decoder.dispose();
      disposeOptimizer(optimizer);
    },
  };
}
