import { asInLink } from '../config/drawing.ts';
import type { FieldKey } from '../config/fields.ts';
import type { PanelId } from '../config/link.ts';
import { LANG_TAG, type Lang } from '../config/lang.ts';
import { defaultsFor, LIVE_FIELDS, withDataSet } from '../config/models.ts';
import type { ModelId, RunConfig } from '../config/schema.ts';
import type { DiracSetup } from '../config/dirac.ts';
import type { PosteriorTarget } from '../config/posterior.ts';
import { sweepBeta } from './betaSweep.ts';
import type { FromWorker } from '../workers/train/protocol.ts';
import { AddressBar, runHash } from './addressBar.ts';
import { followWorker } from './workerEvents.ts';
import { RunCommands } from './runCommands.ts';
import { LatentRouter } from './latentRouter.ts';
import { ModelCommands } from './modelCommands.ts';
import { RunKeeper } from './runKeeper.ts';
import type { RunStore } from './runStore.ts';
import { TrainerConnection } from './trainerConnection.ts';
import { UploadDecoding } from './uploadDecoding.ts';
import { SpeedRecord } from './speedRecord.ts';
import { TrainedStart } from './trainedStart.ts';

// What the page's controls do, by job: the run itself and its setup (here: typed commands to
// the worker, the link kept in step with the config), the worker and the way back when it
// fails (`worker`), the model's files (`models`), the latent explorer (`explorer`). The
// worker's messages flow into the store, then to whichever part acts on them.

/** Fields kept when the person switches model: the run's, not the model's. */
const KEPT_ON_MODEL_SWITCH: readonly FieldKey[] = [
  'seed',
  'backend',
  'every',
  'quality',
  'steps',
  'arch',
  'data',
  'digits',
  'usize',
  'spread',
];

/** Slow motion: a step this often. */
const SLOW_MS = 1000;

export class RunController {
  private slowTimer: ReturnType<typeof setTimeout> | null = null;
  readonly worker: TrainerConnection;
  readonly models: ModelCommands;
  readonly explorer: LatentRouter;
  /** The link in the address bar. */
  private readonly link: AddressBar;
  /** The person's own images, decoded. */
  private readonly upload: UploadDecoding;
  /** The run kept for a reload, and the one offered from an earlier visit. */
  private readonly kept: RunKeeper;
  private offered = false;
  /** The demo's shipped weights, fetched when asked. */
  readonly trained: TrainedStart;
  /** Steps a second measured here, per setup and backend. */
  private readonly speeds = new SpeedRecord();
  private readonly commands: RunCommands;

  constructor(
    private readonly store: RunStore,
    dataUrl: string,
    /** `autoplay=1` in the link: start once the page is ready. */
    private autoplay = false,
    /** `from=trained` in the link: begin from the demo's shipped weights once ready. */
    private fromTrained = false,
  ) {
    this.link = new AddressBar((config) => runHash(store, config));
    this.upload = new UploadDecoding(store);
    this.kept = new RunKeeper(store);
    this.worker = new TrainerConnection(store, dataUrl, this.upload, this.kept, (msg) =>
      this.receive(msg),
    );
    this.commands = new RunCommands(store, this.worker);
    this.models = new ModelCommands(store, this.worker, this.link);
    this.explorer = new LatentRouter(store, this.link, (query) => this.worker.latent(query));
    this.trained = new TrainedStart(store, this.worker, this.link, () => this.start());
  }

  /** Every message of the training worker: the store first, then the part that acts on it. */
  private receive(msg: FromWorker): void {
    this.store.receive(msg);
    followWorker(msg, this.worker, this.explorer);
    switch (msg.type) {
      case 'restored':
        return this.link.write();
      case 'status': {
        const { config, backend } = this.store.getSnapshot();
        if (
          msg.running &&
          backend &&
          this.speeds.note(config, backend.name, msg.step, msg.stepsPerSec)
        ) {
          this.store.update({ speeds: this.speeds.of(config) });
        }
        return;
      }
      case 'exported':
        return this.models.exported(msg.files);
      case 'ready':
        this.worker.post({ type: 'models', action: 'list' });
        if (!this.offered) void this.kept.offer();
        this.offered = true;
        if (this.fromTrained) void this.trained.load(this.autoplay);
        else if (this.autoplay && this.store.getSnapshot().error === null) this.start();
        this.autoplay = false;
        this.fromTrained = false;
        return;
      case 'backend':
        return this.store.update({ speeds: this.speeds.of(this.store.getSnapshot().config) });
      case 'models':
        return this.trained.modelsNoted(msg.note);
      default:
        return; // the store's alone, or followWorker's
    }
  }

  start(): void {
    if (!this.store.getSnapshot().slow.on) {
      this.commands.start();
      return;
    }
    this.store.update({ slow: { on: true, running: true } });
    this.slowStep();
  }

  pause(): void {
    this.stopSlow();
    this.commands.pause();
  }

  /** Slow motion's next step, a second after the last one began (while it runs). */
  private slowStep(): void {
    const { slow, step, config } = this.store.getSnapshot();
    if (!slow.running) return;
    if (config.steps > 0 && step >= config.steps) return this.stopSlow();
    this.commands.step();
    this.slowTimer = setTimeout(() => this.slowStep(), SLOW_MS);
  }

  private stopSlow(): void {
    if (this.slowTimer !== null) clearTimeout(this.slowTimer);
    this.slowTimer = null;
    const { slow } = this.store.getSnapshot();
    if (slow.running) this.store.update({ slow: { on: slow.on, running: false } });
  }

  /** Slow motion on or off; the link remembers it. A running slow run stops. */
  setSlow(on: boolean): void {
    this.stopSlow();
    this.store.update({ slow: { on, running: false } }, true);
    this.link.writeSoon();
  }

  /** One step; `part`: a GAN's D alone or G alone. */
  step(part?: 'd' | 'g'): void {
    this.commands.step(part);
  }

  reset(): void {
    this.stopSlow();
    this.commands.reset();
  }

  /** Back to the last good weights (after a NaN), optionally with learning rates ÷ 10. */
  restoreSnapshot(lowerLearningRate = false): void {
    if (lowerLearningRate) {
      const c = this.store.getSnapshot().config;
      const gentler = { ...c, lr: Math.max(1e-6, c.lr / 10), dlr: Math.max(1e-6, c.dlr / 10) };
      this.apply(gentler, true);
    }
    if (!this.worker.restoreSnapshot()) this.reset();
  }

  /** Sets the kept run aside, and drops it. */
  startOver(): void {
    void this.kept.forget();
  }

  /** A control changed: learning rates and the like apply at once, the rest restarts the run. */
  setField(key: FieldKey, value: number | string): void {
    const old = this.store.getSnapshot().config;
    let config = { ...old, [key]: value } as RunConfig;
    if (key === 'data') config = withDataSet(old, config.data);
    const upload = this.store.getSnapshot().upload;
    if (key === 'usize' && this.upload.hasFiles) {
      // Another size: decode the same files again; training moves to them when asked.
      this.store.update({ config }, true);
      this.link.write(config);
      void this.upload.decode();
      return;
    }
    if (key === 'data' && value === 'upload' && !(upload.phase === 'ready' && upload.inUse)) {
      // Nothing to train on yet: show the upload panel, keep the current run until images
      // are chosen ("Train on these images").
      this.store.update({ config }, true);
      this.link.write(config);
      return;
    }
    this.apply(config, LIVE_FIELDS.has(key));
  }

  /** New drawn points: the data of 'Draw your own', used at once if that is the data set. */
  setDrawn(drawn: Float32Array): void {
    const points = asInLink(drawn);
    this.store.update({ drawn: points }, true);
    this.worker.post({ type: 'drawn', points: points.slice() });
    const { config } = this.store.getSnapshot();
    if (config.data === 'drawn') this.apply(config, false);
    else this.link.write(config);
  }

  /** Decodes the person's files (off the main thread) into a preview and a count. */
  decodeUpload(files: File[]): Promise<void> {
    return this.upload.decode(files);
  }

  /** Trains on the decoded images from now on. */
  trainOnUpload(): void {
    const d = this.upload.decoded;
    const state = this.store.getSnapshot().upload;
    if (!d || state.phase !== 'ready' || d.count < 2) return;
    this.worker.post({ type: 'upload', size: d.size, count: d.count, pixels: d.pixels.slice() });
    this.store.update({ upload: { ...state, inUse: true } });
    const config = { ...this.store.getSnapshot().config, data: 'upload' as const, usize: d.size };
    this.apply(config, false);
  }

  setModel(model: ModelId): void {
    const old = this.store.getSnapshot().config;
    const config: RunConfig = { ...defaultsFor(model, old.data) };
    for (const k of KEPT_ON_MODEL_SWITCH) (config as Record<string, unknown>)[k] = old[k];
    this.apply(config, false);
  }

  /** The page's link with every change in it, and its language, for copying. */
  linkNow(): string {
    if (!this.store.getSnapshot().langInLink) {
      this.store.update({ langInLink: true }, true);
      this.link.write();
    }
    this.link.flush();
    return location.href;
  }

  /** Another language for the page; the run goes on, and the link says it from now on. */
  setLang(lang: Lang): void {
    this.store.update({ lang, langInLink: true }, true);
    document.documentElement.lang = LANG_TAG[lang];
    this.link.write();
  }

  /** Opens the Dirac GAN view with a setup, or closes it (null); the link remembers it. */
  setDirac(dirac: DiracSetup | null): void {
    this.store.update({ dirac }, true);
    this.link.writeSoon();
  }

  /** Opens the true-posterior view for x, or closes it (null); the link remembers it. */
  setPosterior(target: PosteriorTarget | null): void {
    const open = this.store.getSnapshot().posterior;
    // The old x's picture stays until the new one comes, so the view does not flicker.
    const posterior = target && { target, view: open?.view ?? null, problem: null };
    this.store.update({ posterior }, true);
    this.worker.post({ type: 'posterior', target });
    this.link.writeSoon();
  }

  /** Opens or closes the model-overview graph; the link remembers it. */
  setGraph(open: boolean): void {
    this.store.update({ graph: open }, true);
    this.flowWanted();
  }

  /** Opens or closes the rate–distortion view; the link remembers it. */
  setRd(open: boolean): void {
    this.store.update({ rd: open }, true);
    this.flowWanted();
  }

  /** The worker sends the flow while a view that draws it is open. */
  private flowWanted(): void {
    const { graph, rd } = this.store.getSnapshot();
    if (!graph && !rd) this.store.update({ flow: null });
    this.worker.post({ type: 'flow', open: graph || rd });
    this.link.writeSoon();
  }

  /** Short runs at several β, in turn, for the rate–distortion frontier; then the run as it was. */
  sweepBeta(): Promise<void> {
    const points = (this.store.getSnapshot().data?.kind ?? 'image') === 'points';
    const setUp = (config: RunConfig) => {
      this.store.update({ config }, true);
      this.reset();
    };
    return sweepBeta(
      this.store,
      (config) => {
        setUp(config);
        this.start();
      },
      (config) => {
        setUp(config);
        this.link.write(config);
      },
      points,
    );
  }

  /** Folds or unfolds a panel; the link remembers it. */
  setPanel(id: PanelId, open: boolean): void {
    const before = this.store.getSnapshot().closed;
    if (before.includes(id) === !open) return; // already so (details fire toggle on mount)
    const closed = before.filter((p) => p !== id);
    if (!open) closed.push(id);
    this.store.update({ closed }, true);
    this.link.write();
    if (id === 'explorer' && open) this.explorer.refresh();
  }

  private apply(config: RunConfig, live: boolean): void {
    const before = this.store.getSnapshot();
    const backendChanged = config.backend !== before.config.backend;
    this.store.update({ config, speeds: this.speeds.of(config) }, true);
    this.explorer.resize(config.latent);
    this.link.write(config);
    if (backendChanged) {
      // tfjs picks its backend once per worker: a new backend means a fresh page.
      location.reload();
      return;
    }
    if (live) {
      this.worker.post({ type: 'update', config });
      return;
    }
    // A new architecture or loss: start over with it, and keep training if it was.
    this.store.resetAsked();
    this.worker.post({ type: 'reset', config });
    if (before.running) this.worker.post({ type: 'start' });
  }
}
