#!/usr/bin/env node
// Trains the small convnet that the quality metrics of the playground use to judge generated
// digits (the class histogram, and the Fréchet digit distance on its 64 features), and writes
//   public/data/digit-classifier.json          the tfjs layers model (topology + manifest)
//   public/data/digit-classifier.weights.bin   its float32 weights (~300 kB)
// Both are committed; this script is how they were made:  node scripts/train-digit-classifier.mjs
//
// Deterministic: it trains on tfjs's CPU backend (plain JavaScript, the same float32 arithmetic
// on every machine), with seeded initialisers, a seeded shuffle and seeded augmentation, so the
// same input gives the same weights. The input is the packed file of scripts/pack-mnist.mjs:
// its first 1,000 digits (100 of each class) are the playground's held-out digits, never trained
// on by the page's models or by this classifier, and its accuracy on them goes in the metadata;
// the other 9,000 train it.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import * as tf from '@tensorflow/tfjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataFile = join(root, 'public', 'data', 'mnist-10k.bin');
const outDir = join(root, 'public', 'data');
const NAME = 'digit-classifier';
const HELD_OUT = 1000; // = MNIST_HELD_OUT in src/data/hostData.ts
const EPOCHS = 10;
/** Adam's learning rate per epoch: 1e-3, then 3e-4 and 1e-4 to settle (constant 1e-3 overfits). */
const rateAt = (epoch) => (epoch < 6 ? 1e-3 : epoch < 8 ? 3e-4 : 1e-4);
const BATCH = 64;
const SEED = 7;
const SHIFT = 2; // augmentation: random translations of up to ±2 pixels

/** mulberry32, as in src/data/random.ts (a plain .mjs script cannot import TypeScript). */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function readDigits() {
  const bytes = gunzipSync(readFileSync(dataFile));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (String.fromCharCode(...bytes.subarray(0, 4)) !== 'MNST') throw new Error('bad MNIST file');
  const count = view.getUint32(8, true);
  const labels = bytes.subarray(16, 16 + count);
  const pixels = bytes.subarray(16 + count);
  return { count, labels, pixels };
}

/** Digit i shifted by (dx, dy) pixels (zeros come in), as floats in [0, 1]. */
function shifted(pixels, i, dx, dy, out) {
  for (let y = 0; y < 28; y++) {
    for (let x = 0; x < 28; x++) {
      const sx = x - dx;
      const sy = y - dy;
      const inside = sx >= 0 && sx < 28 && sy >= 0 && sy < 28;
      out[y * 28 + x] = inside ? pixels[i * 784 + sy * 28 + sx] / 255 : 0;
    }
  }
}

// tfjs's CPU backend takes seconds per batch for a convolution's backward pass, so training
// runs the 5×5 convolution as patches × kernel matrix (what conv2d computes): the patches of
// the input image are made here, rows ordered (ky, kx) like a conv2d kernel [5, 5, 1, 8]
// flattened to [25, 8]. The trained weights then go into the stock tfjs layers model that the
// page loads, and the script checks that both compute the same.

/** 5×5 patches of one 28×28 image, [24·24, 25], into out at `at`. */
function imagePatches(image, out, at) {
  let k = at;
  for (let y = 0; y < 24; y++)
    for (let x = 0; x < 24; x++)
      for (let ky = 0; ky < 5; ky++)
        for (let kx = 0; kx < 5; kx++) out[k++] = image[(y + ky) * 28 + x + kx];
}

function initWeights() {
  let s = SEED;
  const glorot = (shape) => tf.variable(tf.initializers.glorotUniform({ seed: s++ }).apply(shape));
  const zeros = (n) => tf.variable(tf.zeros([n]));
  return {
    k1: glorot([5, 5, 1, 8]),
    b1: zeros(8),
    w2: glorot([1152, 64]),
    b2: zeros(64),
    w3: glorot([64, 10]),
    b3: zeros(10),
  };
}

/** Logits for a batch given its patches [n·576, 25]. */
function forward(w, patches, n) {
  const a1 = tf.relu(patches.matMul(w.k1.reshape([25, 8])).add(w.b1)).reshape([n, 24, 24, 8]);
  const p1 = tf.maxPool(a1, 2, 2, 'valid').reshape([n, 1152]);
  const features = tf.relu(p1.matMul(w.w2).add(w.b2));
  return features.matMul(w.w3).add(w.b3);
}

function buildModel() {
  const model = tf.sequential({ name: NAME });
  model.add(tf.layers.reshape({ targetShape: [28, 28, 1], inputShape: [784] }));
  model.add(tf.layers.conv2d({ filters: 8, kernelSize: 5, activation: 'relu' }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.flatten());
  // The Fréchet digit distance compares generated and real digits on these 64 features.
  model.add(tf.layers.dense({ units: 64, activation: 'relu', name: 'features' }));
  model.add(tf.layers.dense({ units: 10, activation: 'softmax', name: 'classes' }));
  return model;
}

async function main() {
  await tf.setBackend('cpu');
  const { count, labels, pixels } = readDigits();
  const trainCount = count - HELD_OUT;
  const w = initWeights();
  const optimizer = tf.train.adam(1e-3);
  const random = rng(SEED);
  const order = Array.from({ length: trainCount }, (_, i) => HELD_OUT + i);
  const image = new Float32Array(784);
  const patches = new Float32Array(BATCH * 576 * 25);
  const ys = new Int32Array(BATCH);
  const started = Date.now();
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    optimizer.learningRate = rateAt(epoch);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let loss = 0;
    let batches = 0;
    for (let b = 0; b + BATCH <= trainCount; b += BATCH) {
      for (let k = 0; k < BATCH; k++) {
        const i = order[b + k];
        const dx = Math.floor(random() * (2 * SHIFT + 1)) - SHIFT;
        const dy = Math.floor(random() * (2 * SHIFT + 1)) - SHIFT;
        shifted(pixels, i, dx, dy, image);
        imagePatches(image, patches, k * 576 * 25);
        ys[k] = labels[i];
      }
      const cost = optimizer.minimize(
        () => {
          const x = tf.tensor2d(patches, [BATCH * 576, 25]);
          const y = tf.oneHot(tf.tensor1d(ys, 'int32'), 10);
          return tf.losses.softmaxCrossEntropy(y, forward(w, x, BATCH));
        },
        true,
        Object.values(w),
      );
      loss += (await cost.data())[0];
      cost.dispose();
      batches++;
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    console.log(`epoch ${epoch + 1}/${EPOCHS}: loss ${(loss / batches).toFixed(4)} (${seconds} s)`);
  }

  const model = buildModel();
  model.setWeights([w.k1, w.b1, w.w2, w.b2, w.w3, w.b3]);
  const heldX = tf.tensor2d(
    Float32Array.from(pixels.subarray(0, HELD_OUT * 784), (v) => v / 255),
    [HELD_OUT, 784],
  );
  const predicted = tf.tidy(() => model.predict(heldX).argMax(-1));
  const guesses = await predicted.data();
  let right = 0;
  for (let i = 0; i < HELD_OUT; i++) if (guesses[i] === labels[i]) right++;
  const accuracy = right / HELD_OUT;
  // The layers model must compute what was trained: compare on 100 held-out digits.
  const check = 100;
  const checkPatches = new Float32Array(check * 576 * 25);
  for (let k = 0; k < check; k++) {
    shifted(pixels, k, 0, 0, image);
    imagePatches(image, checkPatches, k * 576 * 25);
  }
  const gap = tf.tidy(() => {
    const trained = tf.softmax(forward(w, tf.tensor2d(checkPatches, [check * 576, 25]), check));
    const layers = model.predict(heldX.slice([0, 0], [check, 784]));
    return trained.sub(layers).abs().max();
  });
  const maxGap = (await gap.data())[0];
  console.log(`layers model vs trained graph: max probability gap ${maxGap.toExponential(2)}`);
  if (!(maxGap < 1e-4)) throw new Error('the layers model does not match the trained graph');
  tf.dispose([heldX, predicted, gap]);
  console.log(`held-out accuracy: ${(accuracy * 100).toFixed(1)}% (${right}/${HELD_OUT})`);
  if (accuracy < 0.97) throw new Error('held-out accuracy under 97%: not written');

  model.setUserDefinedMetadata({
    heldOutAccuracy: accuracy,
    trainedOn: `the last ${trainCount} digits of mnist-10k.bin`,
    heldOut: `the first ${HELD_OUT} (${HELD_OUT / 10} of each class)`,
    script: 'scripts/train-digit-classifier.mjs',
  });
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const weightsFile = `${NAME}.weights.bin`;
      const json = {
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: null,
        modelTopology: artifacts.modelTopology,
        weightsManifest: [{ paths: [weightsFile], weights: artifacts.weightSpecs }],
        userDefinedMetadata: artifacts.userDefinedMetadata,
      };
      writeFileSync(join(outDir, `${NAME}.json`), JSON.stringify(json));
      writeFileSync(join(outDir, weightsFile), Buffer.from(artifacts.weightData));
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  console.log(`wrote public/data/${NAME}.json and ${NAME}.weights.bin`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
