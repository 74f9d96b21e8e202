import type { Protocol } from '../../bridge/protocol.ts';
import type { UploadSize } from '../../config/datasets.ts';
import type { SkippedFile } from '../../data/imageFiles.ts';
import type { RgbaImage } from '../messages.ts';

// Messages between the page and the image decoder worker (no tfjs there: it only decodes).

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

export interface DecoderProtocol extends Protocol {
  post: never;
  /** `job` numbers the page's decodes; its progress events carry it. */
  request: { type: 'decode'; job: number; files: File[]; size: UploadSize };
  replies: { decode: DecodedImages };
  event: { type: 'progress'; job: number; done: number; total: number };
}
