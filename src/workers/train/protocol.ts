import type { MetricName } from '../../config/models.ts';
import type { Protocol } from '../../bridge/protocol.ts';
import type { RunConfig } from '../../config/schema.ts';
import type { Switches } from '../../config/switches.ts';
import type { DataLabel } from '../../data/hostData.ts';
import type {
  BackendInfo,
  DigitQuality,
  LatentAnswer,
  LatentQuery,
  NamedBytes,
  RgbaImage,
  SavedModelMeta,
  WeightSnapshot,
} from '../messages.ts';
import type { GpuCalls } from './gpuCallCounter.ts';
import type { DataShape } from '../../models/types.ts';
import type { NetworkLayout } from '../../models/architecture.ts';
import type { Divergence } from '../../metrics/divergence.ts';
import type { Missing } from '../../data/hostData.ts';
import type { PosteriorTarget } from '../../config/posterior.ts';
import type { GridWindow } from '../../metrics/posteriorGrid.ts';

export type { MetricName } from '../../config/models.ts';

// The one message protocol between the page and the training worker. Both sides switch over
// `type` exhaustively (a `never` default), so adding a message is a compile error until handled.
// Big payloads (loss arrays, pixels) travel as typed arrays in the transfer list.

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
  /**
   * GANs on a toy set: the optimal discriminator against G as it is now,
   * D*(x) = p_data / (p_data + p_g), on the heat grid (metrics/optimalD.ts).
   */
  optimal: { res: number; values: Float32Array<ArrayBuffer> } | null;
}

/** Where an encoder puts held-out images in a 2-D latent plane (compare mode; codeMap.ts). */
export interface CodeMap {
  step: number;
  /** The map shows [−extent, extent]². */
  extent: number;
  /** (z₀, z₁) of each held-out image: the mean of q(z|x) (VAE), the code (autoencoder). */
  codes: Float32Array<ArrayBuffer>;
  /** Their classes (MNIST), else null. */
  labels: Uint8Array<ArrayBuffer> | null;
  /**
   * A res × res density over the map, row 0 at the top: the VAE's aggregate posterior
   * q(z) = mean of q(z|x), or the autoencoder's codes as a histogram.
   */
  density: { res: number; values: Float32Array<ArrayBuffer>; kind: 'aggregate' | 'histogram' };
  /** The share of codes outside the map. */
  outside: number;
  /** KL(q(z) ‖ N(0, I)) by Monte Carlo (VAE), else null. */
  kl: number | null;
}

/**
 * The true posterior p(z|x) of a VAE with a 2-D latent for one x, on a grid, beside its
 * q(z|x), with the bounds on log p(x) (posteriorView.ts; metrics/posteriorGrid.ts).
 */
export interface PosteriorView {
  step: number;
  target: PosteriorTarget;
  /** x itself: its pixels in [0, 1] (images, in the data's shape), or the point. */
  x: Float32Array<ArrayBuffer>;
  /** x's shape as height × width × channels (a point: 1 × 2 × 1). */
  xShape: [number, number, number];
  /** x's class where the data have one (MNIST), else null. */
  label: number | null;
  /** The grid covers this square of the latent plane. */
  window: GridWindow;
  res: number;
  /** p(z|x) per cell (summing to 1), row 0 at the top. */
  posterior: Float32Array<ArrayBuffer>;
  /** q(z|x) per cell, on the same grid (normalised there). */
  q: Float32Array<ArrayBuffer>;
  mu: [number, number];
  sigma: [number, number];
  /** log p(x) by summing the grid. */
  logPx: number;
  /** ELBO and IWAE_k from the same samples of q (k = `k`). */
  elbo: number;
  iwae: number;
  /** The IWAE estimate's standard error (over its groups of k). */
  iwaeSe: number;
  k: number;
  samples: number;
  /** KL(q(z|x) ‖ p(z|x)) on the grid: the gap log p(x) − ELBO, measured on its own. */
  klGrid: number;
}

/**
 * What passes between the boxes of the model-overview graph, for the held-out rows the page
 * evaluates (flowView.ts). Codes are (z₀, z₁) pairs: a latent's first two coordinates.
 */
export interface FlowView {
  step: number;
  /** What the latent side holds: the autoencoder's codes, the VAE's μ, a GAN's noise z. */
  codes: Float32Array<ArrayBuffer>;
  /** VAE: z = μ + σ·ε for the same rows. */
  sampled: Float32Array<ArrayBuffer> | null;
  /** VAE: σ of q(z|x) averaged over the rows, per latent dimension. */
  sigma: Float32Array<ArrayBuffer> | null;
  /**
   * VAE: KL(q(z_j|x) ‖ N(0, 1)) per latent unit j, averaged over the rows: a unit whose KL is
   * near 0 carries no information about x (an inactive unit).
   */
  klPerUnit: Float32Array<ArrayBuffer> | null;
  /** GANs: D's readout on the held-out rows and on as many G(z). */
  scores: {
    real: Float32Array<ArrayBuffer>;
    fake: Float32Array<ArrayBuffer>;
    /** Probabilities of "real" (a classifier D), else raw scores. */
    probability: boolean;
  } | null;
}

/** Why there is no posterior view: not a VAE with a 2-D latent, or x is not in the data. */
export type PosteriorProblem = 'model' | 'latent' | 'target';

/** Where training stands: each `status` message, the page's store, the test handle. */
export interface TrainingStatus {
  running: boolean;
  step: number;
  stepsPerSec: number;
  /** Milliseconds from Start to the first finished step (kernel compile included). */
  firstStepMs: number | null;
  /** tf.memory().numTensors in the worker: flat while training if nothing leaks. */
  numTensors: number;
  /** tf.memory().numBytes: bytes held by live tensors (on the GPU for WebGPU). */
  numBytes: number;
  /** GPU dispatches and queue submits so far (only with the countGpu switch). */
  gpuCalls: GpuCalls | null;
}

/** What the data set is, sent whenever the worker builds one. */
export interface DataInfo {
  kind: 'image' | 'points';
  /** In English, for the test handle; the page names the data set from `label`. */
  description: string;
  label: DataLabel;
  trainCount: number;
  heldOutCount: number;
  /** The batch size used when the training set is smaller than the config's, else null. */
  smallBatch: number | null;
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

/**
 * What the worker is preparing; 'probe': 'auto' timing the backends on this setup (its data
 * ready); 'quality': step 0's digit quality, which the first step waits for.
 */
export type PrepareStage = 'backend' | 'data' | 'probe' | 'model' | 'quality';

export type ToWorker =
  /** `codeMap`: post a code map with the pictures where the run has one (compare mode). */
  | { type: 'init'; config: RunConfig; dataUrl: string; switches: Switches; codeMap?: boolean }
  | { type: 'start' }
  | { type: 'pause' }
  /** One step; `part`: a GAN's D alone or G alone. */
  | { type: 'step'; part?: 'd' | 'g' }
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
  | { type: 'painted'; ticket: number }
  /** Show the true posterior for this x with each picture (null: the view is closed). */
  | { type: 'posterior'; target: PosteriorTarget | null }
  /** Send the model-overview graph's flow with each picture (false: the graph is closed). */
  | { type: 'flow'; open: boolean };

export type FromWorker =
  | { type: 'backend'; info: BackendInfo }
  | {
      type: 'progress';
      /** The page names each stage; data with bytes counted is the MNIST download. */
      stage: PrepareStage;
      /** Bytes (data) or items done so far, with the total when known. */
      loaded: number | null;
      total: number | null;
    }
  | { type: 'ready' }
  | { type: 'data'; info: DataInfo }
  /** With the pictures, when init asked for it and the run has an encoder and a 2-D latent. */
  | { type: 'codeMap'; map: CodeMap }
  /** The true posterior for the page's x, with the pictures (or why there is none). */
  | { type: 'posterior'; view: PosteriorView | null; problem: PosteriorProblem | null }
  /** What passes through the model's boxes, with the pictures while the graph is open. */
  | { type: 'flow'; view: FlowView }
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
  | ({
      type: 'status';
      /** Set when the worker waits for the page to paint up to here: answer with `painted`. */
      paintTicket: number | null;
    } & TrainingStatus)
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
  /** The new run's networks, layer by layer. */
  | { type: 'architecture'; networks: NetworkLayout[] }
  /** The GPU device is gone (driver reset, another tab, a test): the page restarts the worker. */
  | { type: 'deviceLost'; message: string }
  /** MNIST: how good and how varied 1,000 generated digits are (every `quality` steps). */
  | { type: 'quality'; step: number; quality: DigitQuality }
  /** Held-out losses at one step (every `every` steps, with the pictures). */
  | { type: 'evaluation'; step: number; names: MetricName[]; values: Float32Array<ArrayBuffer> }
  /** The stored checkpoints, after any `models` action, with what happened. */
  | { type: 'models'; list: SavedModelMeta[]; note: ModelNote | null }
  /**
   * Saved weights are about to replace the run: its link (null: the current setup) and step.
   * Sent before the rebuild, so the page shows the restored setup at once.
   */
  | { type: 'restored'; hash: string | null; step: number; source: string }
  | { type: 'exported'; files: NamedBytes[] }
  /** `diverged`: a NaN or infinite loss paused training (the page offers ways back). */
  | {
      type: 'error';
      message: string;
      fatal: boolean;
      diverged?: Divergence;
      /** What the person must give or do first (the page says it in its language). */
      missing?: Missing | 'model';
    };

/** What a checkpoint or model-file action did; `reason`s are the browser's or the file's words. */
export type ModelNote =
  | { kind: 'saved' | 'restored'; step: number }
  | { kind: 'deleted' }
  | { kind: 'loaded'; roles: string[] }
  | { kind: 'failed'; action: 'save' | 'restore' | 'delete' | 'list'; reason: string }
  | { kind: 'noStorage' | 'refused'; reason: string };

/** How the training worker's parts send the page a message. */
export type Post = (msg: FromWorker, transfer?: Transferable[]) => void;

export interface TrainProtocol extends Protocol {
  post: ToWorker;
  /** Answered between training chunks; a newer query replaces one still waiting. */
  request: { type: 'latent'; query: LatentQuery };
  replies: { latent: LatentAnswer };
  event: FromWorker;
}
