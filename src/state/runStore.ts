import type { RunConfig } from '../config/schema.ts';
import {
  assertNever,
  type BackendInfo,
  type DataInfo,
  type PlaneView,
  type FromWorker,
  type LatentQuery,
  type PrepareStage,
  type RgbaImage,
} from '../worker/protocol.ts';
import { LossHistory } from './lossHistory.ts';
import { initialExplorer, type ExplorerState } from './explorer.ts';
import type { UploadSize } from '../config/datasets.ts';
import type { SkippedFile } from '../data/imageFiles.ts';

// The page's picture of the run, fed by the worker's messages. React reads it through
// useSyncExternalStore; the test handle (window.__playground) reads the same snapshot.

export type Phase = 'preparing' | 'ready' | 'failed';

export interface LatentAnswer {
  id: number;
  /** The training step whose weights decoded it. */
  step: number;
  image: RgbaImage | null;
  error: string | null;
}

export type UploadState =
  | { phase: 'empty' }
  | { phase: 'decoding'; done: number; total: number }
  | {
      phase: 'ready';
      count: number;
      size: UploadSize;
      preview: RgbaImage | null;
      summary: string;
      skipped: SkippedFile[];
      /** True once the worker trains on these images. */
      inUse: boolean;
    }
  | { phase: 'failed'; message: string };

export interface RunSnapshot {
  phase: Phase;
  config: RunConfig;
  progress: {
    stage: PrepareStage;
    message: string;
    loaded: number | null;
    total: number | null;
  } | null;
  backend: BackendInfo | null;
  running: boolean;
  step: number;
  stepsPerSec: number;
  firstStepMs: number | null;
  numTensors: number;
  /** The data set the worker built last. */
  data: DataInfo | null;
  /** The last error, shown on the page until the next Start or Reset. */
  error: string | null;
  /** Notes on link values that were ignored. */
  notices: string[];
  images: {
    step: number;
    samples: RgbaImage;
    second: { kind: 'reconstructions' | 'real'; image: RgbaImage };
  } | null;
  /** The newest 2-D view (2-D data sets). */
  plane: PlaneView | null;
  /** The newest answer to each kind of latent query (the explorer's images). */
  latent: Partial<Record<LatentQuery['kind'], LatentAnswer>>;
  /** The points of the draw-your-own data set (the link's, or a starting drawing). */
  drawn: Float32Array;
  /** The latent explorer's sliders and interpolation ends. */
  explorer: ExplorerState;
  /** The person's own images: decoding progress, then what is ready and what was skipped. */
  upload: UploadState;
  /** Bumped whenever `history` or `evaluations` change, so views can memoise on it. */
  lossVersion: number;
}

export class RunStore {
  readonly history = new LossHistory();
  /** Held-out losses, one row every `every` steps. */
  readonly evaluations = new LossHistory();
  private snap: RunSnapshot;
  private readonly listeners = new Set<() => void>();
  private scheduled = false;

  constructor(config: RunConfig, notices: string[], drawn: Float32Array, z: number[] | null) {
    this.snap = {
      phase: 'preparing',
      config,
      progress: null,
      backend: null,
      running: false,
      step: 0,
      stepsPerSec: 0,
      firstStepMs: null,
      numTensors: 0,
      data: null,
      plane: null,
      error: null,
      notices,
      images: null,
      latent: {},
      lossVersion: 0,
      drawn,
      upload: { phase: 'empty' },
      explorer: initialExplorer(config.latent, config.seed, z),
    };
  }

  getSnapshot = (): RunSnapshot => this.snap;

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  /**
   * Updates the snapshot now; tells React at most once a frame (none while the tab hides), or
   * at once with `now` (for the person's own input).
   */
  update(patch: Partial<RunSnapshot>, now = false): void {
    this.snap = { ...this.snap, ...patch };
    if (now) {
      // A person's own input: controlled inputs must show it in this event, not next frame
      // (React would put the old value back until then).
      for (const fn of this.listeners) fn();
      return;
    }
    if (this.scheduled) return;
    this.scheduled = true;
    const flush = () => {
      this.scheduled = false;
      for (const fn of this.listeners) fn();
    };
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(flush);
    else queueMicrotask(flush);
  }

  receive(msg: FromWorker): void {
    switch (msg.type) {
      case 'backend':
        return this.update({ backend: msg.info });
      case 'progress':
        return this.update({
          progress: {
            stage: msg.stage,
            message: msg.message,
            loaded: msg.loaded,
            total: msg.total,
          },
        });
      case 'ready':
        return this.update({ phase: 'ready', progress: null });
      case 'data':
        // A new data set: pictures of the old one no longer apply.
        return this.update({ data: msg.info, images: null, plane: null, latent: {} });
      case 'plane':
        return this.update({ plane: msg.view });
      case 'metrics':
        this.history.append(msg.firstStep, msg.names, msg.values);
        return this.update({ lossVersion: this.snap.lossVersion + 1 });
      case 'evaluation':
        this.evaluations.append(msg.step, msg.names, msg.values);
        return this.update({ lossVersion: this.snap.lossVersion + 1 });
      case 'images':
        return this.update({
          images: { step: msg.step, samples: msg.samples, second: msg.second },
        });
      case 'status':
        return this.update({
          running: msg.running,
          step: msg.step,
          stepsPerSec: msg.stepsPerSec,
          firstStepMs: msg.firstStepMs,
          numTensors: msg.numTensors,
          progress: null,
        });
      case 'reset':
        this.history.clear();
        this.evaluations.clear();
        return this.update({
          lossVersion: this.snap.lossVersion + 1,
          step: 0,
          firstStepMs: null,
          stepsPerSec: 0,
          error: null,
        });
      case 'latent': {
        // Answers can only come back in order, but a stale one is still dropped.
        const { id, kind, step, image, error } = msg;
        const old = this.snap.latent[kind];
        if (old && id < old.id) return;
        return this.update({ latent: { ...this.snap.latent, [kind]: { id, step, image, error } } });
      }
      case 'error':
        return this.update({
          error: msg.message,
          ...(msg.fatal ? { phase: 'failed' as const, progress: null } : {}),
        });
      default:
        return assertNever(msg);
    }
  }
}
