import * as tf from '../../tf/tfjs.ts';
import type { RunConfig } from '../../config/schema.ts';
import { DIGIT_PIXELS, QUALITY_SAMPLES, QUALITY_SLICE, type Judge } from '../judge/protocol.ts';
import type { DeviceData } from './deviceData.ts';
import type { FromWorker } from './protocol.ts';
import type { TrainingSession } from './session.ts';

// When and how the digit quality metrics are measured: every `quality` steps on MNIST. The
// training worker generates 1,000 digits between two chunks (the weights of exactly that
// step; slice by slice, yielding to messages), hands them to the judge, and trains on while
// the judge (its own worker in the page) compares them with the 1,000 held-out digits.
// At most one judgement is in flight: a measurement due while one is still judged waits.
// Generating is what stalls training (1,000 DCGAN digits take about a minute on a software
// adapter, a dense generator's a second or two), so measuring takes at most a quarter of the
// time: after a measurement that stalled training for T, the next waits until training has
// run for another TRAINING_PER_STALL · T, even if `quality` steps have passed.

const TRAINING_PER_STALL = 3;

/**
 * About how long one slice of digits may keep the worker from its messages on the CPU backend,
 * which generates synchronously (100 of the article's DCGAN digits take seconds there): until a
 * slice is done, Pause, Reset and the latent sliders wait. There a measurement starts with a
 * slice of FIRST_CPU_SLICE and sizes the next ones to take about this long. The GPU backends
 * work while the worker awaits the digits, so they generate whole blocks: one shape to compile.
 */
const SLICE_MS = 100;
const FIRST_CPU_SLICE = 10;
/** Slice sizes: the divisors of QUALITY_SLICE, largest first, so slices tile a block. */
const SIZES = Array.from({ length: QUALITY_SLICE }, (_, i) => QUALITY_SLICE - i).filter(
  (d) => QUALITY_SLICE % d === 0,
);

/**
 * The largest slice of at most `fit` digits that divides the `left` digits left in its block:
 * the rest of the block can go in slices of the same size (one shape, not several).
 */
export function sliceOf(fit: number, left: number): number {
  return SIZES.find((d) => d <= fit && left % d === 0) ?? 1;
}

/** How many digits take about SLICE_MS, after `n` took `ms`. */
const fitting = (n: number, ms: number) => Math.floor((n * SLICE_MS) / Math.max(ms, 1));

const yieldToEvents = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class QualityProbe {
  private judge: Judge | null = null;
  /** The data set whose real digits the judge holds, and when it has judged them. */
  private realOf: DeviceData | null = null;
  private realReady: Promise<void> = Promise.resolve();
  private inFlight: Promise<void> = Promise.resolve();
  /** Set once the judge failed: the metrics stay off, training goes on. */
  private broken = false;
  private lastStep = -1;
  /** How long the last measurement held training up, and when it ended. */
  private lastStallMs = 0;
  private lastEndedAt = -Infinity;
  /** The current run's first measurement (restart). */
  private first: Promise<void> = Promise.resolve();
  /** True while a measurement generates its digits (training waits for them). */
  generating = false;

  constructor(
    private readonly makeJudge: () => Judge,
    private readonly post: (msg: FromWorker) => void,
    /** Milliseconds, for pacing (tests pass a clock of their own). */
    private readonly now: () => number = () => performance.now(),
  ) {}

  /**
   * A new run: its first measurement (step 0's) starts at once, while the page is idle; the
   * run's first step waits for it (firstDone).
   */
  restart(config: RunConfig, session: TrainingSession, current: () => boolean): void {
    this.lastStep = -1;
    this.first = this.measureIfDue(config, session, current);
  }

  /** Resolves once the run's first measurement is done, or has stopped for a newer run. */
  firstDone(): Promise<void> {
    return this.first;
  }

  isDue(config: RunConfig, session: TrainingSession): boolean {
    const { shape } = session.data;
    return (
      !this.broken &&
      config.data === 'mnist' &&
      config.quality > 0 &&
      shape.height * shape.width * shape.channels === DIGIT_PIXELS &&
      (this.lastStep < 0 ||
        (session.step - this.lastStep >= config.quality &&
          this.now() - this.lastEndedAt >= TRAINING_PER_STALL * this.lastStallMs))
    );
  }

  /** Measures if due; a failure ends up as a message, never thrown. */
  async measureIfDue(
    config: RunConfig | null,
    session: TrainingSession | null,
    current: () => boolean,
  ): Promise<void> {
    if (!session || !config || !this.isDue(config, session)) return;
    try {
      await this.measure(session, current);
    } catch (e) {
      if (current()) {
        this.post({
          type: 'error',
          fatal: false,
          message: `The digit quality metrics failed: ${(e as Error).message}`,
        });
      }
    }
  }

  /** Resolves once no judgement is in flight (its result posted). */
  idle(): Promise<void> {
    return this.inFlight;
  }

  /**
   * Generates the session's digits at its current step and hands them to the judge; the
   * result is posted when it comes, unless `current()` has turned false by then (a reset).
   */
  async measure(session: TrainingSession, current: () => boolean): Promise<void> {
    const step = session.step;
    this.lastStep = step;
    const startedAt = this.now();
    this.generating = true;
    let images: Float32Array | null;
    const judge = (this.judge ??= this.makeJudge());
    try {
      await this.inFlight;
      const data = session.data;
      if (this.realOf !== data) {
        // The judge reads the real digits while the generated ones are made.
        const count = Math.min(QUALITY_SAMPLES, data.heldOutCount);
        this.realOf = data;
        this.realReady = judge.setReal(data.heldOut.subarray(0, count * DIGIT_PIXELS), count);
      }
      images = await this.generate(session, current);
    } finally {
      this.generating = false;
    }
    if (!images) return;
    this.lastEndedAt = this.now();
    this.lastStallMs = this.lastEndedAt - startedAt;
    this.judgeDigits(judge, images, step, current);
  }

  /** The session's QUALITY_SAMPLES digits, slice by slice; null if `current()` turns false. */
  private async generate(session: TrainingSession, current: () => boolean) {
    const images = new Float32Array(QUALITY_SAMPLES * DIGIT_PIXELS);
    const adapt = tf.getBackend() === 'cpu';
    let fit = adapt ? FIRST_CPU_SLICE : QUALITY_SLICE;
    for (let first = 0; first < QUALITY_SAMPLES;) {
      const left = Math.min(QUALITY_SLICE - (first % QUALITY_SLICE), QUALITY_SAMPLES - first);
      const n = sliceOf(fit, left);
      const t0 = this.now();
      const digits = session.qualitySamples(first, n);
      try {
        images.set((await digits.data()) as Float32Array, first * DIGIT_PIXELS);
      } finally {
        digits.dispose();
      }
      if (adapt) fit = fitting(n, this.now() - t0);
      first += n;
      await yieldToEvents();
      if (!current()) return null;
    }
    return images;
  }

  /** Hands the digits to the judge; its verdict is posted when it comes (see `inFlight`). */
  private judgeDigits(judge: Judge, images: Float32Array, step: number, current: () => boolean) {
    this.inFlight = this.realReady
      .then(() => judge.compare(images, QUALITY_SAMPLES))
      .then(
        (quality) => {
          if (current()) this.post({ type: 'quality', step, quality });
        },
        (e: Error) => {
          if (this.broken) return;
          this.broken = true;
          this.post({
            type: 'error',
            fatal: false,
            message: `The digit quality metrics are off: ${e.message}. Training is not affected.`,
          });
        },
      );
  }
}
