import type { Protocol } from '../../bridge/protocol.ts';
import type { DigitQuality } from '../messages.ts';

// The digit judge's worker (judge.worker.ts), as the training worker sees it: what a judge
// does, and the messages that ask it.

/** Digits judged per measurement, generated and real alike (as the FID's 1,000-sample sets). */
export const QUALITY_SAMPLES = 1000;
/**
 * Digits per device call when judging, and per block of the generated set's noise (each block
 * drawn from its own seed); generating may take a block in smaller slices.
 */
export const QUALITY_SLICE = 100;
export const DIGIT_PIXELS = 28 * 28;

/** What the training worker needs of a judge: the page's runs in a worker, the tests' inline. */
export interface Judge {
  /** The real digits to compare with ([count, 784] in [0, 1]), once per data set. */
  setReal(images: Float32Array, count: number): Promise<void>;
  /** Generated digits ([count, 784] in [0, 1]) against the real ones. */
  compare(images: Float32Array, count: number): Promise<DigitQuality>;
  dispose(): void;
}

/** What the classifier makes of one digit. */
export interface DigitVerdict {
  digit: number;
  confidence: number;
}

export interface JudgeProtocol extends Protocol {
  post: { type: 'init'; classifierUrl: string };
  request:
    | { type: 'real'; images: Float32Array<ArrayBuffer>; count: number }
    | { type: 'compare'; images: Float32Array<ArrayBuffer>; count: number }
    /** Each digit's likeliest class and the classifier's probability for it. */
    | { type: 'classify'; images: Float32Array<ArrayBuffer>; count: number };
  replies: { real: null; compare: DigitQuality; classify: DigitVerdict[] };
  event: never;
}
