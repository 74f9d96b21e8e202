import { describe, expect, it } from 'vitest';
import {
  classHistogram,
  classSpread,
  DIGIT_LIKE_CONFIDENCE,
  effectiveClasses,
  histogramEntropy,
  isCollapsed,
  meanTopProbability,
} from './modeCoverage.ts';

/** Softmax-like rows that put most of the mass on the given classes. */
function probsFor(classes: number[]): Float32Array {
  const out = new Float32Array(classes.length * 10).fill(0.01);
  classes.forEach((c, r) => (out[r * 10 + c] = 0.91));
  return out;
}

const uniformReal = Array.from({ length: 10 }, () => 100);

describe('mode coverage', () => {
  it('counts the argmax class of each row', () => {
    expect(classHistogram(probsFor([3, 3, 7, 0]))).toEqual([1, 0, 0, 2, 0, 0, 0, 1, 0, 0]);
  });

  it('entropy is ln 10 for ten equal classes and 0 for one', () => {
    expect(histogramEntropy(uniformReal)).toBeCloseTo(Math.log(10), 12);
    expect(effectiveClasses(uniformReal)).toBeCloseTo(10, 10);
    expect(histogramEntropy([0, 0, 50, 0])).toBe(0);
    expect(effectiveClasses([25, 25, 0, 0])).toBeCloseTo(2, 12);
    expect(histogramEntropy([0, 0])).toBe(0);
  });

  it('a generator that always outputs one digit triggers the collapse warning', () => {
    const oneDigit = classHistogram(probsFor(Array.from({ length: 1000 }, () => 4)));
    expect(oneDigit[4]).toBe(1000);
    expect(isCollapsed(oneDigit, uniformReal)).toBe(true);
  });

  it('a generator that covers all ten digits does not, nor one that matches a one-digit data set', () => {
    const all = classHistogram(probsFor(Array.from({ length: 1000 }, (_, i) => i % 10)));
    expect(isCollapsed(all, uniformReal)).toBe(false);
    // Trained on 7s only: a generator of 7s is doing its job.
    const sevens = [0, 0, 0, 0, 0, 0, 0, 1000, 0, 0];
    expect(isCollapsed(sevens, sevens)).toBe(false);
  });

  it('three digits out of ten is a collapse; eight is not', () => {
    const three = classHistogram(probsFor(Array.from({ length: 900 }, (_, i) => i % 3)));
    expect(isCollapsed(three, uniformReal)).toBe(true);
    const eight = classHistogram(probsFor(Array.from({ length: 800 }, (_, i) => i % 8)));
    expect(isCollapsed(eight, uniformReal)).toBe(false);
  });

  it('the judge’s confidence: the mean of each row’s largest probability', () => {
    expect(meanTopProbability(probsFor([3, 3, 7, 0]))).toBeCloseTo(0.91, 6);
    const unsure = new Float32Array(20).fill(0.1); // two rows, no class preferred
    expect(meanTopProbability(unsure)).toBeCloseTo(0.1, 6);
  });

  it('few classes of digit-like samples is a collapse; of unreadable ones, it is not', () => {
    const three = classHistogram(probsFor(Array.from({ length: 900 }, (_, i) => i % 3)));
    expect(classSpread(three, uniformReal, 0.95)).toBe('few');
    // The judge calls noise "8" and a blurry VAE sample one of a few classes, unsure of both.
    expect(classSpread([0, 0, 0, 0, 0, 0, 0, 0, 1000, 0], uniformReal, 0.68)).toBe('unreadable');
    expect(classSpread(three, uniformReal, DIGIT_LIKE_CONFIDENCE - 0.01)).toBe('unreadable');
    // Enough classes: covered, however unsure.
    const all = classHistogram(probsFor(Array.from({ length: 1000 }, (_, i) => i % 10)));
    expect(classSpread(all, uniformReal, 0.5)).toBe('covered');
  });
});
