import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseDigitSet, type DigitSet } from '../data/mnistFormat.ts';

// Unit tests read the same packed file the page fetches (made by scripts/pack-mnist.mjs,
// which `npm test` runs first).
export const PACKED_MNIST = new URL('../../public/data/mnist-10k.bin', import.meta.url);

export function loadPackedDigits(): DigitSet {
  return parseDigitSet(new Uint8Array(gunzipSync(readFileSync(PACKED_MNIST))));
}
