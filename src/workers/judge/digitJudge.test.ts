import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../../tf/tfjs.ts';
import { useCpuBackend } from '../../testing/tfCpu.ts';
import { classifierHandler, loadPackedDigits } from '../../testing/digits.ts';
import { MNIST_HELD_OUT } from '../../data/hostData.ts';
import { compareDigits, DigitJudge, type JudgedDigits } from './digitJudge.ts';
import { QUALITY_SAMPLES } from './protocol.ts';
import { mulberry32 } from '../../data/random.ts';

const set = loadPackedDigits();
const PIXELS = 784;

/** Digits [first, first + n) of the packed file as floats in [0, 1]. */
const digitRows = (first: number, n: number) =>
  tf.tensor2d(
    Float32Array.from(set.pixels.subarray(first * PIXELS, (first + n) * PIXELS), (v) => v / 255),
    [n, PIXELS],
  );

describe('the digit classifier and the Fréchet digit distance', () => {
  let judge: DigitJudge;
  let heldOut: JudgedDigits;

  beforeAll(async () => {
    await useCpuBackend();
    judge = await DigitJudge.load(classifierHandler());
    heldOut = (await judge.judge(QUALITY_SAMPLES, (first, n) => digitRows(first, n)))!;
  });
  afterAll(() => judge.dispose());

  it('classifies at least 97% of the held-out digits right', async () => {
    const classifier = await tf.loadLayersModel(classifierHandler());
    const guesses = tf.tidy(() =>
      (classifier.predict(digitRows(0, MNIST_HELD_OUT)) as tf.Tensor).argMax(-1),
    );
    const g = await guesses.data();
    guesses.dispose();
    classifier.dispose();
    let right = 0;
    for (let i = 0; i < MNIST_HELD_OUT; i++) if (g[i] === set.labels[i]) right++;
    expect(right / MNIST_HELD_OUT).toBeGreaterThanOrEqual(0.97);
  });

  it('real vs real digits scores far below real vs noise, and real vs blank', async () => {
    const before = tf.memory().numTensors;
    const training = (await judge.judge(QUALITY_SAMPLES, (first, n) =>
      digitRows(MNIST_HELD_OUT + first, n),
    ))!;
    const rand = mulberry32(5);
    const noise = (await judge.judge(QUALITY_SAMPLES, (_, n) =>
      tf.tensor2d(
        Float32Array.from({ length: n * PIXELS }, () => rand()),
        [n, PIXELS],
      ),
    ))!;
    const gray = (await judge.judge(
      QUALITY_SAMPLES,
      (_, n) => tf.fill([n, PIXELS], 0.5) as tf.Tensor2D,
    ))!;
    expect(tf.memory().numTensors).toBe(before);

    const realVsReal = compareDigits(training, heldOut).frechet;
    const realVsNoise = compareDigits(noise, heldOut).frechet;
    const realVsGray = compareDigits(gray, heldOut).frechet;
    expect(realVsReal).toBeGreaterThan(0);
    expect(realVsNoise).toBeGreaterThan(20 * realVsReal);
    expect(realVsGray).toBeGreaterThan(20 * realVsReal);
    // The same set against itself is 0.
    expect(compareDigits(heldOut, heldOut).frechet).toBeCloseTo(0, 3);
  });

  it('real digits cover the ten classes; a generator of one digit is flagged as collapsed', async () => {
    const real = compareDigits(heldOut, heldOut);
    expect(real.realClasses).toBeGreaterThan(9.5);
    expect(real.spread).toBe('covered');
    expect(real.realConfidence).toBeGreaterThan(0.95);
    expect(real.generated.reduce((a, b) => a + b, 0)).toBe(QUALITY_SAMPLES);

    // Only 1s: the held-out digits whose label is 1, repeated.
    const ones: number[] = [];
    for (let i = 0; i < MNIST_HELD_OUT; i++) if (set.labels[i] === 1) ones.push(i);
    const onlyOnes = (await judge.judge(200, (first, n) =>
      tf.concat(
        Array.from({ length: n }, (_, k) => digitRows(ones[(first + k) % ones.length]!, 1)),
      ),
    ))!;
    const q = compareDigits(onlyOnes, heldOut);
    expect(q.generated[1]).toBeGreaterThanOrEqual(180); // the classifier errs on a few
    expect(q.generatedClasses).toBeLessThan(1.5);
    expect(q.spread).toBe('few'); // digit-like, and few classes: a collapse
    expect(q.generatedConfidence).toBeGreaterThan(0.9);
    expect(q.frechet).toBeGreaterThan(5 * compareDigits(heldOut, heldOut).frechet + 1);
  });

  it('an abandoned measurement returns null and leaves no tensors behind', async () => {
    const before = tf.memory().numTensors;
    let slices = 0;
    const r = await judge.judge(
      500,
      (first, n) => digitRows(first, n),
      async () => ++slices < 2,
    );
    expect(r).toBeNull();
    expect(slices).toBe(2);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('classifies single digits: the right class, surely, and no tensors left', async () => {
    const before = tf.memory().numTensors;
    const n = 200;
    const images = Float32Array.from(set.pixels.subarray(0, n * PIXELS), (v) => v / 255);
    const verdicts = await judge.classify(images, n);
    const right = verdicts.filter((v, i) => v.digit === set.labels[i]).length;
    expect(right / n).toBeGreaterThanOrEqual(0.95);
    const sure = verdicts.filter((v) => v.confidence >= 0.8).length;
    expect(sure / n).toBeGreaterThan(0.9);
    expect(verdicts.every((v) => v.confidence > 0 && v.confidence <= 1)).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
  });
});
