import { describe, expect, it } from 'vitest';
import { tileImages } from './pixels.ts';

const gray = (h: number, w: number) => ({ height: h, width: w, channels: 1 });

describe('tileImages', () => {
  it('places image n at column n % cols, row n / cols, with a 1-pixel border', () => {
    // Three 2×2 images with values 0.0, 0.5, 1.0 in a grid of 2 columns.
    const v = new Float32Array([0, 0, 0, 0, 0.5, 0.5, 0.5, 0.5, 1, 1, 1, 1]);
    const img = tileImages(v, 3, gray(2, 2), 2);
    expect([img.width, img.height]).toEqual([2 * 2 + 3, 2 * 2 + 3]);
    const px = (x: number, y: number) => [
      ...img.data.subarray((y * img.width + x) * 4, (y * img.width + x) * 4 + 4),
    ];
    expect(px(1, 1)).toEqual([0, 0, 0, 255]); // image 0
    expect(px(4, 1)).toEqual([128, 128, 128, 255]); // image 1 (0.5 · 255 rounds to 128)
    expect(px(1, 4)).toEqual([255, 255, 255, 255]); // image 2, second row
    expect(px(0, 0)).toEqual([40, 44, 52, 255]); // border
    expect(px(4, 4)).toEqual([40, 44, 52, 255]); // the empty fourth cell
  });

  it('takes bytes as they are and clamps floats outside [0, 1]', () => {
    const bytes = tileImages(new Uint8Array([7, 7, 7, 7]), 1, gray(2, 2), 1);
    expect(bytes.data[(1 * bytes.width + 1) * 4]).toBe(7);
    const floats = tileImages(new Float32Array([-1, 2, 0, 0]), 1, gray(2, 2), 1);
    expect(floats.data[(1 * floats.width + 1) * 4]).toBe(0);
    expect(floats.data[(1 * floats.width + 2) * 4]).toBe(255);
  });

  it('keeps the three channels of color images apart', () => {
    // Two 1×2 RGB images: red then green; blue then white.
    const v = new Uint8Array([255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255]);
    const img = tileImages(v, 2, { height: 1, width: 2, channels: 3 }, 2);
    const px = (x: number) => [...img.data.subarray(4 * (img.width + x), 4 * (img.width + x) + 3)];
    expect([px(1), px(2), px(4), px(5)]).toEqual([
      [255, 0, 0],
      [0, 255, 0],
      [0, 0, 255],
      [255, 255, 255],
    ]);
  });
});
