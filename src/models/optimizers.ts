import * as tf from '../tf/tfjs.ts';
import type { RunConfig } from '../config/schema.ts';
import { FusedAdam } from '../kernels/fusedAdam.ts';
import type { BuildOptions } from './types.ts';

/** Whether a model built now with these options trains with our WebGPU kernels. */
export const fusedOn = (options?: BuildOptions): boolean =>
  (options?.fused ?? true) && tf.getBackend() === 'webgpu';

/** The optimiser the config asks for, at learning rate lr (Adam as ours when `fused`). */
export function makeOptimizer(config: RunConfig, lr: number, fused: boolean): tf.Optimizer {
  switch (config.opt) {
    case 'adam':
      return fused
        ? new FusedAdam(lr, config.b1, config.b2)
        : tf.train.adam(lr, config.b1, config.b2);
    case 'rmsprop':
      return tf.train.rmsprop(lr, 0.9);
    case 'sgd':
      return tf.train.momentum(lr, 0.9);
  }
}

/** Changes an optimiser's learning rate in place: its moments and step count are kept. */
export function setLearningRate(opt: tf.Optimizer, lr: number): void {
  // Ask the class by name: tfjs's optimizers override instanceof (Symbol.hasInstance checks
  // only for a few fields), so an Adam optimizer is "instanceof SGDOptimizer".
  const name = opt.getClassName();
  if (name === 'SGD' || name === 'Momentum') {
    (opt as tf.SGDOptimizer).setLearningRate(lr); // keeps its own negated-scalar copy of lr
  } else {
    // Adam and RMSProp read this.learningRate at every step.
    (opt as unknown as { learningRate: number }).learningRate = lr;
  }
}

/**
 * Frees an optimiser's tensors. tfjs 4.22's MomentumOptimizer.dispose() frees its momentum
 * and accumulators but not the learning-rate scalar it inherits from SGD: free that too.
 */
export function disposeOptimizer(opt: tf.Optimizer): void {
  opt.dispose();
  if (opt.getClassName() === 'Momentum') {
    const c = (opt as unknown as { c?: tf.Tensor }).c;
    if (c && !c.isDisposed) c.dispose();
  }
}
