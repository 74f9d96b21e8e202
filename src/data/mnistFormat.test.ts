import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadPackedDigits, PACKED_MNIST } from '../testing/digits.ts';
import { isGzip, parseDigitSet } from './mnistFormat.ts';

describe('the packed MNIST digits', () => {
  const set = loadPackedDigits();

  it('holds 10,000 real 28×28 digits, about 1,000 of each class', () => {
    expect(set.count).toBe(10_000);
    expect([set.rows, set.cols]).toEqual([28, 28]);
    expect(set.pixels.length).toBe(10_000 * 784);
    const perClass = new Array(10).fill(0);
    for (const l of set.labels) perClass[l]++;
    for (const n of perClass) {
      expect(n).toBeGreaterThan(800);
      expect(n).toBeLessThan(1200);
    }
  });

  it('interleaves classes so any prefix is balanced', () => {
    expect([...set.labels.subarray(0, 20)]).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
  });

  it('looks like handwriting: dark background, some bright strokes in every digit', () => {
    for (let i = 0; i < set.count; i += 997) {
      const digit = set.pixels.subarray(i * 784, (i + 1) * 784);
      const ink = digit.filter((v) => v > 128).length;
      expect(digit[0]).toBe(0); // corners are background
      expect(ink).toBeGreaterThan(20);
      expect(ink).toBeLessThan(400);
    }
  });

  it('is made deterministically: packing again gives the same bytes', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'mnist-')), 'again.bin');
    execFileSync('node', ['scripts/pack-mnist.mjs', '--out', out], { stdio: 'pipe' });
    expect(readFileSync(out).equals(readFileSync(PACKED_MNIST))).toBe(true);
  });
});

describe('parseDigitSet', () => {
  const raw = new Uint8Array(gunzipSync(readFileSync(PACKED_MNIST)));

  it('recognises gzip', () => {
    expect(isGzip(readFileSync(PACKED_MNIST))).toBe(true);
    expect(isGzip(raw)).toBe(false);
  });

  it('rejects a wrong magic, a wrong version and a truncated file with a clear message', () => {
    const badMagic = raw.slice(0, 100);
    badMagic[0] = 0x58;
    expect(() => parseDigitSet(badMagic)).toThrow(/bad magic/);
    const badVersion = raw.slice();
    badVersion[4] = 9;
    expect(() => parseDigitSet(badVersion)).toThrow(/unknown version 9/);
    expect(() => parseDigitSet(raw.subarray(0, raw.length - 1))).toThrow(/expected \d+ bytes/);
    expect(() => parseDigitSet(new Uint8Array(3))).toThrow(/too short/);
  });
});
