import { describe, expect, it } from 'vitest';
import { centreSquare, rejectByName, rgbaToImage } from './imageFiles.ts';

describe('image files', () => {
  it('tries images by type, or by extension when the type is unknown', () => {
    expect(rejectByName('a.png', 'image/png')).toBeNull();
    expect(rejectByName('a.JPG', '')).toBeNull();
    expect(rejectByName('notes.txt', 'text/plain')).toEqual({
      name: 'notes.txt',
      why: 'notImage',
      detail: 'text/plain',
    });
    expect(rejectByName('data', '')).toMatchObject({ why: 'notImage', detail: '' });
  });

  it('crops the centred square', () => {
    expect(centreSquare(100, 60)).toEqual([20, 0, 60]);
    expect(centreSquare(60, 101)).toEqual([0, 20, 60]);
    expect(centreSquare(5, 5)).toEqual([0, 0, 5]);
  });

  it('turns RGBA into gray by luma, or keeps RGB; transparency is black', () => {
    const rgba = new Uint8ClampedArray(28 * 28 * 4);
    rgba.set([255, 0, 0, 255, 255, 255, 255, 0, 0, 0, 255, 255]);
    const gray = rgbaToImage(rgba, 'gray28');
    expect(Array.from(gray.subarray(0, 3))).toEqual([76, 0, 29]);
    expect(() => rgbaToImage(rgba, 'color32')).toThrow(/expected 4096/);
    const c = new Uint8ClampedArray(32 * 32 * 4);
    c.set([10, 20, 30, 255]);
    expect(Array.from(rgbaToImage(c, 'color32').subarray(0, 3))).toEqual([10, 20, 30]);
  });
});
