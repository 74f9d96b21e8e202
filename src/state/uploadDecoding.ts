import type { DecodedImages } from '../workers/decoder/protocol.ts';
import { Cancelled } from '../bridge/protocol.ts';
import { ImageDecoder } from '../clients/decoderClient.ts';
import type { RunStore } from './runStore.ts';

/**
 * The person's own images: their files decoded off the main thread (workers/decoder)
 * into a preview, a count and the pixels, with the progress and any failure in the store's
 * `upload`. The files are kept, to decode again at another size.
 */
export class UploadDecoding {
  private readonly decoder = new ImageDecoder();
  private files: File[] = [];
  /** The last decode's images (null while decoding, after a failure, or before any). */
  decoded: DecodedImages | null = null;

  constructor(private readonly store: RunStore) {}

  /** Some files were chosen before. */
  get hasFiles(): boolean {
    return this.files.length > 0;
  }

  /** Decodes these files (or, with none given, the last ones again: another size). */
  async decode(files: File[] = this.files): Promise<void> {
    this.files = files;
    this.decoded = null;
    if (files.length === 0) {
      this.store.update({
        upload: { phase: 'failed', problem: 'empty', detail: '' },
      });
      return;
    }
    const size = this.store.getSnapshot().config.usize;
    this.store.update({ upload: { phase: 'decoding', done: 0, total: files.length } });
    try {
      const result = await this.decoder.decode(files, size, (done, total) =>
        this.store.update({ upload: { phase: 'decoding', done, total } }),
      );
      this.decoded = result;
      const { count, preview, skipped, overLimit } = result;
      this.store.update({
        upload: {
          phase: 'ready',
          count,
          size,
          preview,
          skipped,
          overLimit,
          inUse: false,
        },
      });
    } catch (e) {
      if (e instanceof Cancelled) return; // a newer selection replaced it
      this.store.update({
        upload: {
          phase: 'failed',
          problem: 'unreadable',
          detail: (e as Error).message,
        },
      });
    }
  }
}
