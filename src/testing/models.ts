import * as tf from '../tf/tfjs.ts';
import { defaultsFor } from '../config/models.ts';
import type { ModelId, RunConfig } from '../config/schema.ts';
import { BatchOrder, deriveSeed } from '../data/random.ts';
import { stepContext } from '../models/stepContext.ts';
import type { GenerativeModel } from '../models/types.ts';

// Helpers for the model tests: small configs, seeded training over a data tensor, and
// weight snapshots.

export function smallConfig(model: ModelId, patch: Partial<RunConfig> = {}): RunConfig {
  return { ...defaultsFor(model), hidden: 32, batch: 16, ...patch };
}

/** Trains `steps` steps and returns every step's metric row. */
export async function trainRows(
  model: GenerativeModel,
  data: tf.Tensor2D,
  config: RunConfig,
  steps: number,
  from = 0,
  order = new BatchOrder(data.shape[0], config.batch, deriveSeed(config.seed, 'order')),
  /** One-hot classes of data's rows, for conditional models. */
  labels: tf.Tensor2D | null = null,
): Promise<number[][]> {
  const rows: number[][] = [];
  for (let s = from; s < from + steps; s++) {
    const t = tf.tidy(() => model.trainStep(stepContext(data, order, config.seed, s, labels)));
    rows.push(Array.from(await t.data()));
    t.dispose();
  }
  return rows;
}

/** Copies of every trainable weight of the model's networks. */
export function snapshotWeights(model: GenerativeModel): { name: string; values: Float32Array }[] {
  return model.networks.flatMap((n) =>
    n.trainableWeights.map((w) => ({ name: w.name, values: w.read().dataSync() as Float32Array })),
  );
}

/** MNIST-free toy data: n points of a 2-D Gaussian. */
export function gaussian2d(
  n: number,
  mean: [number, number],
  std: number,
  seed: number,
): tf.Tensor2D {
  return tf.tidy(() =>
    tf.randomNormal([n, 2], 0, std, 'float32', seed).add(tf.tensor1d(mean)),
  ) as tf.Tensor2D;
}
