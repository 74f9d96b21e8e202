import type { MetricName } from '../config/models.ts';
import type { BackendName, RunConfig } from '../config/schema.ts';
import type { GpuCalls } from './gpuCallCounter.ts';
import type { DataShape } from '../models/types.ts';

export type { MetricName } from '../config/models.ts';

// The one message protocol between the page and the training worker. Both sides switch over
// `type` exhaustively (a `never` default), so adding a message is a compile error until handled.
// Big payloads (loss arrays, pixels) travel as typed arrays in the transfer list.

/** Generated digits as the digit classifier sees them (worker/digitJudge.ts). */
export interface DigitQuality {
  /** Fréchet digit distance between generated and held-out real digits (lower is better). */
  frechet: number;
  /** How many generated / real digits the classifier put in each class, 0–9. */
  generated: number[];
  real: number[];
  /** exp(entropy) of each histogram: the number of classes effectively covered. */
  generatedClasses: number;
  realClasses: number;
  /** The generated digits cover far fewer classes than the real ones (mode collapse). */
  collapsed: boolean;
}

export interface BackendInfo {
  name: BackendName;
  /** Human-readable adapter description, e.g. "google / swiftshader (fallback adapter)". */
  adapter: string;
  /** WebGPU's isFallbackAdapter (a software adapter); null when not WebGPU or unknown. */
  isFallbackAdapter: boolean | null;
  /** Why an earlier backend in the chain WebGPU → WebGL → CPU was not used; null if none. */
  fallbackReason: string | null;
  /** True when the link forced this backend (`backend=…`). */
  forced: boolean;
  /** Why 'auto' chose another backend than the first that works, for this data (or null). */
  autoChoice: string | null;
}

/** An RGBA image, row-major, 4 bytes a pixel: ready for putImageData on the page. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8ClampedArray<ArrayBuffer>;
}

/** What the latent explorer asks the worker to decode. Codes have the model's latent size. */
export type LatentQuery =
  | { kind: 'decode'; z: number[] }
  /** side × side images sweeping dims over [−range, range] around base. */
  | { kind: 'grid'; base: number[]; dims: [number, number]; range: number; side: number }
  | {
      kind: 'interpolate';
      from: number[];
      to: number[];
      steps: number;
      mode: 'linear' | 'spherical';
    };

/** What the 2-D view draws; every point array holds (x, y) pairs in plane units. */
export interface PlaneView {
  step: number;
  /** The view shows [−extent, extent]². */
  extent: number;
  real: Float32Array<ArrayBuffer>;
  /** G(z) (or decoded z) for the run's fixed noise. */
  fake: Float32Array<ArrayBuffer>;
  /**
   * D on a res × res grid over the view, row 0 at the top. `probability`: values are D's
   * probability of "real" in [0, 1]; otherwise raw critic scores (WGAN), to be normalised.
   */
  heat: { res: number; values: Float32Array<ArrayBuffer>; probability: boolean } | null;
  /** Images of a side × side grid of latent codes (z₀ along a row, z₁ down the rows). */
  manifold: { side: number; points: Float32Array<ArrayBuffer> };
  /** Generated points and −∂L_G/∂x at each: where the next G step moves them (GANs). */
  arrows: { from: Float32Array<ArrayBuffer>; push: Float32Array<ArrayBuffer> } | null;
  /** (z₀, z₁) of the real points' codes (VAE: means of q(z|x); AE: codes). */
  codes: Float32Array<ArrayBuffer> | null;
}

/** What the data set is, sent whenever the worker builds one. */
export interface DataInfo {
  kind: 'image' | 'points';
  description: string;
  trainCount: number;
  heldOutCount: number;
}

/** What a saved model (a checkpoint, or exported files) remembers besides its weights. */
export interface SavedModelMeta {
  id: string;
  /** The link of the run it was saved from (its whole configuration). */
  hash: string;
  /** The training step it was saved at. */
  step: number;
  /** Date.now() at saving. */
  savedAt: number;
  /** Its networks' names, e.g. ['encoder', 'decoder']. */
  roles: string[];
}

/** A file to download, or one the person uploaded. */
export interface NamedBytes {
  name: string;
  bytes: Uint8Array<ArrayBuffer>;
}

/**
 * The weights of every network at one step, read back to the host: what the page keeps to
 * recover from a lost GPU, a crashed worker or a diverged run. Float32 values, each network's
 * weights concatenated in its own order.
 */
/** How long one training step of a setup will take on this backend (stepEstimate.ts). */
export interface StepEstimate {
  /** Seconds one step will take here, about. */
  seconds: number;
  /** Floating-point operations of one step. */
  flops: number;
  /** FLOP/s this backend did on a convolution, timed here. */
  speed: number;
  /** Quicker setups and their estimates: field changes the page can apply. */
  quicker: { label: string; patch: Partial<RunConfig>; seconds: number }[];
}

export interface WeightSnapshot {
  step: number;
  networks: {
    role: string;
    specs: { name: string; shape: number[]; dtype: 'float32' }[];
    data: ArrayBuffer;
  }[];
}

/**
 * Test-only faults, enabled by `?faults=` in the page's query; normal use sends none.
 * `triggers`: honour `fault` messages; `no-gpu`: hide navigator.gpu; `no-storage`: no IndexedDB.
 */
/** `?faults=` flags: test-only faults, and the benchmark's instrumentation (count-gpu, plain-loop). */
export type FaultFlag =
  | 'triggers'
  | 'no-gpu'
  | 'no-storage'
  | 'count-gpu'
  | 'plain-loop'
  /** The latent explorer asks the training worker, not the mirror (the benchmark compares). */
  | 'no-mirror';

export type PrepareStage = 'backend' | 'data' | 'model';

export type ToWorker =
  | { type: 'init'; config: RunConfig; dataUrl: string; faults: FaultFlag[] }
  | { type: 'start' }
  | { type: 'pause' }
  | { type: 'step' }
  /** Changes that apply without a reset: learning rates, picture interval, step budget. */
  | { type: 'update'; config: RunConfig }
  | { type: 'reset'; config: RunConfig }
  /** The points a person drew, (x, y) pairs in plane units; used when data = 'drawn'. */
  | { type: 'drawn'; points: Float32Array<ArrayBuffer> }
  /** The person's decoded images (bytes, HWC); used when data = 'upload'. */
  | {
      type: 'upload';
      size: 'gray28' | 'color32';
      count: number;
      pixels: Uint8Array<ArrayBuffer>;
    }
  /** Answered between training chunks; a newer query replaces one still waiting. */
  | { type: 'latent'; id: number; query: LatentQuery }
  /** Checkpoints in the browser (IndexedDB); each answers with a `models` message. */
  | { type: 'models'; action: 'list' }
  | { type: 'models'; action: 'save'; hash: string }
  | { type: 'models'; action: 'restore' | 'delete'; id: string }
  /** The trained networks as tfjs layers-format files, answered by `exported`. */
  | { type: 'export'; hash: string }
  /** Files the person chose: model.json files and their weights. */
  | { type: 'import'; files: NamedBytes[] }
  /** Back to a snapshot the page kept (after a crash, a lost device, a diverged loss). */
  | { type: 'restoreSnapshot'; snapshot: WeightSnapshot }
  /** Test-only triggers (honoured only when init had faults enabled). */
  | { type: 'fault'; kind: 'lose-device' | 'crash' }
  /** The page has painted what arrived up to the status with this `paintTicket` (pagePacer.ts). */
  | { type: 'painted'; ticket: number };

export type FromWorker =
  | { type: 'backend'; info: BackendInfo }
  | {
      type: 'progress';
      stage: PrepareStage;
      message: string;
      /** Bytes (data) or items done so far, with the total when known. */
      loaded: number | null;
      total: number | null;
    }
  | { type: 'ready' }
  | { type: 'data'; info: DataInfo }
  /** The 2-D view (2-D data sets), every `every` steps in place of the pictures. */
  | { type: 'plane'; view: PlaneView }
  | {
      type: 'metrics';
      /** Step number of the first row. Steps count from 1. */
      firstStep: number;
      names: MetricName[];
      /** Row-major: one row a step, one column a name. */
      values: Float32Array<ArrayBuffer>;
    }
  | {
      type: 'images';
      step: number;
      samples: RgbaImage;
      /** Held-out digits above their reconstructions, or real digits for models without one. */
      second: { kind: 'reconstructions' | 'real'; image: RgbaImage };
    }
  | {
      type: 'status';
      running: boolean;
      step: number;
      stepsPerSec: number;
      /** Milliseconds from Start to the first finished step (kernel compile included). */
      firstStepMs: number | null;
      /** tf.memory().numTensors in the worker: flat while training if nothing leaks. */
      numTensors: number;
      /** tf.memory().numBytes: bytes held by live tensors (on the GPU for WebGPU). */
      numBytes: number;
      /** GPU dispatches and queue submits so far (only with `?faults=count-gpu`). */
      gpuCalls: GpuCalls | null;
      /** Set when the worker waits for the page to paint up to here: answer with `painted`. */
      paintTicket: number | null;
    }
  /** A new run begins; `keepUpTo`: a restored snapshot's step, whose history stays. */
  | { type: 'reset'; keepUpTo: number | null }
  /**
   * The weights at a step: at each new run, about once a second while training, at each
   * pause. With the setup and data shape they belong to, and (images only) a second copy made
   * here for the latent mirror, which the page passes on without copying on its thread.
   */
  | {
      type: 'snapshot';
      snapshot: WeightSnapshot;
      config: RunConfig;
      shape: DataShape;
      forMirror: WeightSnapshot | null;
    }
  /** How long a step of the new run will take here, about, when that is long (else null). */
  | { type: 'estimate'; estimate: StepEstimate | null }
  /** The GPU device is gone (driver reset, another tab, a test): the page restarts the worker. */
  | { type: 'deviceLost'; message: string }
  /** MNIST: how good and how varied 1,000 generated digits are (every `quality` steps). */
  | { type: 'quality'; step: number; quality: DigitQuality }
  /** Held-out losses at one step (every `every` steps, with the pictures). */
  | { type: 'evaluation'; step: number; names: MetricName[]; values: Float32Array<ArrayBuffer> }
  | {
      type: 'latent';
      id: number;
      kind: LatentQuery['kind'];
      /** The training step whose weights decoded it. */
      step: number;
      image: RgbaImage | null;
      /** Why the query could not be answered (e.g. a code of the wrong size). */
      error: string | null;
    }
  /** The stored checkpoints, after any `models` action, with what happened. */
  | {
      type: 'models';
      list: SavedModelMeta[];
      note: { text: string; ok: boolean } | null;
    }
  /**
   * Saved weights are about to replace the run: its link (null: the current setup) and step.
   * Sent before the rebuild, so the page shows the restored setup at once.
   */
  | { type: 'restored'; hash: string | null; step: number; source: string }
  | { type: 'exported'; files: NamedBytes[] }
  /** `diverged`: a NaN or infinite loss paused training (the page offers ways back). */
  | { type: 'error'; message: string; fatal: boolean; kind?: 'diverged' };

/** For exhaustive switches: a compile error when a case is missing. */
export function assertNever(x: never): never {
  throw new Error(`Unhandled message: ${JSON.stringify(x)}`);
}
