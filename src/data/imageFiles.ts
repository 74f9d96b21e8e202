import { uploadShape, type UploadSize } from '../config/datasets.ts';

// The pure parts of turning a person's files into training images: which files to try, the
// centre crop, and RGBA → gray or RGB bytes. The decoding itself (createImageBitmap,
// OffscreenCanvas) runs in the image decoder worker.

/** At most this many images are used; the rest of a bigger selection is skipped, and said so. */
export const MAX_IMAGES = 10_000;
/** Larger images are skipped rather than decoded (a decoded image takes 4 bytes a pixel). */
export const MAX_MEGAPIXELS = 100;

const IMAGE_EXTENSIONS = /\.(png|jpe?g|webp|gif|bmp|avif)$/i;

/** Why a file is not even tried, or null if it may be an image. */
export function rejectByName(name: string, type: string): string | null {
  if (type.startsWith('image/')) return null;
  if (!type && IMAGE_EXTENSIONS.test(name)) return null;
  return `not an image (${type || 'unknown type'})`;
}

/** The largest centred square of a w × h image: [sx, sy, side]. */
export function centreSquare(w: number, h: number): [number, number, number] {
  const side = Math.min(w, h);
  return [Math.floor((w - side) / 2), Math.floor((h - side) / 2), side];
}

/**
 * RGBA pixels (side × side, from a canvas) to the bytes of one training image: gray by the
 * Rec. 601 luma (0.299 R + 0.587 G + 0.114 B), or RGB. Transparent pixels count as black.
 */
export function rgbaToImage(rgba: Uint8ClampedArray, size: UploadSize): Uint8Array {
  const { height, width, channels } = uploadShape(size);
  const n = height * width;
  if (rgba.length !== 4 * n) throw new Error(`expected ${4 * n} RGBA bytes, got ${rgba.length}`);
  const out = new Uint8Array(n * channels);
  for (let i = 0; i < n; i++) {
    const a = rgba[4 * i + 3]! / 255;
    const [r, g, b] = [rgba[4 * i]! * a, rgba[4 * i + 1]! * a, rgba[4 * i + 2]! * a];
    if (channels === 1) out[i] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
    else {
      out[3 * i] = Math.round(r);
      out[3 * i + 1] = Math.round(g);
      out[3 * i + 2] = Math.round(b);
    }
  }
  return out;
}

export interface SkippedFile {
  name: string;
  reason: string;
}

/** One line for the page: how many images are ready, and what was skipped and why. */
export function summarise(
  count: number,
  skipped: readonly SkippedFile[],
  overLimit: number,
): string {
  const parts = [`${count} image${count === 1 ? '' : 's'} ready`];
  if (skipped.length) parts.push(`${skipped.length} skipped`);
  if (overLimit) parts.push(`${overLimit} beyond the limit of ${MAX_IMAGES} not used`);
  return parts.join(', ');
}
