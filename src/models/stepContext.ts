import * as tf from '../tf/tfjs.ts';
import type { BatchOrder } from '../data/random.ts';
import { deriveSeed } from '../data/random.ts';
import type { StepContext } from './types.ts';

/**
 * The context of one training step: batches gathered from `data` in the seeded `order`, and
 * noise seeded by (run seed, step, draw), so the same run draws the same noise. The worker's
 * session and the model tests both use it.
 */
export function stepContext(
  data: tf.Tensor2D,
  order: BatchOrder,
  runSeed: number,
  step: number,
  /** The rows' classes one-hot ([rows, 10]), for conditional models; null when there are none. */
  labels: tf.Tensor2D | null = null,
): StepContext {
  let draws = 0;
  // Each step's draws are their own stream: seed(step, draw) = hash(hash(run, step), draw), so
  // no count of draws in a step (a DCGAN's dsteps × its dropout masks) reaches the next step's.
  const stepSeed = deriveSeed(runSeed, 'noise', step);
  const seed = () => deriveSeed(stepSeed, 'draw', draws++);
  return {
    step,
    nextBatch: () =>
      tf.tidy(() => tf.gather(data, tf.tensor1d(order.next(), 'int32')) as tf.Tensor2D),
    nextRows: () => ({ data, rows: tf.tensor1d(order.next(), 'int32') }),
    nextLabeledBatch: () => {
      if (!labels) throw new Error('This model needs labelled data: train it on MNIST.');
      return tf.tidy(() => {
        const rows = tf.tensor1d(order.next(), 'int32');
        return [tf.gather(data, rows), tf.gather(labels, rows)] as [tf.Tensor2D, tf.Tensor2D];
      });
    },
    normal: (shape) => tf.randomNormal(shape, 0, 1, 'float32', seed()),
    uniform: (shape) => tf.randomUniform(shape, 0, 1, 'float32', seed()),
    seed,
  };
}
