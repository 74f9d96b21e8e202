import type { UploadSize } from '../config/datasets.ts';
import type { SkippedFile } from '../data/imageFiles.ts';
import type { Said } from '../i18n/said.ts';
import type { RgbaImage, SavedModelMeta } from '../workers/messages.ts';
import type { DiracSetup } from '../config/dirac.ts';
import type { PosteriorTarget } from '../config/posterior.ts';
import type {
  FlowView,
  FromWorker,
  PosteriorProblem,
  PosteriorView,
} from '../workers/train/protocol.ts';
import { posteriorText } from '../config/posterior.ts';
import type { BetaSweepState } from './sweepPoints.ts';

// Parts of the page's snapshot (runStore.ts) with states of their own: the person's images,
// the checkpoints, the demo's shipped weights, the lab's views.

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

/** The lab's views: which are open (each in the link), and what the worker sent for them. */
export interface LabState {
  /** The Dirac GAN view's setup while it is open (`dirac=` in the link). */
  dirac: DiracSetup | null;
  /** The model-overview graph is open (`graph=1`). */
  graph: boolean;
  /** Slow motion (`slow=1`): Start takes a step a second on the page's timer (`running`). */
  slow: { on: boolean; running: boolean };
  /** The rate–distortion view is open (`rd=1`), with the β sweep's results when there are. */
  rd: boolean;
  sweep: BetaSweepState | null;
  /** What passes through the model's boxes (while the graph or rate–distortion is open). */
  flow: FlowView | null;
  /** The true-posterior view while it is open (`posterior=` in the link): x, and what came. */
  posterior: {
    target: PosteriorTarget;
    view: PosteriorView | null;
    problem: PosteriorProblem | null;
  } | null;
}

/** Every lab view closed, nothing from the worker yet. */
export const LAB_CLOSED: LabState = {
  dirac: null,
  graph: false,
  slow: { on: false, running: false },
  rd: false,
  sweep: null,
  flow: null,
  posterior: null,
};

/**
 * What the worker's answer for a lab view changes, or null when no open view wants it: the
 * flow while the graph or rate–distortion is open, the posterior for the x still chosen.
 */
export function labAnswer(
  lab: LabState,
  msg: Extract<FromWorker, { type: 'flow' | 'posterior' }>,
): Partial<LabState> | null {
  if (msg.type === 'flow') return lab.graph || lab.rd ? { flow: msg.view } : null;
  const open = lab.posterior;
  if (!open) return null;
  if (msg.view && posteriorText(msg.view.target) !== posteriorText(open.target)) return null;
  return { posterior: { ...open, view: msg.view, problem: msg.problem } };
}
