import * as tf from '../../tf/tfjs.ts';
import { MODELS } from '../../config/models.ts';
import { PLANE_EXTENT } from '../../config/datasets.ts';
import type { RunConfig } from '../../config/schema.ts';
import { BatchOrder, deriveSeed } from '../../data/random.ts';
import { BUILDERS } from '../../models/registry.ts';
import { stepContext } from '../../models/stepContext.ts';
import type { BuildOptions, GenerativeModel } from '../../models/types.ts';
import { ROW_COUNT, type DeviceData } from './deviceData.ts';
import { tileImages } from '../../data/pixels.ts';
import type { PlaneView } from './protocol.ts';
import type { LatentQuery, RgbaImage } from '../messages.ts';
import { renderPlane } from './plane.ts';
import { QUALITY_SLICE } from '../judge/protocol.ts';
import { decodeLatentQuery, type LatentDecoder } from '../shared/latentImages.ts';

// One training run: the model from the registry, its seeded data order and noise, the fixed
// inputs used for the pictures, and the step counter. Made anew on reset; the data tensors
// (deviceData.ts) outlive it.

export const GRID_SIDE = 8;

export interface Pictures {
  samples: RgbaImage;
  /** Held-out images above their reconstructions, or (models without an encoder) real ones. */
  second: { kind: 'reconstructions' | 'real'; image: RgbaImage };
}

export class TrainingSession implements LatentDecoder {
  readonly model: GenerativeModel;
  step = 0;
  private readonly order: BatchOrder;
  /** The same z for the whole run, so the pictures show progress, not new draws. */
  private readonly fixedZ: tf.Tensor2D;
  /** The first held-out rows, for the reconstruction row. */
  private readonly fixedX: tf.Tensor2D;

  private readonly config: RunConfig;

  constructor(
    config: RunConfig,
    readonly data: DeviceData,
    build: BuildOptions = {},
  ) {
    // A handful of uploaded images is smaller than a batch: then each batch is all of them.
    this.config = { ...config, batch: Math.min(config.batch, data.trainCount) };
    config = this.config;
    if (MODELS[config.model].conditional && !data.trainLabels) {
      throw new Error(
        'A conditional model learns one distribution per digit class, so it needs labelled data: choose MNIST.',
      );
    }
    this.model = BUILDERS[config.model](config, data.shape, build);
    this.order = new BatchOrder(data.trainCount, config.batch, deriveSeed(config.seed, 'order'));
    const points = data.shape.kind === 'points';
    this.fixedZ = tf.randomNormal(
      [points ? data.previewCount : GRID_SIDE * GRID_SIDE, config.latent],
      0,
      1,
      'float32',
      deriveSeed(config.seed, 'grid-noise'),
    );
    const size = data.train.shape[1];
    this.fixedX = data.heldOutX.slice([0, 0], [Math.min(ROW_COUNT, data.heldOutX.shape[0]), size]);
  }

  /** Whether the D loss at the best D, 2 ln 2 − 2·JS, applies: log-loss GANs, no smoothing. */
  get bestDLossShown(): boolean {
    const { model, loss, smooth } = this.config;
    return (
      MODELS[model].family === 'gan' &&
      (loss === 'nonsaturating' || loss === 'minimax') &&
      smooth === 0
    );
  }

  /** The held-out rows' classes (MNIST), which conditional models read beside x. */
  get heldOutClasses(): Uint8Array | null {
    return this.data.heldOutLabels;
  }

  /** The batch size in use: the config's, or the whole training set when that is smaller. */
  get batch(): number {
    return this.config.batch;
  }

  /** The run's seed (every random stream derives from it). */
  get seed(): number {
    return this.config.seed;
  }

  get isPlane(): boolean {
    return this.data.shape.kind === 'points';
  }

  /**
   * Queues one training step on the device; returns its metric vector. `part`: a GAN's D
   * alone or G alone (the buttons "Train D only", "Train G only").
   */
  trainStep(part: 'd' | 'g' | null = null): tf.Tensor1D {
    const { train, trainLabels } = this.data;
    const ctx = stepContext(train, this.order, this.config.seed, this.step++, trainLabels);
    const { trainPart } = this.model;
    return tf.tidy(() => (part && trainPart ? trainPart(ctx, part) : this.model.trainStep(ctx)));
  }

  /** Applies the mid-run changes (learning rates, β) without a reset. */
  setLive(config: RunConfig): void {
    this.model.setLive(config);
  }

  /** The fixed-noise sample grid, and reconstructions (or real images) below it. */
  async render(): Promise<Pictures> {
    const { shape, previewCount, trainPreview, heldOutPreview } = this.data;
    const size = this.data.train.shape[1];
    const generated = this.model.generate(this.fixedZ);
    const rebuilt = this.model.reconstruct?.(this.fixedX, this.heldOutClasses) ?? null;
    try {
      const [g, r] = await Promise.all([generated.data(), rebuilt?.data()]);
      const samples = tileImages(g as Float32Array, GRID_SIDE * GRID_SIDE, shape, GRID_SIDE);
      if (!r) {
        const image = tileImages(trainPreview, previewCount, shape, ROW_COUNT);
        return { samples, second: { kind: 'real', image } };
      }
      const shown = this.fixedX.shape[0];
      const pair = new Float32Array(2 * shown * size);
      pair.set(heldOutPreview);
      pair.set(r as Float32Array, shown * size);
      const image = tileImages(pair, 2 * shown, shape, shown);
      return { samples, second: { kind: 'reconstructions', image } };
    } finally {
      generated.dispose();
      rebuilt?.dispose();
    }
  }

  /** What the 2-D view draws (2-D data only). */
  renderPlane(): Promise<PlaneView> {
    const { model, loss } = this.config;
    const classifier = MODELS[model].family === 'gan' && loss !== 'wgangp';
    return renderPlane(this.model, this.data, this.fixedZ, this.step, PLANE_EXTENT, classifier);
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
      return evaluate(x, eps as tf.Tensor2D, this.heldOutClasses);
    });
    try {
      return (await values.data()) as Float32Array<ArrayBuffer>;
    } finally {
      values.dispose();
    }
  }

  /**
   * Samples `first`…`first + n − 1` of the quality metrics' generated set: decoded from the
   * prior N(0, I) with noise that is the same at every measurement, so changes in the score
   * come from the model alone. (For the autoencoder these are random codes, which it was never
   * trained to decode: the metrics show why it is not a generative model.)
   */
  qualitySamples(first: number, n: number): tf.Tensor2D {
    // The noise comes a block of QUALITY_SLICE at a time, each from its block's seed, so a
    // digit's noise is the same however the probe slices the set (the slices stay in a block).
    const block = first - (first % QUALITY_SLICE);
    if (n < 1 || first + n > block + QUALITY_SLICE) {
      throw new Error(`quality samples ${first}…${first + n - 1} cross a block of noise`);
    }
    return tf.tidy(() => {
      const z = tf
        .randomNormal(
          [QUALITY_SLICE, this.config.latent],
          0,
          1,
          'float32',
          deriveSeed(this.config.seed, 'quality-noise', block),
        )
        .slice([first - block, 0], [n, this.config.latent]);
      // Conditional models: sample i asks for class i mod 10, so the set is balanced.
      const classes = Array.from({ length: n }, (_, i) => (first + i) % 10);
      return this.model.generate(z as tf.Tensor2D, classes);
    });
  }

  /** Decodes a latent query into one tile sheet (on the training backend, in one piece). */
  decodeLatent(query: LatentQuery): Promise<RgbaImage> {
    return decodeLatentQuery(this.model, this.data.shape, query);
  }

  dispose(): void {
    this.model.dispose();
    this.fixedZ.dispose();
    this.fixedX.dispose();
  }
}
