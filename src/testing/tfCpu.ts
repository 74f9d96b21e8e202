import * as tf from '@tensorflow/tfjs';

// Unit tests run tfjs on its pure-JS CPU backend in Node.
export async function useCpuBackend(): Promise<typeof tf> {
  await tf.setBackend('cpu');
  await tf.ready();
  return tf;
}
