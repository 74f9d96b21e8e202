import '@tensorflow/tfjs-backend-cpu';
import * as tf from './tfjs.ts';

/** tfjs on its CPU backend (pure JavaScript), ready to compute. */
export async function cpuTfjs(): Promise<void> {
  await tf.setBackend('cpu');
  await tf.ready();
}
