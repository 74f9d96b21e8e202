import { readFileSync } from 'node:fs';
import * as tf from '../tf/tfjs.ts';
import { gunzipSync } from 'node:zlib';
import { parseDigitSet, type DigitSet } from '../data/mnistFormat.ts';

// Unit tests read the same packed file the page fetches (made by scripts/pack-mnist.mjs,
// which `npm test` runs first).
export const PACKED_MNIST = new URL('../../public/data/mnist-10k.bin', import.meta.url);

export function loadPackedDigits(): DigitSet {
  return parseDigitSet(new Uint8Array(gunzipSync(readFileSync(PACKED_MNIST))));
}

/** The first n packed digits as a [n, 784] tensor of floats in [0, 1]. */
export function digitTensor(n: number): tf.Tensor2D {
  const set = loadPackedDigits();
  const pixels = set.rows * set.cols;
  return tf.tensor2d(
    Float32Array.from(set.pixels.subarray(0, n * pixels), (v) => v / 255),
    [n, pixels],
  );
}

/** The classes of the first n digits, as loadPackedDigits has them. */
export function digitLabels(n: number): Uint8Array {
  return loadPackedDigits().labels.slice(0, n);
}

const CLASSIFIER_DIR = new URL('../../public/data/', import.meta.url);

/** The committed digit classifier (scripts/train-digit-classifier.mjs), read from disk. */
export function classifierHandler(): tf.io.IOHandler {
  return {
    async load() {
      const json = JSON.parse(
        readFileSync(new URL('digit-classifier.json', CLASSIFIER_DIR), 'utf8'),
      );
      const weights = readFileSync(new URL('digit-classifier.weights.bin', CLASSIFIER_DIR));
      return {
        modelTopology: json.modelTopology,
        weightSpecs: json.weightsManifest[0].weights,
        weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.length),
        userDefinedMetadata: json.userDefinedMetadata,
      };
    },
  };
}
