import type { UploadSize } from '../config/datasets.ts';
import type { SkippedFile } from '../data/imageFiles.ts';
import type { RgbaImage } from './protocol.ts';

// Messages between the page and the image decoder worker (no tfjs there: it only decodes).

export type ToDecoder = { type: 'decode'; id: number; files: File[]; size: UploadSize };

export interface DecodedImages {
  size: UploadSize;
  count: number;
  /** count images of the size's shape, bytes, HWC. */
  pixels: Uint8Array<ArrayBuffer>;
  /** The first images as a tile sheet, for the preview grid. */
  preview: RgbaImage | null;
  skipped: SkippedFile[];
  /** Files beyond MAX_IMAGES, not looked at. */
  overLimit: number;
}

export type FromDecoder =
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'done'; id: number; result: DecodedImages }
  | { type: 'failed'; id: number; message: string };
