import type { RunConfig } from '../config/schema.ts';
import { assertNever } from '../bridge/protocol.ts';
import type {
  CodeMap,
  DataInfo,
  PlaneView,
  FromWorker,
  PrepareStage,
  StepEstimate,
  TrainingStatus,
} from '../workers/train/protocol.ts';
import type {
  BackendInfo,
  DigitQuality,
  LatentAnswer,
  LatentQuery,
  NetworkLayout,
  RgbaImage,
} from '../workers/messages.ts';
import { parseLink, type LinkNotice, type PanelId } from '../config/link.ts';
import type { Lang } from '../config/lang.ts';
import { LossHistory } from './lossHistory.ts';
import { initialExplorer, type ExplorerState } from './explorer.ts';
import type { Said } from '../i18n/said.ts';
import { MODELS } from '../config/models.ts';
import { modelNote } from './modelNotes.ts';
import type { Speeds } from './speedRecord.ts';
import {
  LAB_CLOSED,
  labAnswer,
  type LabState,
  type ModelsState,
  type TrainedState,
  type UploadState,
} from './snapshotParts.ts';

export type { ModelsState, UploadState } from './snapshotParts.ts';

// The page's picture of the run, fed by the worker's messages. React reads it through
// useSyncExternalStore; the test handle (window.__playground) reads the same snapshot.

export type Phase = 'preparing' | 'ready' | 'failed';

/** A latent query's answer, numbered in the order the queries went out. */
export type ShownLatent = Omit<LatentAnswer, 'kind'> & { id: number };

/** The fields of the worker's status, each once (the compiler checks none is missing). */
const STATUS_KEYS = [
  'running',
  'step',
  'stepsPerSec',
  'firstStepMs',
  'numTensors',
  'numBytes',
  'gpuCalls',
] as const satisfies readonly (keyof TrainingStatus)[];
// A field of TrainingStatus missing from the list makes this line a type error.
const complete: [Exclude<keyof TrainingStatus, (typeof STATUS_KEYS)[number]>] extends [never]
  ? true
  : never = true;
void complete;

/** Just the status fields of a status message or of the store's snapshot. */
export const trainingStatus = (s: TrainingStatus): TrainingStatus =>
  Object.fromEntries(STATUS_KEYS.map((k) => [k, s[k]])) as unknown as TrainingStatus;

/** The page's state; the lab's views (snapshotParts.ts) with the rest. */
export interface RunSnapshot extends TrainingStatus, LabState {
  /** The page's language; `langInLink`: it came from the link or was chosen, so the link says it. */
  lang: Lang;
  langInLink: boolean;
  phase: Phase;
  config: RunConfig;
  progress: {
    stage: PrepareStage;
    loaded: number | null;
    total: number | null;
  } | null;
  backend: BackendInfo | null;
  /** The data set the worker built last. */
  data: DataInfo | null;
  /** The last error, shown on the page until the next Start or Reset. */
  error: Said | null;
  /** What kind of trouble the error is, for the ways out the page offers. */
  errorKind: 'diverged' | 'crashed' | null;
  /** What the page did to recover from a fault (a lost GPU, a crash), until the next reset. */
  recovery: Said | null;
  /** The step of the newest weights the page holds (to restore after a fault), or null. */
  snapshotStep: number | null;
  /** Notes on link values that were ignored. */
  notices: LinkNotice[];
  images: {
    step: number;
    samples: RgbaImage;
    second: { kind: 'reconstructions' | 'real'; image: RgbaImage };
  } | null;
  /** The newest 2-D view (2-D data sets). */
  plane: PlaneView | null;
  /** Compare mode: where the encoder puts held-out images (2-D latent, images). */
  codeMap: CodeMap | null;
  /** MNIST: the newest digit quality measurement (Fréchet distance, class histograms). */
  quality: { step: number; quality: DigitQuality } | null;
  /** The newest answer to each kind of latent query (the explorer's images). */
  latent: Partial<Record<LatentQuery['kind'], ShownLatent>>;
  /** The points of the draw-your-own data set (the link's, or a starting drawing). */
  drawn: Float32Array;
  /** The latent explorer's sliders and interpolation ends. */
  explorer: ExplorerState;
  /** The person's own images: decoding progress, then what is ready and what was skipped. */
  upload: UploadState;
  /** Bumped whenever `history` or `evaluations` change, so views can memoise on it. */
  lossVersion: number;
  models: ModelsState;
  /** Folded panels. */
  closed: PanelId[];
  /** The page was opened from a link that names a setup: the demo card explains it. */
  fromLink: boolean;
  /** Whether the run began from the demo's shipped weights (trainedStart.ts). */
  trained: TrainedState;
  /** Steps a second measured in this browser for this setup, per backend (speedRecord.ts). */
  speeds: Speeds;
  /** How long a step of this run will take here, about, when that is long. */
  estimate: StepEstimate | null;
  /** The run's networks, layer by layer (null until the worker has built them). */
  networks: NetworkLayout[] | null;
  /** The link's run kept from an earlier visit, offered until resumed or set aside. */
  resumeOffer: { step: number; savedAt: number } | null;
  /** Keeping the run for a reload: the step last kept, or why it cannot be kept. */
  kept: { step: number | null; note: Said | null };
}

/** The charts redraw at most ~10 times a second, however fast the losses arrive. */
const LOSS_REDRAW_MS = 100;

export class RunStore {
  readonly history = new LossHistory();
  /** Held-out losses, one row every `every` steps. */
  readonly evaluations = new LossHistory();
  /** The Fréchet digit distance, one row every `quality` steps (its own scale, its own chart). */
  readonly quality = new LossHistory();
  private snap: RunSnapshot;
  private readonly listeners = new Set<() => void>();
  private scheduled = false;
  /** Resets asked of the worker, resets it has begun, and the one the pictures belong to. */
  private resetsAsked = 0;
  private resetsBegun = 0;
  private imagesOfReset = 0;

  constructor(
    config: RunConfig,
    notices: LinkNotice[],
    drawn: Float32Array,
    z: number[] | null,
    closed: PanelId[] = [],
    lang: Lang = 'en',
    langInLink = false,
    fromLink = false,
  ) {
    this.snap = {
      phase: 'preparing',
      lang,
      langInLink,
      config,
      progress: null,
      backend: null,
      running: false,
      step: 0,
      stepsPerSec: 0,
      firstStepMs: null,
      numTensors: 0,
      numBytes: 0,
      gpuCalls: null,
      data: null,
      plane: null,
      codeMap: null,
      error: null,
      errorKind: null,
      recovery: null,
      snapshotStep: null,
      notices,
      images: null,
      quality: null,
      latent: {},
      lossVersion: 0,
      drawn,
      upload: { phase: 'empty' },
      explorer: initialExplorer(config.latent, config.seed, z),
      models: { list: [], note: null, busy: false },
      closed,
      ...LAB_CLOSED,
      fromLink,
      speeds: {},
      trained: { phase: 'off' },
      estimate: null,
      networks: null,
      resumeOffer: null,
      kept: { step: null, note: null },
    };
  }

  getSnapshot = (): RunSnapshot => this.snap;

  /** How many runs the worker has begun (each reset): a new one is told by this moving on. */
  get runsBegun(): number {
    return this.resetsBegun;
  }

  /** The controller sent a reset: until the worker begins it, the pictures are of the old run. */
  resetAsked(): void {
    this.resetsAsked++;
  }

  /** True when the pictures shown belong to the run the page asked for last. */
  get imagesCurrent(): boolean {
    return this.resetsBegun >= this.resetsAsked && this.imagesOfReset === this.resetsBegun;
  }

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
      this.notify();
      return;
    }
    if (this.scheduled) return;
    this.scheduled = true;
    const flush = () => {
      this.scheduled = false;
      this.notify();
    };
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(flush);
    else queueMicrotask(flush);
  }

  private notify(): void {
    this.lossVersionShown = this.snap.lossVersion;
    for (const fn of this.listeners) fn();
  }

  private lossesShownAt = -Infinity;
  private lossTimer: ReturnType<typeof setTimeout> | null = null;
  /** The lossVersion React was last told of. */
  private lossVersionShown = 0;

  /**
   * New losses: bumps lossVersion (the charts redraw) at most once every LOSS_REDRAW_MS; the
   * last change always lands. Throttled here rather than in the chart, so a redraw happens in
   * the same frame as the message that brought the losses (the trainer's page pacing relies on
   * that: pagePacer.ts). Losses that come while a bump still waits for its frame (a chunk's
   * training and held-out losses, one after the other) join that bump: the same redraw.
   */
  private lossesChanged(): void {
    const bump = () => {
      this.lossesShownAt = performance.now();
      this.update({ lossVersion: this.snap.lossVersion + 1 });
    };
    const wait = this.lossesShownAt + LOSS_REDRAW_MS - performance.now();
    if (wait <= 0 || this.snap.lossVersion !== this.lossVersionShown) return bump();
    this.lossTimer ??= setTimeout(() => {
      this.lossTimer = null;
      bump();
    }, wait);
  }

  /** A latent query's answer: shown unless a newer query's answer already is. */
  latentAnswered(id: number, { kind, step, image, error }: LatentAnswer): void {
    const old = this.snap.latent[kind];
    if (old && id < old.id) return;
    this.update({ latent: { ...this.snap.latent, [kind]: { id, step, image, error } } });
  }

  receive(msg: FromWorker): void {
    switch (msg.type) {
      case 'backend':
        return this.update({ backend: msg.info });
      case 'progress':
        return this.update({
          progress: { stage: msg.stage, loaded: msg.loaded, total: msg.total },
        });
      case 'ready':
        return this.update({ phase: 'ready', progress: null });
      case 'data':
        // A new data set: pictures of the old one no longer apply.
        return this.update({
          data: msg.info,
          images: null,
          plane: null,
          codeMap: null,
          quality: null,
          latent: {},
        });
      case 'plane':
        return this.update({ plane: msg.view });
      case 'codeMap':
        return this.update({ codeMap: msg.map });
      case 'flow':
      case 'posterior': {
        const patch = labAnswer(this.snap, msg);
        return patch ? this.update(patch) : undefined;
      }
      case 'metrics':
        this.history.append(msg.firstStep, msg.names, msg.values);
        return this.lossesChanged();
      case 'evaluation':
        this.evaluations.append(msg.step, msg.names, msg.values);
        return this.lossesChanged();
      case 'quality':
        this.quality.append(msg.step, ['frechet'], Float32Array.of(msg.quality.frechet));
        this.update({ quality: { step: msg.step, quality: msg.quality } });
        return this.lossesChanged();
      case 'images':
        this.imagesOfReset = this.resetsBegun;
        return this.update({
          images: { step: msg.step, samples: msg.samples, second: msg.second },
        });
      case 'status':
        return this.update({ ...trainingStatus(msg), progress: null });
      case 'reset':
        this.resetsBegun++;
        // A snapshot restored (keepUpTo): the charts keep their history up to its step.
        for (const series of [this.history, this.evaluations, this.quality]) {
          if (msg.keepUpTo === null) series.clear();
          else series.truncateAfter(msg.keepUpTo);
        }
        return this.update({
          lossVersion: this.snap.lossVersion + 1,
          step: msg.keepUpTo ?? 0,
          firstStepMs: null,
          stepsPerSec: 0,
          error: null,
          errorKind: null,
          // A fresh run (a Reset, another setup) no longer comes from the shipped weights.
          ...(msg.keepUpTo === null
            ? { snapshotStep: null, recovery: null, quality: null, codeMap: null }
            : {}),
          ...(msg.keepUpTo === null && this.snap.trained.phase === 'loaded'
            ? { trained: { phase: 'off' } as const }
            : {}),
        });
      case 'snapshot':
        return this.update({ snapshotStep: msg.snapshot.step });
      case 'estimate':
        return this.update({ estimate: msg.estimate });
      case 'architecture':
        return this.update({ networks: msg.networks });
      case 'deviceLost': {
        const at = this.snap.snapshotStep;
        const step = this.snap.step;
        return this.update({
          running: false,
          recovery: (t) => t.errors.deviceLost(step, msg.message, at),
        });
      }
      case 'models':
        return this.update({ models: { list: msg.list, note: modelNote(msg.note), busy: false } });
      case 'restored': {
        if (msg.hash === null) return;
        // The saved run's setup, as its link says (the link was written by this page).
        const { config, drawn, z } = parseLink('', msg.hash);
        return this.update({
          config,
          drawn: drawn ?? this.snap.drawn,
          explorer: initialExplorer(config.latent, config.seed, z),
        });
      }
      case 'exported':
        return; // the controller turns the files into downloads
      case 'error': {
        const { diverged, missing } = msg;
        const family = MODELS[this.snap.config.model].family;
        return this.update({
          error: diverged
            ? (t) => t.errors.diverged(diverged.nan, diverged.step, t.errors.advice[family])
            : missing
              ? (t) => t.errors.missing[missing]
              : msg.message,
          errorKind: diverged ? 'diverged' : null,
          models: { ...this.snap.models, busy: false },
          ...(msg.fatal ? { phase: 'failed' as const, progress: null } : {}),
        });
      }
      default:
        return assertNever(msg);
    }
  }
}
