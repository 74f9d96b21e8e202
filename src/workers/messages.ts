import type { BackendName } from '../config/schema.ts';
import type { RgbaImage } from '../data/pixels.ts';
import type { ClassSpread } from '../metrics/modeCoverage.ts';

export type { LayerInfo, NetworkLayout } from '../config/architecture.ts';

// The message types more than one worker speaks: images, latent queries and their answers,
// weights, saved models, the digit judge's verdict, the backend a worker runs on.

/** Generated digits as the digit classifier sees them (workers/judge/digitJudge.ts). */
export interface DigitQuality {
  /** Fréchet digit distance between generated and held-out real digits (lower is better). */
  frechet: number;
  /** How many generated / real digits the classifier put in each class, 0–9. */
  generated: number[];
  real: number[];
  /** exp(entropy) of each histogram: the number of classes effectively covered. */
  generatedClasses: number;
  realClasses: number;
  /** The classifier's mean probability for its chosen class: real digits score about 0.98. */
  generatedConfidence: number;
  realConfidence: number;
  /** Whether the generated digits cover the classes (modeCoverage.ts's classSpread). */
  spread: ClassSpread;
  /**
   * The share of generated digits i the classifier puts in class i mod 10: a conditional
   * model's, asked for class i mod 10, agreeing with what it was asked (else about 0.1).
   */
  agreement: number;
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
  /**
   * 'auto' on a software WebGPU adapter: the probe's milliseconds per step on each backend
   * that started, the fastest of which was chosen (backendProbe.ts), and how long the probe
   * added to the preparation (its time after the data it overlaps had loaded); null
   * elsewhere.
   */
  autoChoice: {
    msPerStep: Partial<Record<BackendName, number>>;
    probeMs: number;
    /** What the probe timed: the run's whole training step (2-D points), or one layer's. */
    timed: 'step' | 'layer';
    /**
     * When these times were measured (ms since the epoch), where they were kept by an earlier
     * visit or another worker on this browser and adapter (probeMemory.ts; probeMs is then 0);
     * null: measured now.
     */
    measuredAt: number | null;
  } | null;
}

export type { RgbaImage } from '../data/pixels.ts';

/**
 * What the latent explorer asks the worker to decode. Codes have the model's latent size.
 * `label`: the class a conditional model draws every image as (0–9; others ignore it).
 */
export type LatentQuery = (
  | { kind: 'decode'; z: number[] }
  /** side × side images sweeping dims over [−range, range] around base. */
  | { kind: 'grid'; base: number[]; dims: [number, number]; range: number; side: number }
  | {
      kind: 'interpolate';
      from: number[];
      to: number[];
      steps: number;
      mode: 'linear' | 'spherical';
    }
  /** A conditional model's z drawn as each class in turn, 0–9 (the label is not used). */
  | { kind: 'classes'; z: number[] }
) & { label?: number };

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
export interface WeightSnapshot {
  step: number;
  networks: {
    role: string;
    specs: { name: string; shape: number[]; dtype: 'float32' }[];
    data: ArrayBuffer;
  }[];
}

/** A worker's answer to a latent query (the training worker or the latent mirror). */
export interface LatentAnswer {
  kind: LatentQuery['kind'];
  /** The training step whose weights decoded it. */
  step: number;
  image: RgbaImage | null;
  /** Why the query could not be answered (e.g. a code of the wrong size). */
  error: string | null;
}
