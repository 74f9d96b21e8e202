import type { FieldKey } from '../config/fields.ts';
import { defaultsFor, LIVE_FIELDS, withDataSet } from '../config/models.ts';
import type { ModelId, RunConfig } from '../config/schema.ts';
import { WorkerClient } from '../worker/client.ts';
import type { FaultFlag, FromWorker, WeightSnapshot } from '../worker/protocol.ts';
import type { RunStore } from './runStore.ts';
import type { PanelId } from './url.ts';
import { AddressBar } from './addressBar.ts';
import { resize, type ExplorerState } from './explorer.ts';
import { LatentRouter } from './latentRouter.ts';
import { afterPaint } from './afterPaint.ts';
import { asInLink } from '../config/drawing.ts';
import { UploadDecoding } from './uploadDecoding.ts';
import { RunKeeper } from './runKeeper.ts';
import type { HistoryRows } from './lossHistory.ts';
import { downloadAll } from '../ui/download.ts';

// What the page's controls do: typed commands to the worker, and the link kept in step with
// the config. The worker's replies flow back into the store; a crashed worker becomes a
// message on the page, never a blank one.

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

export class RunController {
  private client!: WorkerClient;
  /** The newest weights the worker sent: the way back after a crash, a lost device, a NaN. */
  private snapshot: WeightSnapshot | null = null;
  /** Where latent queries go: the latent mirror, or this worker until the mirror is ready. */
  private readonly latent: LatentRouter;
  /** The link in the address bar. */
  private readonly link: AddressBar;
  /** The person's own images, decoded. */
  private readonly upload: UploadDecoding;
  /** The run kept for a reload, and the one offered from an earlier visit. */
  private readonly kept: RunKeeper;
  private offered = false;
  /** A resumed run's chart history, put back when the worker begins the resumed run. */
  private resumedHistory: HistoryRows | null = null;

  constructor(
    private readonly store: RunStore,
    private readonly dataUrl: string,
    /** `autoplay=1` in the link: start once the page is ready. */
    private autoplay = false,
    /** Test-only faults from `?faults=` (empty in normal use). */
    private readonly faults: FaultFlag[] = [],
  ) {
    this.link = new AddressBar(store);
    this.upload = new UploadDecoding(store);
    this.kept = new RunKeeper(store);
    this.latent = new LatentRouter(
      store,
      (msg) => this.client.send(msg),
      (msg) => this.receive(msg),
      faults.includes('no-mirror'),
    );
    this.startWorker();
  }

  /** A fresh training worker, told the data it needs and the current setup. */
  private startWorker(): void {
    this.client = new WorkerClient(
      (msg) => this.receive(msg),
      (message) => this.crashed(message),
    );
    const { config, drawn, upload } = this.store.getSnapshot();
    this.client.send({ type: 'drawn', points: drawn.slice() });
    const d = this.upload.decoded;
    if (d && upload.phase === 'ready' && upload.inUse) {
      this.client.send({ type: 'upload', size: d.size, count: d.count, pixels: d.pixels.slice() });
    }
    this.client.send({ type: 'init', config, dataUrl: this.dataUrl, faults: this.faults });
  }

  /** Runs begun by the worker: a snapshot of an earlier one is not sent on. */
  private runs = 0;

  private receive(msg: FromWorker): void {
    const store = this.store;
    store.receive(msg);
    switch (msg.type) {
      case 'latent':
        this.latent.answered(msg);
        break;
      case 'images':
        this.latent.picturesArrived();
        break;
      case 'restored':
        this.link.write();
        break;
      case 'status': {
        // A training chunk's last post: where the device shares the CPU, the worker waits for
        // this answer before its next chunk, so the page draws on idle cores (pagePacer.ts).
        const ticket = msg.paintTicket;
        if (ticket !== null) afterPaint(() => this.client.send({ type: 'painted', ticket }));
        break;
      }
      case 'snapshot': {
        this.snapshot = msg.snapshot;
        this.kept.snapshot(msg.snapshot);
        // The mirror decodes the explorer's images with these weights on the CPU: once this
        // chunk is painted, so that the page's redraw does not compete with it (pagePacer.ts).
        const run = this.runs;
        afterPaint(() => {
          if (run === this.runs) this.latent.snapshot(msg); // not a run reset since
        });
        break;
      }
      case 'reset':
        this.runs++;
        if (this.resumedHistory && msg.keepUpTo !== null) {
          // The store has just cut its own history at the step: the kept one replaces it.
          store.history.load(this.resumedHistory);
          store.history.truncateAfter(msg.keepUpTo);
          store.update({ lossVersion: store.getSnapshot().lossVersion + 1 });
        }
        this.resumedHistory = null;
        // A new run: the old run's weights are no way back for it, nor the mirror's to decode.
        if (msg.keepUpTo === null) this.snapshot = null;
        this.latent.newRun();
        break;
      case 'deviceLost':
        // The worker's tensors died with the device: a fresh worker (a fresh device, or the
        // next backend) goes on from the snapshot, training if it was.
        this.restart(true);
        break;
      case 'exported':
        void downloadAll(msg.files);
        store.update({
          models: {
            ...store.getSnapshot().models,
            busy: false,
            note: { text: `Downloaded ${msg.files.map((f) => f.name).join(', ')}.`, ok: true },
          },
        });
        break;
      case 'ready':
        this.client.send({ type: 'models', action: 'list' });
        if (!this.offered) void this.kept.offer();
        this.offered = true;
        if (this.autoplay && store.getSnapshot().error === null) this.start();
        this.autoplay = false;
        break;
      default:
        break;
    }
  }

  private crashed(message: string): void {
    const at = this.snapshot?.step ? ` and the weights of step ${this.snapshot.step}` : '';
    this.store.update({
      phase: 'failed',
      running: false,
      progress: null,
      errorKind: 'crashed',
      error: `The training worker crashed: ${message}. Restart brings back the setup${at}.`,
    });
  }

  /**
   * A new worker with the current setup and the last snapshot (training resumes when `resume`).
   * The chart keeps its history up to the snapshot's step.
   */
  restart(resume = false): void {
    const crashed = this.store.getSnapshot().errorKind === 'crashed';
    this.client.terminate();
    const from = this.snapshot ? `from step ${this.snapshot.step}` : 'from the start';
    this.store.update(
      {
        phase: 'preparing',
        running: false,
        progress: null,
        error: null,
        errorKind: null,
        ...(crashed ? { recovery: `Restarted the worker after its crash, ${from}.` } : {}),
      },
      true,
    );
    this.startWorker();
    // The worker runs commands in order: these wait for its init.
    if (this.snapshot) this.client.send({ type: 'restoreSnapshot', snapshot: this.snapshot });
    if (resume) this.client.send({ type: 'start' });
  }

  /** Back to the last good weights in this worker (after a NaN), optionally more gently. */
  restoreSnapshot(lowerLearningRate = false): void {
    if (lowerLearningRate) {
      const c = this.store.getSnapshot().config;
      const gentler = { ...c, lr: Math.max(1e-6, c.lr / 10), dlr: Math.max(1e-6, c.dlr / 10) };
      this.apply(gentler, true);
    }
    if (this.snapshot) this.client.send({ type: 'restoreSnapshot', snapshot: this.snapshot });
    else this.reset();
  }

  /** Takes up the run kept from an earlier visit: its weights, step and chart. */
  resumeKept(): void {
    const run = this.kept.takeOffer();
    if (!run) return;
    this.snapshot = run.snapshot;
    this.resumedHistory = run.history;
    this.client.send({ type: 'restoreSnapshot', snapshot: run.snapshot });
  }

  /** Sets the kept run aside, and drops it. */
  startOver(): void {
    void this.kept.forget();
  }

  /** Test-only triggers (see `?faults=`). */
  fault(kind: 'lose-device' | 'crash'): void {
    this.client.send({ type: 'fault', kind });
  }

  start(): void {
    this.store.update({ error: null, errorKind: null });
    this.client.send({ type: 'start' });
  }

  pause(): void {
    this.client.send({ type: 'pause' });
  }

  step(): void {
    this.store.update({ error: null });
    this.client.send({ type: 'step' });
  }

  /** The sliders moved: decode the new code now, and (latent > 2) the grid around it. */
  setLatent(z: number[]): void {
    const explorer = { ...this.store.getSnapshot().explorer, z };
    this.store.update({ explorer }, true);
    this.latent.refresh(z.length > 2 ? ['decode', 'grid'] : ['decode']);
    this.link.writeSoon();
  }

  /** One dimension of the latent code moved (a slider). */
  setLatentAt(index: number, value: number): void {
    this.setLatent(
      this.store.getSnapshot().explorer.z.map((old, k) => (k === index ? value : old)),
    );
  }

  /** New interpolation ends or mode. */
  setStrip(patch: Partial<Pick<ExplorerState, 'a' | 'b' | 'mode'>>): void {
    this.store.update({ explorer: { ...this.store.getSnapshot().explorer, ...patch } }, true);
    this.latent.refresh(['interpolate']);
  }

  reset(): void {
    this.store.resetAsked();
    this.client.send({ type: 'reset', config: this.store.getSnapshot().config });
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
    this.client.send({ type: 'drawn', points: points.slice() });
    const { config } = this.store.getSnapshot();
    if (config.data === 'drawn') this.apply(config, false);
    else this.link.write(config);
  }

  /** Decodes the person's files (off the main thread) into a preview and a count. */
  decodeUpload(files: File[]): Promise<void> {
    return this.upload.decode(files);
  }

  /** Trains on the decoded images from now on. */
  useUpload(): void {
    const d = this.upload.decoded;
    const state = this.store.getSnapshot().upload;
    if (!d || state.phase !== 'ready' || d.count < 2) return;
    this.client.send({ type: 'upload', size: d.size, count: d.count, pixels: d.pixels.slice() });
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

  /** The page's link with every change in it, for copying. */
  linkNow(): string {
    this.link.flush();
    return location.href;
  }

  /** Folds or unfolds a panel; the link remembers it. */
  setPanel(id: PanelId, open: boolean): void {
    const before = this.store.getSnapshot().closed;
    if (before.includes(id) === !open) return; // already so (details fire toggle on mount)
    const closed = before.filter((p) => p !== id);
    if (!open) closed.push(id);
    this.store.update({ closed }, true);
    this.link.write();
    if (id === 'explorer' && open) this.latent.refresh();
  }

  private modelsBusy(): void {
    this.store.update({ models: { ...this.store.getSnapshot().models, busy: true, note: null } });
  }

  /** Saves the model to the browser (IndexedDB), with the link and the step. */
  saveCheckpoint(): void {
    this.modelsBusy();
    this.client.send({ type: 'models', action: 'save', hash: this.link.hash() });
  }

  restoreCheckpoint(id: string): void {
    this.modelsBusy();
    this.client.send({ type: 'models', action: 'restore', id });
  }

  deleteCheckpoint(id: string): void {
    this.modelsBusy();
    this.client.send({ type: 'models', action: 'delete', id });
  }

  /** Downloads the networks in tfjs's layers format. */
  exportModel(): void {
    this.modelsBusy();
    this.client.send({ type: 'export', hash: this.link.hash() });
  }

  /** Loads model files the person chose (model.json files and their weights). */
  async importModel(files: readonly File[]): Promise<void> {
    this.modelsBusy();
    const named = await Promise.all(
      files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
    );
    this.client.send(
      { type: 'import', files: named },
      named.map((f) => f.bytes.buffer),
    );
  }

  private apply(config: RunConfig, live: boolean): void {
    const before = this.store.getSnapshot();
    const backendChanged = config.backend !== before.config.backend;
    this.store.update({ config, explorer: resize(before.explorer, config.latent) }, true);
    this.link.write(config);
    if (backendChanged) {
      // tfjs picks its backend once per worker: a new backend means a fresh page.
      location.reload();
      return;
    }
    if (live) {
      this.client.send({ type: 'update', config });
      return;
    }
    // A new architecture or loss: start over with it, and keep training if it was.
    this.store.resetAsked();
    this.client.send({ type: 'reset', config });
    if (before.running) this.client.send({ type: 'start' });
  }
}
