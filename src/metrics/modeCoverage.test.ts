import { describe, expect, it } from 'vitest';
import { classHistogram, effectiveClasses, histogramEntropy, isCollapsed } from './modeCoverage.ts';

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
});
