import type { UploadSize } from '../config/datasets.ts';
import type { SkippedFile } from '../data/imageFiles.ts';
import type { Said } from '../i18n/said.ts';
import type { RgbaImage, SavedModelMeta } from '../workers/messages.ts';

// Parts of the page's snapshot (runStore.ts) with states of their own: the person's images,
// the checkpoints, the demo's shipped weights.

export type UploadState =
  | { phase: 'empty' }
  | { phase: 'decoding'; done: number; total: number }
  | {
      phase: 'ready';
      count: number;
      size: UploadSize;
      preview: RgbaImage | null;
      skipped: SkippedFile[];
      /** Files beyond MAX_IMAGES, not looked at. */
      overLimit: number;
      /** True once the worker trains on these images. */
      inUse: boolean;
    }
  /** `empty`: no files chosen; `unreadable`: the decoder failed (`detail` says how). */
  | { phase: 'failed'; problem: 'empty' | 'unreadable'; detail: string };

/** Checkpoints in the browser, and the outcome of the last save, restore, export or import. */
export interface ModelsState {
  list: SavedModelMeta[];
  note: { text: Said; ok: boolean } | null;
  /** A save, restore or import is on its way. */
  busy: boolean;
}

/** Where a run stands with the demo's shipped weights (trainedStart.ts). */
export type TrainedState =
  /** The run did not begin from them. */
  | { phase: 'off' }
  | { phase: 'loading'; loaded: number; total: number }
  /** The run began from the weights of `step`. */
  | { phase: 'loaded'; step: number }
  | { phase: 'failed'; reason: string }
  /** The link asked for them (`from=trained`), but this setup has none. */
  | { phase: 'none' };
