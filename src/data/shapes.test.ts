import { describe, expect, it } from 'vitest';
import { mulberry32 } from './random.ts';
import { generateShapes, hueToRgb, SHAPE_SIZE } from './shapes.ts';
import { makeRand } from './toy2d.ts';

const PIXELS = SHAPE_SIZE * SHAPE_SIZE;

describe('colored shapes', () => {
  const images = generateShapes(200, makeRand(mulberry32(5)));

  it('every image holds one colored shape of a sensible size on black', () => {
    expect(images.length).toBe(200 * PIXELS * 3);
    for (let i = 0; i < 200; i++) {
      let lit = 0;
      let colored = 0;
      for (let p = 0; p < PIXELS; p++) {
        const at = (i * PIXELS + p) * 3;
        const [r, g, b] = [images[at]!, images[at + 1]!, images[at + 2]!];
        if (r + g + b > 0) lit++;
        if (Math.max(r, g, b) - Math.min(r, g, b) > 60) colored++;
      }
      // Radius 5–11 px: a shape covers roughly 50 to 400 of the 1024 pixels.
      expect(lit).toBeGreaterThan(30);
      expect(lit).toBeLessThan(450);
      expect(colored).toBe(lit); // saturated hues: never gray
    }
  });

  it('the hues spread over the color wheel', () => {
    const dominant = [0, 0, 0];
    for (let i = 0; i < 200; i++) {
      const sums = [0, 0, 0];
      for (let p = 0; p < PIXELS; p++)
        for (let c = 0; c < 3; c++) sums[c]! += images[(i * PIXELS + p) * 3 + c]!;
      dominant[sums.indexOf(Math.max(...sums))]!++;
    }
    for (const count of dominant) expect(count).toBeGreaterThan(30);
  });

  it('the same seed gives the same images; another seed other images', () => {
    expect(generateShapes(10, makeRand(mulberry32(5)))).toEqual(
      images.subarray(0, 10 * PIXELS * 3),
    );
    expect(generateShapes(10, makeRand(mulberry32(6)))).not.toEqual(
      images.subarray(0, 10 * PIXELS * 3),
    );
  });

  it('hueToRgb: red, green and blue at 0, 1/3 and 2/3', () => {
    expect(hueToRgb(0)).toEqual([255, 0, 0]);
    expect(hueToRgb(1 / 3)).toEqual([0, 255, 0]);
    expect(hueToRgb(2 / 3)).toEqual([0, 0, 255]);
  });
});
