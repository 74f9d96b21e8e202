/// <reference lib="webworker" />
import { uploadShape, type UploadSize } from '../../config/datasets.ts';
import {
  centreSquare,
  headerSize,
  MAX_IMAGES,
  MAX_MEGAPIXELS,
  rejectByName,
  rgbaToImage,
  type SkippedFile,
} from '../../data/imageFiles.ts';
import { serve } from '../../bridge/endpoint.ts';
import { Cancelled, Transfer } from '../../bridge/protocol.ts';
import type { DecodedImages, DecoderProtocol } from './protocol.ts';
import { tileImages } from '../../data/pixels.ts';

// Decodes the person's image files off the main thread: each file in turn (so memory holds one
// decoded image at a time), centre-cropped and resized to the chosen size with a high-quality
// filter, then packed into one byte array. Files that fail are skipped and named. A decode
// the page cancels (a newer selection) stops before its next file.
const PREVIEW = 32;

/** Why a file is skipped (the page says it in its language). */
class Skip extends Error {
  constructor(
    readonly why: SkippedFile['why'],
    readonly detail = '',
  ) {
    super(why);
  }
}

const tooLarge = (w: number, h: number) => new Skip('tooLarge', ((w * h) / 1e6).toFixed(0));

async function decodeOne(file: File, size: UploadSize): Promise<Uint8Array> {
  // The header's claim first: a decompression bomb is refused before it is decoded.
  const claimed = headerSize(new Uint8Array(await file.slice(0, 1 << 16).arrayBuffer()));
  if (claimed && claimed.width * claimed.height > MAX_MEGAPIXELS * 1e6) {
    throw tooLarge(claimed.width, claimed.height);
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file); // a GIF gives its first frame
  } catch {
    throw new Skip('undecodable');
  }
  try {
    const { width: w, height: h } = bitmap;
    if (w * h > MAX_MEGAPIXELS * 1e6) throw tooLarge(w, h);
    const { width: side } = uploadShape(size);
    const [sx, sy, crop] = centreSquare(w, h);
    const canvas = new OffscreenCanvas(side, side);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2-D canvas in this worker');
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, sx, sy, crop, crop, 0, 0, side, side);
    return rgbaToImage(ctx.getImageData(0, 0, side, side).data, size);
  } finally {
    bitmap.close();
  }
}

async function decodeAll(
  { job, files, size }: DecoderProtocol['request'],
  signal: AbortSignal,
): Promise<Transfer<DecodedImages>> {
  const shape = uploadShape(size);
  const bytes = shape.height * shape.width * shape.channels;
  const used = files.slice(0, MAX_IMAGES);
  const pixels = new Uint8Array(used.length * bytes);
  const skipped: SkippedFile[] = [];
  let count = 0;
  let lastPost = 0;
  for (let i = 0; i < used.length; i++) {
    if (signal.aborted) throw new Cancelled();
    const file = used[i]!;
    const rejected = rejectByName(file.name, file.type);
    if (rejected) skipped.push(rejected);
    else {
      try {
        pixels.set(await decodeOne(file, size), count * bytes);
        count++;
      } catch (e) {
        skipped.push(
          e instanceof Skip
            ? { name: file.name, why: e.why, detail: e.detail }
            : { name: file.name, why: 'other', detail: (e as Error).message },
        );
      }
    }
    if (performance.now() - lastPost > 100) {
      lastPost = performance.now();
      endpoint.emit({ type: 'progress', job, done: i + 1, total: used.length });
    }
  }
  const kept = pixels.slice(0, count * bytes);
  const shown = Math.min(PREVIEW, count);
  const preview = shown ? tileImages(kept.subarray(0, shown * bytes), shown, shape, 8) : null;
  const result = {
    size,
    count,
    pixels: kept,
    preview,
    skipped,
    overLimit: files.length - used.length,
  };
  return new Transfer(result, preview ? [kept.buffer, preview.data.buffer] : [kept.buffer]);
}

const endpoint = serve<DecoderProtocol>(self as unknown as DedicatedWorkerGlobalScope, {
  post: () => undefined,
  request: decodeAll,
});
