import { WorkerBridge } from '../bridge/bridge.ts';
import type { UploadSize } from '../config/datasets.ts';
import type { DecodedImages, DecoderProtocol } from '../workers/decoder/protocol.ts';

// The page's side of the image decoder worker. One decode at a time: a newer request cancels
// the older one, whose promise rejects with Cancelled (nothing to report).

export class ImageDecoder {
  private job = 0;
  private current: AbortController | null = null;
  private progress: ((done: number, total: number) => void) | null = null;
  private readonly bridge = new WorkerBridge<DecoderProtocol>({
    name: 'the image decoder',
    spawn: () =>
      new Worker(new URL('../workers/decoder/decoder.worker.ts', import.meta.url), {
        type: 'module',
        name: 'image-decoder',
      }),
    onEvent: (msg) => {
      if (msg.job === this.job) this.progress?.(msg.done, msg.total);
    },
  });

  async decode(
    files: File[],
    size: UploadSize,
    onProgress: (done: number, total: number) => void,
  ): Promise<DecodedImages> {
    this.current?.abort();
    const current = new AbortController();
    this.current = current;
    const job = ++this.job;
    this.progress = onProgress;
    try {
      return await this.bridge.request(
        { type: 'decode', job, files, size },
        { signal: current.signal },
      );
    } finally {
      if (this.current === current) {
        this.current = null;
        this.progress = null;
      }
    }
  }
}
