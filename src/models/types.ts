import type * as tf from '../tf/tfjs.ts';
import type { MetricName } from '../config/models.ts';
import type { RunConfig } from '../config/schema.ts';
import type { DataShape } from '../data/shape.ts';

export type { DataShape } from '../data/shape.ts';
export { flatSize } from '../data/shape.ts';

// What every model of the registry offers the training loop. Data always arrives as flat
// images in [0, 1] ([batch, pixels]); a model that works in another range (a GAN's tanh
// output in [−1, 1]) converts on its side, so the loop and the pictures never need to know.

/**
 * The class of each row, for conditional models (MNIST's digit labels); the methods that read
 * x need them from such a model, and ignore them in the others.
 */
export type Classes = ArrayLike<number> | null;

export interface StepContext {
  /** 0-based number of the step being taken. */
  step: number;
  /** A fresh batch of real data, [batch, pixels] in [0, 1]. May be called more than once. */
  nextBatch(): tf.Tensor2D;
  /**
   * The next batch as the data set and the rows it takes (int32, [batch]), for a kernel that
   * gathers them itself: the same draw as nextBatch().
   */
  nextRows(): { data: tf.Tensor2D; rows: tf.Tensor1D };
  /** A fresh batch with its classes one-hot ([batch, 10]); throws when the data have none. */
  nextLabeledBatch(): [tf.Tensor2D, tf.Tensor2D];
  /** Seeded noise: the same run, step and call order give the same values. */
  normal(shape: [number, number]): tf.Tensor2D;
  uniform(shape: [number, number]): tf.Tensor2D;
  /** A fresh seed from the same stream, for random layers (dropout). */
  seed(): number;
}

export interface GenerativeModel {
  readonly metricNames: readonly MetricName[];
  readonly latentDim: number;
  /** The networks (for export and for tests that check every weight trains). */
  readonly networks: readonly tf.LayersModel[];
  /**
   * One optimiser step (for a GAN: its D steps and one G step). Returns the metric vector,
   * in metricNames order, as a tensor left on the device for a batched read-back.
   */
  trainStep(ctx: StepContext): tf.Tensor1D;
  /**
   * GANs: one update of D alone or of G alone (the other network's loss measured, not
   * trained), with the same metric row as trainStep.
   */
  trainPart?(ctx: StepContext, part: 'd' | 'g'): tf.Tensor1D;
  /**
   * Images in [0, 1] decoded or generated from latent codes z ([n, latentDim]). Conditional
   * models draw row i as class `classes[i]`, or as class i mod 10 when none are given.
   */
  generate(z: tf.Tensor2D, classes?: Classes): tf.Tensor2D;
  /** Conditional models: how many classes they are conditioned on (10, MNIST's digits). */
  readonly classes?: number;
  /** Names of what `evaluate` returns (empty for models without one). */
  readonly evaluationNames: readonly MetricName[];
  /**
   * Losses on held-out data x, without training: the VAE's −ELBO (β = 1, one sample of z
   * from `eps`), the autoencoder's reconstruction loss.
   */
  evaluate?(x: tf.Tensor2D, eps: tf.Tensor2D, classes?: Classes): tf.Tensor1D;
  /** Reconstructions of x, for the models that have an encoder. */
  reconstruct?(x: tf.Tensor2D, classes?: Classes): tf.Tensor2D;
  /** D's readout per row of x (probability of "real"; LSGAN's and WGAN's raw score). GANs only. */
  critic?(x: tf.Tensor2D, classes?: Classes): tf.Tensor1D;
  /**
   * Where G's training pushes its outputs: x = G(z) and −∂L_G/∂x, the direction each generated
   * point moves under the next generator step (GAN Lab's gradient arrows). GANs only.
   */
  generatorPush?(z: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D];
  /** The code of x: the mean of q(z|x) for the VAE, the code itself for the autoencoder. */
  encodeMean?(x: tf.Tensor2D, classes?: Classes): tf.Tensor2D;
  /** q(z|x) = N(μ, diag exp(logVar)): its mean and log-variance per row of x. VAEs only. */
  posterior?(x: tf.Tensor2D, classes?: Classes): [tf.Tensor2D, tf.Tensor2D];
  /**
   * log p(x|z) for one x ([1, pixels]) at each row of z ([n, latentDim]): the decoder's
   * likelihood with its normalising constant. VAEs only.
   */
  logLikelihood?(x: tf.Tensor2D, z: tf.Tensor2D, classes?: Classes): tf.Tensor1D;
  /** Applies the fields that change mid-run (LIVE_FIELDS): the learning rates, the VAE's β. */
  setLive(config: RunConfig): void;
  dispose(): void;
}

/** The networks a run builds: the convolutional ones are for images, 2-D points get dense ones. */
export const networkArch = (config: RunConfig, shape: DataShape): RunConfig['arch'] =>
  shape.kind === 'image' ? config.arch : 'dense';

/** How a model is built to train. */
export interface BuildOptions {
  /**
   * Train with our fused WebGPU kernels (fusedSteps.ts, FusedAdam, the dropout and activation
   * gradient kernels) where the backend is WebGPU; false: tfjs's own ops and optimizer, as
   * tfjs's examples train (the benchmark's plain loop, the kernels' parity test). Default true.
   */
  fused?: boolean;
}

export type ModelBuilder = (
  config: RunConfig,
  shape: DataShape,
  options?: BuildOptions,
) => GenerativeModel;
