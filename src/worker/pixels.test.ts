import { describe, expect, it } from 'vitest';
import { tileGray } from './pixels.ts';

describe('tileGray', () => {
  it('places image n at column n % cols, row n / cols, with a 1-pixel border', () => {
    // Three 2×2 images with values 0.0, 0.5, 1.0 in a grid of 2 columns.
    const v = new Float32Array([0, 0, 0, 0, 0.5, 0.5, 0.5, 0.5, 1, 1, 1, 1]);
    const img = tileGray(v, 3, 2, 2, 2);
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
    const bytes = tileGray(new Uint8Array([7, 7, 7, 7]), 1, 2, 2, 1);
    expect(bytes.data[(1 * bytes.width + 1) * 4]).toBe(7);
    const floats = tileGray(new Float32Array([-1, 2, 0, 0]), 1, 2, 2, 1);
    expect(floats.data[(1 * floats.width + 1) * 4]).toBe(0);
    expect(floats.data[(1 * floats.width + 2) * 4]).toBe(255);
  });
});
