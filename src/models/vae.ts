import * as tf from '@tensorflow/tfjs';
import type { VaeConfig } from '../config/schema.ts';
import { deriveSeed } from '../data/random.ts';
import { bceWithLogits, klToStandardNormal } from './losses.ts';

// A dense variational autoencoder (Kingma & Welling, 2013):
//   encoder  x ─► Dense(h, relu) ─► μ, logVar          q(z|x) = N(μ, exp(logVar))
//   sample   z = μ + exp(logVar / 2) · ε,  ε ~ N(0, I)  (reparameterisation)
//   decoder  z ─► Dense(h, relu) ─► Dense(pixels) logits, image = sigmoid(logits)
//   loss     BCE(x, decoder(z)) + KL(q(z|x) ‖ N(0, I)), both summed per example, batch mean

/** Names of the loss terms, in the order trainStep returns them. */
export const VAE_LOSS_NAMES = ['reconstruction', 'kl', 'total'] as const;

export interface Vae {
  encoder: tf.LayersModel;
  decoder: tf.LayersModel;
  optimizer: tf.Optimizer;
  /**
   * One optimiser step on a batch x ([b, pixels], values in [0, 1]) with noise eps ([b, latent]).
   * Returns [reconstruction, kl, total] as a tensor that stays on the device: the caller reads
   * it back later, in batches, and disposes it.
   */
  trainStep(x: tf.Tensor2D, eps: tf.Tensor2D): tf.Tensor1D;
  /** Decoded images sigmoid(decoder(z)) for z of shape [n, latent]. */
  decode(z: tf.Tensor2D): tf.Tensor2D;
  /** Reconstructions through the mean of q(z|x) (no sampling), for display. */
  reconstruct(x: tf.Tensor2D): tf.Tensor2D;
  dispose(): void;
}

function dense(units: number, seed: number, activation: 'relu' | 'linear', name: string) {
  return tf.layers.dense({
    units,
    activation,
    name,
    kernelInitializer: tf.initializers.glorotUniform({ seed }),
    biasInitializer: 'zeros',
  });
}

export function buildEncoder(pixels: number, cfg: VaeConfig, seed: number): tf.LayersModel {
  const x = tf.input({ shape: [pixels], name: 'x' });
  const h = dense(cfg.hiddenUnits, deriveSeed(seed, 'weights', 0), 'relu', 'enc_hidden').apply(
    x,
  ) as tf.SymbolicTensor;
  const mu = dense(cfg.latentDim, deriveSeed(seed, 'weights', 1), 'linear', 'z_mean').apply(
    h,
  ) as tf.SymbolicTensor;
  const logVar = dense(cfg.latentDim, deriveSeed(seed, 'weights', 2), 'linear', 'z_log_var').apply(
    h,
  ) as tf.SymbolicTensor;
  return tf.model({ inputs: x, outputs: [mu, logVar], name: 'encoder' });
}

export function buildDecoder(pixels: number, cfg: VaeConfig, seed: number): tf.LayersModel {
  return tf.sequential({
    name: 'decoder',
    layers: [
      tf.layers.inputLayer({ inputShape: [cfg.latentDim], name: 'z' }),
      dense(cfg.hiddenUnits, deriveSeed(seed, 'weights', 3), 'relu', 'dec_hidden'),
      dense(pixels, deriveSeed(seed, 'weights', 4), 'linear', 'x_logits'),
    ],
  });
}

export function createVae(pixels: number, cfg: VaeConfig, seed: number): Vae {
  const encoder = buildEncoder(pixels, cfg, seed);
  const decoder = buildDecoder(pixels, cfg, seed);
  const optimizer: tf.Optimizer = tf.train.adam(cfg.learningRate);
  const vars = [...encoder.trainableWeights, ...decoder.trainableWeights].map(
    (w) => w.read() as tf.Variable,
  );

  const encode = (x: tf.Tensor2D) => encoder.apply(x) as [tf.Tensor2D, tf.Tensor2D];
  const logits = (z: tf.Tensor2D) => decoder.apply(z) as tf.Tensor2D;

  return {
    encoder,
    decoder,
    optimizer,
    trainStep(x, eps) {
      return tf.tidy(() => {
        // variableGrads keeps only the value it differentiates; the three terms are kept by
        // hand (tf.keep) so they outlive its scope until the caller reads them back.
        const out: { terms?: tf.Tensor1D } = {};
        const { grads } = tf.variableGrads(() => {
          const [mu, logVar] = encode(x);
          const z = mu.add(logVar.mul(0.5).exp().mul(eps)) as tf.Tensor2D; // z = μ + σ·ε
          const recon = bceWithLogits(x, logits(z)).mean();
          const kl = klToStandardNormal(mu, logVar).mean();
          const total = recon.add(kl) as tf.Scalar;
          out.terms = tf.keep(tf.stack([recon, kl, total]) as tf.Tensor1D);
          return total;
        }, vars);
        optimizer.applyGradients(grads);
        return out.terms!;
      });
    },
    decode(z) {
      return tf.tidy(() => tf.sigmoid(logits(z)));
    },
    reconstruct(x) {
      return tf.tidy(() => tf.sigmoid(logits(encode(x)[0])));
    },
    dispose() {
      encoder.dispose();
      decoder.dispose();
      optimizer.dispose();
    },
  };
}
