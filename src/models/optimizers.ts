import * as tf from '@tensorflow/tfjs';
import type { RunConfig } from '../config/schema.ts';
import { FusedAdam } from './fusedAdam.ts';

let fused = true;

/**
 * Whether training on WebGPU uses our kernels (the default): the fused Adam, and the dense
 * models' fused steps (fusedSteps.ts). The benchmark's plain loop (`?faults=plain-loop`) turns
 * them off to train the way tfjs's examples do: tf.layers models, tfjs's ops and optimizer.
 */
export function useFusedKernels(on: boolean): void {
  fused = on;
}

/** Whether models made now train with our WebGPU kernels. */
export const fusedKernelsOn = (): boolean => fused && tf.getBackend() === 'webgpu';

/** The optimiser the config asks for, at learning rate lr. */
export function makeOptimizer(config: RunConfig, lr: number): tf.Optimizer {
  switch (config.opt) {
    case 'adam':
      return fusedKernelsOn()
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
