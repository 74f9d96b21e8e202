import * as tf from '@tensorflow/tfjs';
import type { RunConfig } from '../config/schema.ts';
import type { DigitSet } from '../data/mnistFormat.ts';
import { BatchOrder, deriveSeed } from '../data/random.ts';
import { createVae, type Vae } from '../models/vae.ts';
import { tileGray } from './pixels.ts';
import type { RgbaImage } from './protocol.ts';

// One training run: the model, its seeded data order and noise, the fixed inputs used for the
// pictures, and the step counter. Made anew on reset; the data tensors outlive it.

/** The digits on the device, split once into training and held-out parts. */
export interface DeviceData {
  rows: number;
  cols: number;
  /** [trainCount, rows·cols] floats in [0, 1]. */
  train: tf.Tensor2D;
  trainCount: number;
  /** Held-out digits as bytes, for the fixed reconstruction row. */
  heldOut: Uint8Array;
  heldOutCount: number;
}

/** The last HELD_OUT digits of the (class-interleaved) file are never trained on. */
export const HELD_OUT = 1000;
export const GRID_SIDE = 8;
export const RECON_COUNT = 8;

export function uploadDigits(set: DigitSet): DeviceData {
  const pixels = set.rows * set.cols;
  const trainCount = set.count - HELD_OUT;
  const floats = new Float32Array(trainCount * pixels);
  for (let i = 0; i < floats.length; i++) floats[i] = set.pixels[i]! / 255;
  return {
    rows: set.rows,
    cols: set.cols,
    train: tf.tensor2d(floats, [trainCount, pixels]),
    trainCount,
    heldOut: set.pixels.slice(trainCount * pixels),
    heldOutCount: HELD_OUT,
  };
}

export class TrainingSession {
  readonly model: Vae;
  step = 0;
  private readonly order: BatchOrder;
  /** The same z for the whole run, so the grid shows progress, not new draws. */
  private readonly fixedZ: tf.Tensor2D;
  /** The first RECON_COUNT held-out digits, as floats on the device. */
  private readonly fixedX: tf.Tensor2D;

  constructor(
    private readonly config: RunConfig,
    private readonly data: DeviceData,
  ) {
    const pixels = data.rows * data.cols;
    const { vae, seed } = config;
    this.model = createVae(pixels, vae, seed);
    this.order = new BatchOrder(data.trainCount, vae.batchSize, deriveSeed(seed, 'order'));
    this.fixedZ = tf.randomNormal(
      [GRID_SIDE * GRID_SIDE, vae.latentDim],
      0,
      1,
      'float32',
      deriveSeed(seed, 'grid-noise'),
    );
    const firstHeldOut = data.heldOut.subarray(0, RECON_COUNT * pixels);
    this.fixedX = tf.tidy(() =>
      tf.tensor2d(
        Float32Array.from(firstHeldOut, (v) => v / 255),
        [RECON_COUNT, pixels],
      ),
    );
  }

  /** Queues one training step on the device; returns its [reconstruction, kl, total]. */
  trainStep(): tf.Tensor1D {
    const { batchSize, latentDim } = this.config.vae;
    const idx = this.order.next();
    const step = this.step++;
    return tf.tidy(() => {
      const x = tf.gather(this.data.train, tf.tensor1d(idx, 'int32')) as tf.Tensor2D;
      // ε ~ N(0, I), seeded by (run seed, step): the same run draws the same noise.
      const eps = tf.randomNormal(
        [batchSize, latentDim],
        0,
        1,
        'float32',
        deriveSeed(this.config.seed, 'noise', step),
      ) as tf.Tensor2D;
      return this.model.trainStep(x, eps);
    });
  }

  /** The fixed-noise sample grid and the reconstruction row (originals above, rebuilt below). */
  async render(): Promise<{ samples: RgbaImage; reconstructions: RgbaImage }> {
    const { rows, cols } = this.data;
    const pixels = rows * cols;
    const decoded = this.model.decode(this.fixedZ);
    const rebuilt = this.model.reconstruct(this.fixedX);
    try {
      const [d, r] = await Promise.all([decoded.data(), rebuilt.data()]);
      const pair = new Float32Array(2 * RECON_COUNT * pixels);
      const originals = this.data.heldOut.subarray(0, RECON_COUNT * pixels);
      for (let i = 0; i < originals.length; i++) pair[i] = originals[i]! / 255;
      pair.set(r as Float32Array, RECON_COUNT * pixels);
      return {
        samples: tileGray(d as Float32Array, GRID_SIDE * GRID_SIDE, rows, cols, GRID_SIDE),
        reconstructions: tileGray(pair, 2 * RECON_COUNT, rows, cols, RECON_COUNT),
      };
    } finally {
      decoded.dispose();
      rebuilt.dispose();
    }
  }

  dispose(): void {
    this.model.dispose();
    this.fixedZ.dispose();
    this.fixedX.dispose();
  }
}
