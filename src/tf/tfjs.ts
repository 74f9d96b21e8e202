// tfjs as this project uses it: the core (tensors, ops, gradients, io) and layers, without
// the converter, tf.data or any backend. Each worker adds the backends it runs: the judge and
// the latent mirror only the CPU's (./cpu.ts), the training worker all three
// (workers/shared/backend.ts). Everything that computes imports tfjs from here.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';

export * from '@tensorflow/tfjs-core';
export * from '@tensorflow/tfjs-layers';
