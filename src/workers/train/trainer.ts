import * as tf from '../../tf/tfjs.ts';
import type { RunConfig } from '../../config/schema.ts';
import { LIVE_FIELDS } from '../../config/models.ts';
import type { CustomData } from '../../data/hostData.ts';
import type { BuildOptions } from '../../models/types.ts';
import { parseLink } from '../../config/link.ts';
import { Checkpoints } from './checkpoints.ts';
import { ModelKeeper } from './modelKeeper.ts';
import { applyStartSwitches, triggerFault, watchDevice } from './deviceFaults.ts';
import { loadNetworks, probeWeights, snapshotArtifacts } from '../shared/modelFiles.ts';
import { SnapshotPoster } from './snapshotPoster.ts';
import { fetchDigits } from '../../data/mnist.ts';
import { initBackend } from '../shared/backend.ts';
import { DataKeeper, dataInfo } from './dataKeeper.ts';
import { LatentQueries } from '../shared/latentQueries.ts';
import { LossBuffer } from './lossBuffer.ts';
import { PicturePoster } from './pictures.ts';
import type { PosteriorTarget } from '../../config/posterior.ts';
import { countedStep, gpuCalls } from './gpuCallCounter.ts';
import type { Judge } from '../judge/protocol.ts';
import { WorkerJudge } from './judgeClient.ts';
import { QualityProbe } from './qualityProbe.ts';
import type { Post, PrepareStage } from './protocol.ts';
import { setSwitches, switches } from '../../config/switches.ts';
import type { BackendInfo, SavedModelMeta, WeightSnapshot } from '../messages.ts';
import { TrainingSession } from './session.ts';
import { describeNetwork } from '../../models/architecture.ts';
import { sessionEstimate } from './stepEstimate.ts';
import { deviceSharesCpu, PagePacer } from './pagePacer.ts';
import { divergence } from '../../metrics/divergence.ts';
import { ChunkSizer, MAX_CHUNK } from './chunkSizer.ts';
import { errorMessage } from './errorMessage.ts';
import { FirstStepClock } from './firstStepClock.ts';

// The training loop. It queues K steps on the device, then reads their losses back with one
// `await data()`, posts them, posts pictures every `every` steps, and yields so that
// messages (pause, reset) are handled between chunks. K adapts to the device (chunkSizer.ts).

const yieldToEvents = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class Trainer {
  private config: RunConfig | null = null;
  /** The data sets: the digits, the person's own data, what is on the device. */
  private readonly data: DataKeeper;
  private dataUrl = '';
  /** The backend the chain WebGPU → WebGL → CPU (or the link) chose at start. */
  private firstBackend: BackendInfo | null = null;
  private session: TrainingSession | null = null;
  private readonly losses = new LossBuffer();
  private running = false;
  private loop: Promise<void> | null = null;
  /** From Start until the loop has posted its last status (`running` turns false first). */
  private looping = false;
  /** Lets the page paint between chunks where the device shares its cores. */
  readonly pacer = new PagePacer();
  /** Steps per chunk, and the steps/s the status shows. */
  private readonly chunks = new ChunkSizer();
  private readonly firstStep = new FirstStepClock();
  private readonly pictures: PicturePoster;
  private readonly snapshots: SnapshotPoster;
  /** How models are built: with our WebGPU kernels, except in the benchmark's plain loop. */
  private build: BuildOptions = {};
  private readonly quality: QualityProbe;

  readonly latent: LatentQueries;
  /** Checkpoints and model files. */
  readonly keeper: ModelKeeper;

  constructor(
    private readonly post: Post,
    /** Where the digits come from: fetched by the page's worker, read from disk by tests. */
    loadDigits: typeof fetchDigits = fetchDigits,
    /** Where checkpoints are kept: IndexedDB in the page, a Map in tests. */
    checkpoints = new Checkpoints(),
    /** The digit judge: a worker of its own in the page (classifier next to the digits). */
    makeJudge: () => Judge = () =>
      new WorkerJudge(new URL('digit-classifier.json', this.dataUrl).href),
  ) {
    this.data = new DataKeeper(post, loadDigits, (...args) => this.progress(...args));
    this.quality = new QualityProbe(makeJudge, post);
    this.keeper = new ModelKeeper(
      {
        run: () =>
          this.session && this.config ? { session: this.session, config: this.config } : null,
        whilePaused: (fn) => this.whilePaused(fn),
        restore: (meta, byRole, opts) => this.restore(meta, byRole, opts),
        post,
      },
      checkpoints,
    );
    this.snapshots = new SnapshotPoster(post);
    this.pictures = new PicturePoster(post);
    // A status once the queries are answered reports the settled tensor count (one taken
    // mid-query would count the query's images); while the loop is on, its own statuses do.
    this.latent = new LatentQueries(
      () => this.session,
      () => {
        if (!this.looping) this.postStatus();
      },
    );
  }

  async init(config: RunConfig, dataUrl: string, on = switches(), codeMap = false): Promise<void> {
    this.config = config;
    this.pictures.extras.codeMap = codeMap;
    setSwitches(on);
    applyStartSwitches();
    // Bench only, the plain loop as tfjs's examples train: one step per chunk (its loss read
    // back at once), tfjs's own ops and Adam.
    const plainLoop = on.plainLoop;
    this.chunks.limit = plainLoop ? 1 : MAX_CHUNK;
    this.build = { fused: !plainLoop };
    this.progress('backend');
    this.firstBackend = await initBackend(config.backend);
    this.post({ type: 'backend', info: this.firstBackend });
    watchDevice(this.post);

    this.dataUrl = dataUrl;
    // A link may ask for data that is not there (your own images, before any are chosen): the
    // page still becomes ready, with the message, so the person can choose other data.
    try {
      await this.newSession(config);
    } catch (e) {
      this.post(errorMessage(e, false));
    }
    this.post({ type: 'ready' });
  }

  /** The posterior view opened, closed or took another x: shown now when training waits. */
  setPosterior(target: PosteriorTarget | null): Promise<void> {
    return this.pictures.setPosterior(target, this.running ? null : this.session);
  }

  /** The model-overview graph opened or closed: its flow is shown now when training waits. */
  setFlow(open: boolean): Promise<void> {
    return this.pictures.setFlow(open, this.running ? null : this.session);
  }

  /** The person drew new points: used by the next reset when the data set is 'drawn'. */
  setDrawn(points: Float32Array): void {
    this.data.setDrawn(points, this.config);
  }

  /** New uploaded images: used by the next reset when the data set is 'upload'. */
  setUpload(upload: NonNullable<CustomData['upload']>): void {
    this.data.setUpload(upload, this.config);
  }

  start(): void {
    if (!this.session) {
      const message = 'There is no model to train: choose a data set that is ready, then Reset.';
      this.post({ type: 'error', fatal: false, message, missing: 'model' });
      return;
    }
    if (this.running) return;
    if (this.budgetReached()) return;
    this.running = true;
    // From here the page says "compiling" (running, no first step yet), as the figure counts.
    this.firstStep.start();
    this.postStatus();
    this.looping = true;
    this.loop = this.runLoop();
  }

  /** Stops after the chunk in flight; resolves once the loop has posted its last step. */
  async pause(): Promise<void> {
    this.running = false;
    await this.loop;
    this.postStatus();
  }

  /** One step by hand (`part`: a GAN's D alone or G alone). */
  async singleStep(part: 'd' | 'g' | null = null): Promise<void> {
    if (!this.session || this.running) return;
    await this.waitForFirstQuality();
    this.firstStep.start();
    await this.runChunk(1, part);
    // Stepping by hand: show what the step did, whatever the picture interval.
    if (this.session) await this.pictures.catchUp(this.session);
    await this.measureQuality();
    await this.quality.idle();
    await this.snapshot(true);
    this.postStatus();
  }

  /** Applies the fields that can change mid-run (see LIVE_FIELDS). */
  update(config: RunConfig): void {
    if (!this.config) return;
    const next: Record<string, unknown> = { ...this.config };
    for (const key of LIVE_FIELDS) next[key] = config[key];
    this.config = next as RunConfig;
    this.session?.setLive(this.config);
  }

  async reset(config: RunConfig): Promise<void> {
    this.running = false;
    await this.loop;
    this.config = config;
    this.post({ type: 'reset', keepUpTo: null });
    await this.newSession(config);
  }

  /** Back to weights the page kept: the current setup, rebuilt, at the snapshot's step. */
  async restoreSnapshot(snapshot: WeightSnapshot): Promise<void> {
    await this.restore(null, snapshotArtifacts(snapshot), {
      step: snapshot.step,
      source: 'snapshot',
      keepHistory: true,
    });
  }

  /** Test-only triggers (only when the page enabled them). */
  fault(kind: 'lose-device' | 'crash'): void {
    triggerFault(kind);
  }

  /** Posts the weights to the page (see SnapshotPoster). */
  private snapshot(force: boolean): Promise<void> {
    return this.snapshots.send(this.session, this.config!, force);
  }

  /**
   * Replaces the run with saved weights: the saved setup (null: keep the current one) is built
   * afresh, the weights go in, the step count goes on from the saved step. A transaction:
   * everything that can fail (the setup's data, every weight) is tried aside first, on the
   * data as it would be built and a throwaway model of that setup, so whatever does not fit
   * throws before the run, its step, its chart and its pictures are touched.
   */
  private async restore(
    meta: SavedModelMeta | null,
    byRole: ReadonlyMap<string, tf.io.ModelArtifacts>,
    { step, source, keepHistory = false }: { step: number; source: string; keepHistory?: boolean },
  ): Promise<void> {
    const parsed = meta ? parseLink('', meta.hash) : null;
    const config = parsed?.config ?? this.config;
    if (!config) throw new Error('the page is not ready yet');
    if (!Number.isSafeInteger(step) || step < 0) throw new Error(`step ${step} is not a step`);
    try {
      await this.data.check(config, this.dataUrl, parsed?.drawn ?? null);
      probeWeights(config, byRole);
    } catch (e) {
      this.postStatus(); // the run as it is (and no loading bar left from the check)
      throw e;
    }
    this.running = false;
    await this.loop;
    if (parsed?.drawn) {
      this.data.setDrawn(parsed.drawn, config); // the saved drawing's points
    }
    this.post({ type: 'restored', hash: meta?.hash ?? null, step, source });
    this.config = config;
    this.post({ type: 'reset', keepUpTo: keepHistory ? step : null });
    await this.newSession(config, (session) => {
      loadNetworks(session.model.networks, byRole);
      session.step = step;
    });
    await this.snapshot(true);
  }

  /** Runs fn with training paused (weights then match one step), and resumes it after. */
  private async whilePaused<T>(fn: () => Promise<T>): Promise<T> {
    const wasRunning = this.running;
    if (wasRunning) {
      this.running = false;
      await this.loop;
    }
    try {
      return await fn();
    } finally {
      if (wasRunning) this.start();
    }
  }

  private async newSession(
    config: RunConfig,
    /** Runs on the new session before its first pictures (restored weights go in here). */
    prepare?: (session: TrainingSession) => void,
  ): Promise<void> {
    this.losses.dispose();
    this.session?.dispose();
    this.session = null; // if building the new one throws, nothing uses the disposed one
    await this.quality.firstDone(); // sees the session gone, and stops
    const data = await this.data.ensure(config, this.dataUrl, this.firstBackend);
    this.progress('model');
    const session = new TrainingSession(config, data, this.build);
    this.session = session;
    prepare?.(session);
    if (session.batch < config.batch) {
      this.post({ type: 'data', info: dataInfo(data, session.batch, config.batch) });
    }
    this.post({ type: 'estimate', estimate: await sessionEstimate(session, config) });
    this.post({ type: 'architecture', networks: session.model.networks.map(describeNetwork) });
    this.chunks.restart();
    this.snapshots.restart();
    this.firstStep.restart();
    await this.pictures.show(session);
    await this.snapshot(true); // the latent mirror's first weights
    this.postStatus();
    // Step 0's quality is measured while the page is idle; Start waits for it to finish.
    this.quality.restart(config, session, () => this.session === session);
  }

  /** Step 0's quality measurement, if still generating: the page says so until it is done. */
  private async waitForFirstQuality(): Promise<void> {
    if (!this.quality.generating) return this.quality.firstDone();
    this.progress('quality');
    await this.quality.firstDone();
    this.postStatus(); // the progress line gives way to the first step's
  }

  /** Measures the digit quality metrics if due (see QualityProbe). */
  private measureQuality(): Promise<void> {
    const session = this.session;
    return this.quality.measureIfDue(this.config, session, () => this.session === session);
  }

  private budgetReached(): boolean {
    const budget = this.config?.steps ?? 0;
    return budget > 0 && (this.session?.step ?? 0) >= budget;
  }

  private async runLoop(): Promise<void> {
    try {
      await this.waitForFirstQuality();
      while (this.running && !this.budgetReached()) {
        const t0 = performance.now();
        const steps = await this.runChunk(this.chunks.size);
        this.chunks.record(steps, performance.now() - t0);
        // Where the device shares the CPU, the page paints before the next chunk (pagePacer.ts).
        const paced = deviceSharesCpu(tf.getBackend(), this.firstBackend);
        await this.pacer.postAndWait(paced, (ticket) => this.postStatus(ticket));
        await this.measureQuality(); // outside the chunk's timing: it does not shrink K
        await yieldToEvents();
      }
    } catch (e) {
      this.post({
        type: 'error',
        message: `Training stopped: ${(e as Error).message}`,
        fatal: false,
      });
    } finally {
      this.running = false;
      // Leave the pictures showing the step the run stopped at, and the page a snapshot of it.
      if (this.session) await this.pictures.catchUp(this.session).catch(() => undefined);
      await this.snapshot(true).catch(() => undefined);
      await this.quality.idle(); // the last judgement's result comes before the final status
      this.looping = false;
      this.postStatus();
    }
  }

  /** Queues up to k steps, reads their losses back once, posts them (and pictures if due). */
  private async runChunk(k: number, part: 'd' | 'g' | null = null): Promise<number> {
    const session = this.session!;
    const budget = this.config?.steps ?? 0;
    const firstStep = session.step + 1;
    let n = 0;
    while (n < k && !(budget > 0 && session.step >= budget)) {
      this.losses.push(countedStep(() => session.trainStep(part)));
      n++;
      // A chunk ends where a quality measurement is due, so it measures exactly that step.
      if (this.config && this.quality.isDue(this.config, session)) break;
    }
    if (n === 0) return 0;
    const values = await this.losses.flush();
    const names = session.model.metricNames;
    this.firstStep.stepFinished();
    // Look for NaN/Inf before the buffer is transferred (and detached) by post.
    const diverged = divergence(values, names.length, firstStep);
    // The chunk's device work (weights for the mirror, pictures) comes before its losses are
    // posted: the page then redraws while the device is idle (pagePacer.ts).
    if (!diverged) await this.snapshot(false);
    if (this.pictures.due(session, this.config?.every ?? 1)) await this.pictures.show(session);
    this.post({ type: 'metrics', firstStep, names: [...names], values }, [values.buffer]);
    if (diverged) {
      this.running = false;
      const message = `The loss became ${diverged.nan ? 'NaN' : 'infinite'} at step ${diverged.step}, so training was paused.`;
      this.post({ type: 'error', fatal: false, diverged, message });
    }
    return n;
  }

  private postStatus(paintTicket: number | null = null): void {
    this.post({
      type: 'status',
      running: this.running,
      step: this.session?.step ?? 0,
      stepsPerSec: this.chunks.stepsPerSec,
      firstStepMs: this.firstStep.atStatus(),
      numTensors: tf.memory().numTensors,
      numBytes: tf.memory().numBytes,
      gpuCalls: gpuCalls(),
      paintTicket,
    });
  }

  private progress(stage: PrepareStage, loaded: number | null = null, total: number | null = null) {
    this.post({ type: 'progress', stage, loaded, total });
  }
}
