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
export function rejectByName(name: string, type: string): SkippedFile | null {
  if (type.startsWith('image/')) return null;
  if (!type && IMAGE_EXTENSIONS.test(name)) return null;
  return { name, why: 'notImage', detail: type };
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

/**
 * A file that was not used, and why: not an image (`detail`: its type, or empty), not
 * decodable, too large (`detail`: its megapixels), or another failure (`detail`: what).
 */
export interface SkippedFile {
  name: string;
  why: 'notImage' | 'undecodable' | 'tooLarge' | 'other';
  detail: string;
}

/**
 * An image file's width and height read from its header (PNG, GIF, BMP, JPEG, WebP), without
 * decoding it, or null for other files and headers cut short. A file whose header claims
 * 30000 × 30000 pixels is refused from these bytes instead of being decoded into gigabytes.
 */
export function headerSize(bytes: Uint8Array): { width: number; height: number } | null {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = bytes.length;
  const ascii = (at: number, s: string) =>
    n >= at + s.length && [...s].every((c, i) => bytes[at + i] === c.charCodeAt(0));
  if (n >= 24 && bytes[0] === 0x89 && ascii(1, 'PNG') && ascii(12, 'IHDR')) {
    return { width: v.getUint32(16), height: v.getUint32(20) };
  }
  if (n >= 10 && ascii(0, 'GIF8')) {
    return { width: v.getUint16(6, true), height: v.getUint16(8, true) };
  }
  if (n >= 26 && ascii(0, 'BM')) {
    return { width: Math.abs(v.getInt32(18, true)), height: Math.abs(v.getInt32(22, true)) };
  }
  if (n >= 30 && ascii(0, 'RIFF') && ascii(8, 'WEBP')) {
    if (ascii(12, 'VP8X')) {
      const u24 = (at: number) => bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16);
      return { width: u24(24) + 1, height: u24(27) + 1 };
    }
    if (ascii(12, 'VP8L')) {
      const bits = v.getUint32(21, true);
      return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
    }
    if (ascii(12, 'VP8 ')) {
      return { width: v.getUint16(26, true) & 0x3fff, height: v.getUint16(28, true) & 0x3fff };
    }
    return null;
  }
  if (n >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    // JPEG: walk the segments to the first start-of-frame (SOF0–SOF15 but DHT, JPG, DAC).
    let at = 2;
    while (at + 9 < n && bytes[at] === 0xff) {
      const marker = bytes[at + 1]!;
      const length = v.getUint16(at + 2);
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
        return { width: v.getUint16(at + 7), height: v.getUint16(at + 5) };
      }
      at += 2 + length;
    }
  }
  return null;
}
