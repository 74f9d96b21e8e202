import * as tf from '../../tf/tfjs.ts';
import { frechetDistance, gaussianStats, type GaussianStats } from '../../metrics/frechet.ts';
import {
  classHistogram,
  classSpread,
  effectiveClasses,
  meanTopProbability,
} from '../../metrics/modeCoverage.ts';
import type { DigitQuality } from '../messages.ts';
import { DIGIT_PIXELS, QUALITY_SLICE, type DigitVerdict, type Judge } from './protocol.ts';

// The digit classifier made by scripts/train-digit-classifier.mjs (97.2% on the held-out
// digits), used as a judge of generated digits: its 64 "features" activations feed the
// Fréchet digit distance, its class probabilities the histogram of which digits come out.
// In the page it runs in a worker of its own (judge.worker.ts, on tfjs's CPU backend), so the
// training worker only generates the digits and goes on training while they are judged.

const FEATURES = 64;
const CLASSES = 10;

/** What a set of digits looks like to the judge. */
export interface JudgedDigits {
  stats: GaussianStats;
  histogram: number[];
  /** The classifier's mean probability for the class it chose: how digit-like they look. */
  confidence: number;
  /** The share of digits i the classifier puts in class i mod 10 (conditional models ask for it). */
  agreement: number;
}

export class DigitJudge {
  private constructor(private readonly net: tf.LayersModel) {}

  /** Loads the classifier (a URL in the page, an IO handler in tests). */
  static async load(source: string | tf.io.IOHandler): Promise<DigitJudge> {
    const classifier = await tf.loadLayersModel(source);
    const features = classifier.getLayer('features').output as tf.SymbolicTensor;
    // One pass gives both outputs; the new model shares the classifier's layers and weights.
    const net = tf.model({
      inputs: classifier.inputs,
      outputs: [features, classifier.outputs[0]!],
    });
    return new DigitJudge(net);
  }

  /**
   * Judges `count` digits that `make(first, size)` produces slice by slice ([size, 784] in
   * [0, 1]; the judge disposes them). `between` runs after each slice; when it returns false
   * the measurement is abandoned (null).
   */
  async judge(
    count: number,
    make: (first: number, size: number) => tf.Tensor2D,
    between: () => Promise<boolean> = async () => true,
  ): Promise<JudgedDigits | null> {
    const features = new Float32Array(count * FEATURES);
    const probs = new Float32Array(count * CLASSES);
    for (let first = 0; first < count; first += QUALITY_SLICE) {
      const size = Math.min(QUALITY_SLICE, count - first);
      const [f, p] = tf.tidy(() => {
        const outputs = this.net.predict(make(first, size)) as tf.Tensor[];
        return [outputs[0]!, outputs[1]!];
      });
      try {
        const [fv, pv] = await Promise.all([f.data(), p.data()]);
        features.set(fv as Float32Array, first * FEATURES);
        probs.set(pv as Float32Array, first * CLASSES);
      } finally {
        f.dispose();
        p.dispose();
      }
      if (!(await between())) return null;
    }
    return {
      stats: gaussianStats(features, FEATURES),
      histogram: classHistogram(probs, CLASSES),
      confidence: meanTopProbability(probs, CLASSES),
      agreement: classAgreement(probs, CLASSES),
    };
  }

  /** Each of `count` digits ([count, 784] in [0, 1]): its likeliest class and its probability. */
  async classify(images: Float32Array, count: number): Promise<DigitVerdict[]> {
    const probs = tf.tidy(
      () => (this.net.predict(tf.tensor2d(images, [count, DIGIT_PIXELS])) as tf.Tensor[])[1]!,
    );
    const p = await probs.data();
    probs.dispose();
    return Array.from({ length: count }, (_, i) => {
      const row = Array.from(p.subarray(i * CLASSES, (i + 1) * CLASSES));
      const confidence = Math.max(...row);
      return { digit: row.indexOf(confidence), confidence };
    });
  }

  dispose(): void {
    this.net.dispose();
  }
}

/** The share of rows i whose likeliest class is i mod `classes`. */
export function classAgreement(probs: Float32Array, classes: number): number {
  const n = probs.length / classes;
  let hits = 0;
  for (let i = 0; i < n; i++) {
    const row = probs.subarray(i * classes, (i + 1) * classes);
    if (row.indexOf(Math.max(...row)) === i % classes) hits++;
  }
  return n ? hits / n : 0;
}

export function compareDigits(generated: JudgedDigits, real: JudgedDigits): DigitQuality {
  return {
    agreement: generated.agreement,
    frechet: frechetDistance(generated.stats, real.stats),
    generated: generated.histogram,
    real: real.histogram,
    generatedClasses: effectiveClasses(generated.histogram),
    realClasses: effectiveClasses(real.histogram),
    generatedConfidence: generated.confidence,
    realConfidence: real.confidence,
    spread: classSpread(generated.histogram, real.histogram, generated.confidence),
  };
}

/** The judge on the calling thread's tfjs backend. */
export class LocalJudge implements Judge {
  private real: JudgedDigits | null = null;

  constructor(private readonly judge: Promise<DigitJudge>) {}

  private async judgeRows(images: Float32Array, count: number): Promise<JudgedDigits> {
    const judge = await this.judge;
    const rows = (first: number, n: number) =>
      tf.tensor2d(images.subarray(first * DIGIT_PIXELS, (first + n) * DIGIT_PIXELS), [
        n,
        DIGIT_PIXELS,
      ]);
    return (await judge.judge(count, rows))!;
  }

  async setReal(images: Float32Array, count: number): Promise<void> {
    this.real = await this.judgeRows(images, count);
  }

  async compare(images: Float32Array, count: number): Promise<DigitQuality> {
    if (!this.real) throw new Error('no real digits to compare with');
    return compareDigits(await this.judgeRows(images, count), this.real);
  }

  async classify(images: Float32Array, count: number): Promise<DigitVerdict[]> {
    return (await this.judge).classify(images, count);
  }

  dispose(): void {
    void this.judge.then((j) => j.dispose()).catch(() => undefined);
  }
}
