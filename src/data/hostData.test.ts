import { describe, expect, it } from 'vitest';
import { maskFromDigits, PLANE_EXTENT } from '../config/datasets.ts';
import { defaultsFor } from '../config/models.ts';
import type { RunConfig } from '../config/schema.ts';
import { loadPackedDigits } from '../testing/digits.ts';
import {
  buildHostData,
  dataKey,
  MNIST_HELD_OUT,
  SHAPES_HELD_OUT,
  SHAPES_TRAIN,
  TOY_HELD_OUT,
  TOY_TRAIN,
  uploadHeldOut,
} from './hostData.ts';

const none = { drawn: null, upload: null };
const config = (patch: Partial<RunConfig>): RunConfig => ({ ...defaultsFor('vae'), ...patch });
const digits = loadPackedDigits();

describe('data sets as the worker builds them', () => {
  it('MNIST: 9,000 training and 1,000 held-out digits in [0, 1], labels kept', () => {
    const d = buildHostData(config({}), digits, none);
    expect([d.trainCount, d.heldOutCount]).toEqual([9000, MNIST_HELD_OUT]);
    expect(d.train.length).toBe(9000 * 784);
    expect(d.train.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(d.heldOutLabels).toEqual(digits.labels.subarray(0, MNIST_HELD_OUT));
    // 100 of each class.
    expect(new Set(d.heldOutLabels).size).toBe(10);
    expect(d.heldOutLabels!.filter((l) => l === 5).length).toBe(100);
  });

  it('the digit filter keeps only the chosen digits, in both parts', () => {
    const d = buildHostData(config({ digits: maskFromDigits([0, 1, 7]) }), digits, none);
    expect(new Set(d.heldOutLabels)).toEqual(new Set([0, 1, 7]));
    // About 3/10 of each part (the classes are interleaved and roughly balanced).
    expect(d.trainCount).toBeGreaterThan(2400);
    expect(d.trainCount).toBeLessThan(3000);
    const threes = buildHostData(config({ digits: maskFromDigits([3]) }), digits, none);
    expect(threes.description).toMatch(/only 3/);
    // Row 0 of the filtered set is the first 3 after the held-out digits.
    const first3 = digits.labels.indexOf(3, MNIST_HELD_OUT);
    expect(threes.train[300]).toBeCloseTo(digits.pixels[first3 * 784 + 300]! / 255, 6);
  });

  it('2-D sets: 10,000 + 1,000 seeded points inside the view', () => {
    const d = buildHostData(config({ data: 'ring', seed: 3 }), null, none);
    expect([d.kind, d.trainCount, d.heldOutCount]).toEqual(['points', TOY_TRAIN, TOY_HELD_OUT]);
    expect(d.train.every((v) => Math.abs(v) < PLANE_EXTENT)).toBe(true);
    expect(buildHostData(config({ data: 'ring', seed: 3 }), null, none).train).toEqual(d.train);
    expect(buildHostData(config({ data: 'ring', seed: 4 }), null, none).train).not.toEqual(d.train);
  });

  it('draw-your-own needs a drawing, then samples around it', () => {
    expect(() => buildHostData(config({ data: 'drawn' }), null, none)).toThrow(/Draw some points/);
    const drawn = Float32Array.from([0.5, -0.5]);
    const d = buildHostData(config({ data: 'drawn', spread: 0.05 }), null, { drawn, upload: null });
    const meanX = d.train.filter((_, i) => i % 2 === 0).reduce((a, b) => a + b) / d.trainCount;
    expect(meanX).toBeCloseTo(0.5, 2);
  });

  it('colored shapes: 32×32×3 images in [0, 1]', () => {
    const d = buildHostData(config({ data: 'shapes' }), null, none);
    expect([d.height, d.width, d.channels]).toEqual([32, 32, 3]);
    expect([d.trainCount, d.heldOutCount]).toEqual([SHAPES_TRAIN, SHAPES_HELD_OUT]);
    expect(d.train.every((v) => v >= 0 && v <= 1)).toBe(true);
  });

  it('uploads keep a tenth held out, and need at least two images', () => {
    expect(() => buildHostData(config({ data: 'upload' }), null, none)).toThrow(/at least two/);
    const pixels = new Uint8Array(30 * 784).fill(255);
    const upload = { size: 'gray28' as const, count: 30, pixels };
    const d = buildHostData(config({ data: 'upload' }), null, { drawn: null, upload });
    expect([d.trainCount, d.heldOutCount]).toEqual([27, 3]);
    expect(d.train[0]).toBe(1);
    expect([uploadHeldOut(2), uploadHeldOut(10_000)]).toEqual([1, 1000]);
  });

  it('the data key changes only with what decides the data', () => {
    const a = dataKey(config({}));
    expect(dataKey(config({ lr: 0.01, model: 'gan', seed: 9 }))).toBe(a); // MNIST is fixed
    expect(dataKey(config({ digits: 8 }))).not.toBe(a);
    expect(dataKey(config({ data: 'ring', seed: 1 }))).not.toBe(
      dataKey(config({ data: 'ring', seed: 2 })),
    );
  });
});
