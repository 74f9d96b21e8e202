// Turns a batch of images (row-major HWC, floats in [0, 1] or bytes) into one RGBA tile sheet
// for the page.

/** An RGBA image, row-major, 4 bytes a pixel: ready for putImageData on the page. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8ClampedArray<ArrayBuffer>;
}

export interface TileShape {
  height: number;
  width: number;
  /** 1: gray (white digits on black, like MNIST), 3: RGB. */
  channels: number;
}

/**
 * Tiles `count` images into a grid of `cols` columns, with a `gap`-pixel dark border between.
 * Image n sits at column n % cols, row ⌊n / cols⌋.
 */
export function tileImages(
  values: Float32Array | Uint8Array,
  count: number,
  shape: TileShape,
  cols: number,
  gap = 1,
  scale = values instanceof Uint8Array ? 1 : 255,
): RgbaImage {
  const { height: h, width: w, channels: c } = shape;
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
        const from = ((n * h + y) * w + x) * c;
        const at = ((oy + y) * width + ox + x) * 4;
        // Clamped to 0–255 on store. Gray: one value for R, G and B.
        data[at] = values[from]! * scale;
        data[at + 1] = values[from + (c === 3 ? 1 : 0)]! * scale;
        data[at + 2] = values[from + (c === 3 ? 2 : 0)]! * scale;
      }
    }
  }
  return { width, height, data };
}
