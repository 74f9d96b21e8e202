import { posteriorText } from '../config/posterior.ts';
import type { BackendName } from '../config/schema.ts';
import type { ParityResult, ParityRow } from '../workers/parity/protocol.ts';
import type { MetricName } from '../workers/train/protocol.ts';
import type { BackendInfo, DigitQuality, NetworkLayout } from '../workers/messages.ts';
import type { LossHistory } from './lossHistory.ts';
import { trainingStatus, type RunStore } from './runStore.ts';
import { en } from '../i18n/en.tsx';
import { say } from '../i18n/said.ts';
import { noticeText } from '../config/link.ts';
import type { TrainingStatus } from '../workers/train/protocol.ts';

// window.__playground: a small, read-only view of the run for end-to-end tests and for anyone
// debugging in the console. Every call returns a fresh copy; nothing here can change the run.

/** The worker's last status (TrainingStatus), with the backend and what the page holds. */
export interface PlaygroundStatus extends TrainingStatus {
  phase: 'preparing' | 'ready' | 'failed';
  backend: BackendName | null;
  adapter: string | null;
  isFallbackAdapter: boolean | null;
  fallbackReason: string | null;
  /** 'auto' on a software WebGPU adapter: the probe's times per backend (backendProbe.ts). */
  autoChoice: BackendInfo['autoChoice'];
  error: string | null;
  /** The step of the newest weight snapshot the page holds, or null. */
  snapshotStep: number | null;
  /** One entry per run on the page: compare mode's columns in order, else the one run. */
  runs: RunEntry[];
}

export interface RunEntry {
  model: string;
  data: string;
  step: number;
  stepsPerSec: number;
  backend: BackendName | null;
  error: string | null;
}

export interface PlaygroundHandle {
  status(): PlaygroundStatus;
  /** Every loss received so far: steps and one array per metric, aligned. */
  losses(): { steps: number[] } & Partial<Record<MetricName, number[]>>;
  /** Held-out losses so far: the steps they were measured at, one array per metric. */
  evaluations(): { steps: number[] } & Partial<Record<MetricName, number[]>>;
  /** MNIST: the Fréchet digit distance so far, and the newest measurement whole. */
  quality(): {
    steps: number[];
    frechet: number[];
    latest: ({ step: number } & DigitQuality) | null;
  };
  /** Step of the newest sample grid of the run last asked for, or null before its first. */
  imageStep(): number | null;
  /** Notes on link values that were ignored. */
  notices(): string[];
  /** The newest answer of each latent query kind: its id, step, and whether it has an image. */
  latent(): Partial<
    Record<
      'decode' | 'classes' | 'grid' | 'interpolate',
      {
        id: number;
        step: number;
        image: boolean;
        /** A fingerprint of the image's pixels (0 when none), to compare two decodes. */
        pixels: number;
        error: string | null;
      }
    >
  >;
  /** Checkpoints in this browser (step of each, newest first) and the last storage note. */
  models(): { steps: number[]; note: string | null; busy: boolean };
  /** The run's networks, per network its layers in order (null before the first build). */
  architecture(): NetworkLayout[] | null;
  /** The data set the worker built last. */
  data(): { kind: 'image' | 'points'; description: string; trainCount: number } | null;
  /** The newest 2-D view (2-D data): its step, and copies of its points. */
  plane(): {
    step: number;
    real: number[];
    fake: number[];
    hasHeat: boolean;
    hasArrows: boolean;
    hasCodes: boolean;
    /** D* on the heat grid (row 0 at the top), or null (not a GAN on a toy set). */
    optimal: { res: number; values: number[] } | null;
  } | null;
  /** The run kept for a reload: the step last kept, why it cannot be, the step offered. */
  kept(): { step: number | null; note: string | null; offer: number | null };
  /**
   * Trains each setup twice in a worker of its own, with our fused WebGPU kernels and with
   * tfjs's ops, and says how far apart they came out (src/workers/parity/kernelParity.ts). Leaves the
   * run alone; the worker is loaded only when this is called.
   */
  kernelParity(rows: ParityRow[]): Promise<ParityResult[]>;
  /**
   * What the digit classifier makes of the latent explorer's decoded image (MNIST): its digit
   * and its probability. Null when there is no decoded image. A worker of its own, per call.
   */
  judgeDecoded(): Promise<{ digit: number; confidence: number } | null>;
  /** Compare mode: the handle of column i (the same calls, for that column's run). */
  column(i: number): PlaygroundHandle | null;
  /** The newest code map (compare mode, 2-D latent, images): what it holds, or null. */
  codeMap(): {
    step: number;
    count: number;
    classes: number;
    kind: 'aggregate' | 'histogram';
    kl: number | null;
    outside: number;
  } | null;
  /** The open posterior view's newest picture: its numbers, and the grid's total mass. */
  posterior(): {
    step: number;
    target: string;
    label: number | null;
    posteriorSum: number;
    qSum: number;
    logPx: number;
    elbo: number;
    iwae: number;
    iwaeSe: number;
    klGrid: number;
    mu: [number, number];
    sigma: [number, number];
  } | null;
}

declare global {
  interface Window {
    __playground?: PlaygroundHandle;
  }
}

function seriesOf(h: LossHistory): { steps: number[] } & Partial<Record<MetricName, number[]>> {
  const out: { steps: number[] } & Partial<Record<MetricName, number[]>> = { steps: [] };
  for (const name of h.metricNames) {
    const { steps, values } = h.series(name);
    out.steps = steps;
    out[name] = values;
  }
  return out;
}

function fingerprint(data: Uint8ClampedArray): number {
  let h = 0;
  for (const v of data) h = (Math.imul(h, 31) + v) | 0;
  return h;
}

function runEntry(store: RunStore): RunEntry {
  const s = store.getSnapshot();
  return {
    model: s.config.model,
    data: s.config.data,
    step: s.step,
    stepsPerSec: s.stepsPerSec,
    backend: s.backend?.name ?? null,
    error: s.error === null ? null : say(en, s.error),
  };
}

/** The handle of a run; `columns`: every run on the page (compare mode's), the first this one. */
export function createTestHandle(
  store: RunStore,
  columns: readonly RunStore[] = [store],
): PlaygroundHandle {
  return Object.freeze({
    status(): PlaygroundStatus {
      const s = store.getSnapshot();
      return {
        runs: columns.map(runEntry),
        phase: s.phase,
        backend: s.backend?.name ?? null,
        adapter: s.backend?.adapter ?? null,
        isFallbackAdapter: s.backend?.isFallbackAdapter ?? null,
        fallbackReason: s.backend?.fallbackReason ?? null,
        autoChoice: s.backend?.autoChoice ?? null,
        ...trainingStatus(s),
        error: s.error === null ? null : say(en, s.error),
        snapshotStep: s.snapshotStep,
      };
    },
    losses: () => seriesOf(store.history),
    evaluations: () => seriesOf(store.evaluations),
    quality() {
      const { steps, values } = store.quality.series('frechet');
      const q = store.getSnapshot().quality;
      return { steps, frechet: values, latest: q ? { step: q.step, ...q.quality } : null };
    },
    architecture: () => store.getSnapshot().networks,
    imageStep: () => (store.imagesCurrent ? (store.getSnapshot().images?.step ?? null) : null),
    notices: () => store.getSnapshot().notices.map(noticeText),
    latent() {
      const out: ReturnType<PlaygroundHandle['latent']> = {};
      for (const [kind, a] of Object.entries(store.getSnapshot().latent)) {
        out[kind as keyof typeof out] = {
          id: a.id,
          step: a.step,
          image: a.image !== null,
          pixels: a.image ? fingerprint(a.image.data) : 0,
          error: a.error,
        };
      }
      return out;
    },
    models() {
      const m = store.getSnapshot().models;
      return {
        steps: m.list.map((c) => c.step),
        note: m.note ? say(en, m.note.text) : null,
        busy: m.busy,
      };
    },
    data() {
      const d = store.getSnapshot().data;
      return d ? { kind: d.kind, description: d.description, trainCount: d.trainCount } : null;
    },
    plane() {
      const v = store.getSnapshot().plane;
      if (!v) return null;
      return {
        step: v.step,
        real: Array.from(v.real),
        fake: Array.from(v.fake),
        hasHeat: v.heat !== null,
        hasArrows: v.arrows !== null,
        hasCodes: v.codes !== null,
        optimal: v.optimal ? { res: v.optimal.res, values: Array.from(v.optimal.values) } : null,
      };
    },
    kept() {
      const s = store.getSnapshot();
      const note = s.kept.note === null ? null : say(en, s.kept.note);
      return { step: s.kept.step, note, offer: s.resumeOffer?.step ?? null };
    },
    kernelParity: async (rows: ParityRow[]) =>
      (await import('../clients/parityClient.ts')).checkKernelParity(rows),
    judgeDecoded: async () => {
      const image = store.getSnapshot().latent.decode?.image;
      if (!image) return null;
      const url = new URL('data/digit-classifier.json', document.baseURI).href;
      return (await import('../clients/judgeClient.ts')).classifyDigit(image, url);
    },
    column: (i: number) => (columns[i] ? createTestHandle(columns[i], [columns[i]]) : null),
    codeMap() {
      const m = store.getSnapshot().codeMap;
      if (!m) return null;
      return {
        step: m.step,
        count: m.codes.length / 2,
        classes: m.labels ? new Set(m.labels).size : 0,
        kind: m.density.kind,
        kl: m.kl,
        outside: m.outside,
      };
    },
    posterior() {
      const v = store.getSnapshot().posterior?.view;
      if (!v) return null;
      const sum = (a: Float32Array) => a.reduce((t, x) => t + x, 0);
      const { step, label, logPx, elbo, iwae, iwaeSe, klGrid, mu, sigma } = v;
      return {
        ...{ step, label, logPx, elbo, iwae, iwaeSe, klGrid, mu, sigma },
        target: posteriorText(v.target),
        posteriorSum: sum(v.posterior),
        qSum: sum(v.q),
      };
    },
  });
}

export function installTestHandle(store: RunStore, columns: readonly RunStore[] = [store]): void {
  Object.defineProperty(window, '__playground', {
    value: createTestHandle(store, columns),
    writable: false,
    configurable: false,
  });
}
