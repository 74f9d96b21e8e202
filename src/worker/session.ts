import * as tf from '@tensorflow/tfjs';
import type { RunConfig } from '../config/schema.ts';
import type { DigitSet } from '../data/mnistFormat.ts';
import { BatchOrder, deriveSeed } from '../data/random.ts';
import { BUILDERS } from '../models/registry.ts';
import { stepContext } from '../models/stepContext.ts';
import type { GenerativeModel } from '../models/types.ts';
import { tileGray } from './pixels.ts';
import { gridCodes, interpolateCodes } from '../models/latentCodes.ts';
import type { LatentQuery, RgbaImage } from './protocol.ts';

// One training run: the model from the registry, its seeded data order and noise, the fixed
// inputs used for the pictures, and the step counter. Made anew on reset; the data tensors
// outlive it.

/** The digits on the device, split once into training and held-out parts. */
export interface DeviceData {
  rows: number;
  cols: number;
  /** [trainCount, rows·cols] floats in [0, 1]. */
  train: tf.Tensor2D;
  trainCount: number;
  /** The first training digits as bytes, for the "real samples" row. */
  trainPreview: Uint8Array;
  /** Held-out digits as bytes, for the fixed reconstruction row. */
  heldOut: Uint8Array;
  /** The first EVAL_COUNT held-out digits on the device, for held-out losses. */
  heldOutX: tf.Tensor2D;
  heldOutCount: number;
}

/** The last HELD_OUT digits of the (class-interleaved) file are never trained on. */
export const HELD_OUT = 1000;
export const GRID_SIDE = 8;
export const ROW_COUNT = 8;
export const EVAL_COUNT = 256;

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
    trainPreview: set.pixels.slice(0, ROW_COUNT * pixels),
    heldOut: set.pixels.slice(trainCount * pixels),
    heldOutX: tf.tensor2d(
      Float32Array.from(
        set.pixels.subarray(trainCount * pixels, (trainCount + EVAL_COUNT) * pixels),
        (v) => v / 255,
      ),
      [EVAL_COUNT, pixels],
    ),
    heldOutCount: HELD_OUT,
  };
}

export interface Pictures {
  samples: RgbaImage;
  /** Held-out digits above their reconstructions, or (models without an encoder) real digits. */
  second: { kind: 'reconstructions' | 'real'; image: RgbaImage };
}

export class TrainingSession {
  readonly model: GenerativeModel;
  step = 0;
  private readonly order: BatchOrder;
  /** The same z for the whole run, so the grid shows progress, not new draws. */
  private readonly fixedZ: tf.Tensor2D;
  /** The first ROW_COUNT held-out digits, as floats on the device. */
  private readonly fixedX: tf.Tensor2D;

  constructor(
    private readonly config: RunConfig,
    private readonly data: DeviceData,
  ) {
    const pixels = data.rows * data.cols;
    this.model = BUILDERS[config.model](config, {
      height: data.rows,
      width: data.cols,
      channels: 1,
    });
    this.order = new BatchOrder(data.trainCount, config.batch, deriveSeed(config.seed, 'order'));
    this.fixedZ = tf.randomNormal(
      [GRID_SIDE * GRID_SIDE, config.latent],
      0,
      1,
      'float32',
      deriveSeed(config.seed, 'grid-noise'),
    );
    this.fixedX = data.heldOutX.slice([0, 0], [ROW_COUNT, pixels]);
  }

  /** Queues one training step on the device; returns its metric vector. */
  trainStep(): tf.Tensor1D {
    const ctx = stepContext(this.data.train, this.order, this.config.seed, this.step++);
    return tf.tidy(() => this.model.trainStep(ctx));
  }

  /** Applies learning-rate changes without a reset. */
  setLearningRates(config: RunConfig): void {
    this.model.setLearningRates(config);
  }

  /** The fixed-noise sample grid, and reconstructions (or real digits) below it. */
  async render(): Promise<Pictures> {
    const { rows, cols } = this.data;
    const pixels = rows * cols;
    const generated = this.model.generate(this.fixedZ);
    const rebuilt = this.model.reconstruct?.(this.fixedX) ?? null;
    try {
      const [g, r] = await Promise.all([generated.data(), rebuilt?.data()]);
      const samples = tileGray(g as Float32Array, GRID_SIDE * GRID_SIDE, rows, cols, GRID_SIDE);
      if (!r) {
        const image = tileGray(this.data.trainPreview, ROW_COUNT, rows, cols, ROW_COUNT);
        return { samples, second: { kind: 'real', image } };
      }
      const pair = new Float32Array(2 * ROW_COUNT * pixels);
      const originals = this.data.heldOut.subarray(0, ROW_COUNT * pixels);
      for (let i = 0; i < originals.length; i++) pair[i] = originals[i]! / 255;
      pair.set(r as Float32Array, ROW_COUNT * pixels);
      const image = tileGray(pair, 2 * ROW_COUNT, rows, cols, ROW_COUNT);
      return { samples, second: { kind: 'reconstructions', image } };
    } finally {
      generated.dispose();
      rebuilt?.dispose();
    }
  }

  /** Held-out losses (evaluationNames order), or null for models without them. */
  async evaluate(): Promise<Float32Array<ArrayBuffer> | null> {
    const { evaluate } = this.model;
    if (!evaluate) return null;
    const values = tf.tidy(() => {
      const x = this.data.heldOutX;
      const eps = tf.randomNormal(
        [x.shape[0], this.config.latent],
        0,
        1,
        'float32',
        deriveSeed(this.config.seed, 'eval-noise', this.step),
      );
      return evaluate(x, eps as tf.Tensor2D);
    });
    try {
      return (await values.data()) as Float32Array<ArrayBuffer>;
    } finally {
      values.dispose();
    }
  }

  /** Decodes the codes a latent query asks for into one tile sheet. */
  async decodeLatent(query: LatentQuery): Promise<RgbaImage> {
    const d = this.model.latentDim;
    const sizes =
      query.kind === 'decode'
        ? [query.z]
        : query.kind === 'grid'
          ? [query.base]
          : [query.from, query.to];
    for (const z of sizes) {
      if (z.length !== d || !z.every(Number.isFinite)) {
        throw new Error(`a latent code needs ${d} finite numbers, got ${z.length}`);
      }
    }
    let codes: Float32Array;
    let cols: number;
    if (query.kind === 'decode') {
      codes = Float32Array.from(query.z);
      cols = 1;
    } else if (query.kind === 'grid') {
      const side = Math.max(1, Math.min(32, Math.round(query.side)));
      const [a, b] = query.dims;
      if (a === b || Math.min(a, b) < 0 || Math.max(a, b) >= d)
        throw new Error(`bad grid dimensions ${a}, ${b}`);
      codes = gridCodes(query.base, query.dims, query.range, side);
      cols = side;
    } else {
      const steps = Math.max(2, Math.min(32, Math.round(query.steps)));
      codes = interpolateCodes(query.from, query.to, steps, query.mode);
      cols = steps;
    }
    const n = codes.length / d;
    const images = tf.tidy(() => this.model.generate(tf.tensor2d(codes, [n, d])));
    try {
      const values = (await images.data()) as Float32Array;
      return tileGray(values, n, this.data.rows, this.data.cols, cols);
    } finally {
      images.dispose();
    }
  }

  dispose(): void {
    this.model.dispose();
    this.fixedZ.dispose();
    this.fixedX.dispose();
  }
}
