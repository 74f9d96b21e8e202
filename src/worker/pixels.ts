import type { RgbaImage } from './protocol.ts';

// Turns a batch of gray images (floats in [0, 1]) into one RGBA tile sheet for the page.

/**
 * Tiles `count` gray images of h×w (row-major floats in [0, 1], image after image) into a grid
 * of `cols` columns, white digits on black like MNIST, with a `gap`-pixel dark border between.
 */
export function tileGray(
  values: Float32Array | Uint8Array,
  count: number,
  h: number,
  w: number,
  cols: number,
  gap = 1,
  scale = values instanceof Uint8Array ? 1 : 255,
): RgbaImage {
  const rows = Math.ceil(count / cols);
  const width = cols * w + (cols + 1) * gap;
  const height = rows * h + (rows + 1) * gap;
  const data = new Uint8ClampedArray(width * height * 4);
  // Background: a dark blue-gray that sets tiles apart from the black of a digit's background.
  for (let i = 0; i < data.length; i += 4) {
    data[i] = 40;
    data[i + 1] = 44;
    data[i + 2] = 52;
    data[i + 3] = 255;
  }
  for (let n = 0; n < count; n++) {
    const ox = gap + (n % cols) * (w + gap);
    const oy = gap + Math.floor(n / cols) * (h + gap);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const v = values[n * h * w + y * w + x]! * scale; // clamped to 0–255 on store
        const at = ((oy + y) * width + ox + x) * 4;
        data[at] = v;
        data[at + 1] = v;
        data[at + 2] = v;
      }
    }
  }
  return { width, height, data };
}
