import type { UploadSize } from '../config/datasets.ts';
import type { DecodedImages, FromDecoder, ToDecoder } from './decodeProtocol.ts';

// The page's side of the image decoder worker. One decode at a time: a newer request ends the
// worker doing the older one (aborting a job ends its worker) and starts a fresh one.

export class ImageDecoder {
  private worker: Worker | null = null;
  private id = 0;
  /** Rejects the promise of the decode in flight, when a newer one replaces it. */
  private abandon: ((e: Error) => void) | null = null;

  decode(
    files: File[],
    size: UploadSize,
    onProgress: (done: number, total: number) => void,
  ): Promise<DecodedImages> {
    this.worker?.terminate();
    this.abandon?.(new DecodeReplaced());
    const worker = new Worker(new URL('./imageDecoder.worker.ts', import.meta.url), {
      type: 'module',
      name: 'image-decoder',
    });
    this.worker = worker;
    const id = ++this.id;
    return new Promise((resolve, reject) => {
      this.abandon = reject;
      worker.onmessage = (e: MessageEvent<FromDecoder>) => {
        const msg = e.data;
        if (msg.id !== id) return;
        if (msg.type === 'progress') return onProgress(msg.done, msg.total);
        worker.terminate();
        if (this.worker === worker) {
          this.worker = null;
          this.abandon = null;
        }
        if (msg.type === 'done') resolve(msg.result);
        else reject(new Error(msg.message));
      };
      worker.onerror = (e) => {
        e.preventDefault();
        worker.terminate();
        reject(new Error(e.message || 'the image decoder failed'));
      };
      worker.postMessage({ type: 'decode', id, files, size } satisfies ToDecoder);
    });
  }
}

/** The decode was replaced by a newer one: nothing to report. */
export class DecodeReplaced extends Error {
  constructor() {
    super('replaced by a newer selection');
  }
}
