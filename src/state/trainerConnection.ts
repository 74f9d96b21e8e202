import type { WorkerFailed } from '../bridge/protocol.ts';
import { startTrainingWorker, type TrainingWorker } from '../clients/trainClient.ts';
import { switches } from '../config/switches.ts';
import type { FromWorker, ToWorker } from '../workers/train/protocol.ts';
import type { LatentAnswer, LatentQuery, WeightSnapshot } from '../workers/messages.ts';
import { afterPaint } from './afterPaint.ts';
import type { HistoryRows } from './lossHistory.ts';
import type { RunKeeper } from './runKeeper.ts';
import type { RunStore } from './runStore.ts';
import type { UploadDecoding } from './uploadDecoding.ts';
import type { Catalog } from '../i18n/catalog.ts';

// The page's connection to the training worker, and the way back when it fails: the newest
// weight snapshot is kept (and, for a reload, the RunKeeper keeps it too); a crashed worker
// becomes a message on the page with a Restart, a lost GPU device a fresh worker that goes on
// from the snapshot, a diverged run a restore of it.

export class TrainerConnection {
  private worker!: TrainingWorker;
  /** The newest weights the worker sent: the way back after a crash, a lost device, a NaN. */
  private snapshot: WeightSnapshot | null = null;
  /** A resumed run's chart history, put back when the worker begins the resumed run. */
  private resumedHistory: HistoryRows | null = null;
  /** Runs begun by the worker: a snapshot of an earlier one is not passed on. */
  private runs = 0;

  constructor(
    private readonly store: RunStore,
    private readonly dataUrl: string,
    /** The person's images (null: this page trains none, as in compare mode). */
    private readonly upload: UploadDecoding | null,
    /** The run kept for a reload (null: none is kept, as in compare mode). */
    private readonly kept: RunKeeper | null,
    private readonly onEvent: (msg: FromWorker) => void,
    /** Ask the worker for code maps with the pictures (compare mode). */
    private readonly codeMap = false,
  ) {
    this.start();
  }

  post(msg: ToWorker, transfer: Transferable[] = []): void {
    this.worker.post(msg, transfer);
  }

  latent(query: LatentQuery): Promise<LatentAnswer> {
    return this.worker.request({ type: 'latent', query });
  }

  /** The run that a snapshot belongs to now (see `snapshotArrived`). */
  get run(): number {
    return this.runs;
  }

  /** A fresh training worker, told the data it needs and the current setup. */
  private start(): void {
    this.worker = startTrainingWorker(
      (msg) => this.onEvent(msg),
      (e) => this.crashed(e),
    );
    const { config, drawn, upload } = this.store.getSnapshot();
    this.post({ type: 'drawn', points: drawn.slice() });
    const d = this.upload?.decoded;
    if (d && upload.phase === 'ready' && upload.inUse) {
      this.post({ type: 'upload', size: d.size, count: d.count, pixels: d.pixels.slice() });
    }
    this.post({
      type: 'init',
      config,
      dataUrl: this.dataUrl,
      switches: { ...switches() },
      codeMap: this.codeMap,
    });
    const { posterior, graph, rd } = this.store.getSnapshot();
    if (posterior) this.post({ type: 'posterior', target: posterior.target });
    if (graph || rd) this.post({ type: 'flow', open: true });
  }

  /**
   * A new worker with the current setup and the last snapshot (training resumes when `resume`).
   * The chart keeps its history up to the snapshot's step.
   */
  restart(resume = false): void {
    const crashed = this.store.getSnapshot().errorKind === 'crashed';
    this.worker.terminate();
    const from = this.snapshot ? this.snapshot.step : null;
    this.store.update(
      {
        phase: 'preparing',
        running: false,
        progress: null,
        error: null,
        errorKind: null,
        ...(crashed ? { recovery: (t: Catalog) => t.errors.restarted(from) } : {}),
      },
      true,
    );
    this.start();
    // The worker runs commands in order: these wait for its init.
    if (this.snapshot) this.post({ type: 'restoreSnapshot', snapshot: this.snapshot });
    if (resume) this.post({ type: 'start' });
  }

  /** Back to the last good weights in this worker (after a NaN); false when there are none. */
  restoreSnapshot(): boolean {
    if (!this.snapshot) return false;
    this.post({ type: 'restoreSnapshot', snapshot: this.snapshot });
    return true;
  }

  /** Takes up the run kept from an earlier visit: its weights, step and chart. */
  resumeKept(): void {
    const run = this.kept?.takeOffer();
    if (!run) return;
    this.snapshot = run.snapshot;
    this.resumedHistory = run.history;
    this.post({ type: 'restoreSnapshot', snapshot: run.snapshot });
  }

  /** Test-only triggers (the triggers switch). */
  fault(kind: 'lose-device' | 'crash'): void {
    this.post({ type: 'fault', kind });
  }

  /** A training chunk's status: answer its paint ticket once the page has painted. */
  statusArrived(ticket: number | null): void {
    // Where the device shares the CPU, the worker waits for this answer before its next chunk,
    // so the page draws on idle cores (workers/train/pagePacer.ts).
    if (ticket !== null) afterPaint(() => this.post({ type: 'painted', ticket }));
  }

  snapshotArrived(snapshot: WeightSnapshot): void {
    this.snapshot = snapshot;
    this.kept?.snapshot(snapshot);
  }

  /** A new run began (`keepUpTo`: a restored snapshot's step, whose history stays). */
  runBegan(keepUpTo: number | null): void {
    this.runs++;
    const store = this.store;
    if (this.resumedHistory && keepUpTo !== null) {
      // The store has just cut its own history at the step: the kept one replaces it.
      store.history.load(this.resumedHistory);
      store.history.truncateAfter(keepUpTo);
      store.update({ lossVersion: store.getSnapshot().lossVersion + 1 });
    }
    this.resumedHistory = null;
    // A new run: the old run's weights are no way back for it.
    if (keepUpTo === null) this.snapshot = null;
  }

  private crashed(e: WorkerFailed): void {
    const at = this.snapshot?.step ?? null;
    this.store.update({
      phase: 'failed',
      running: false,
      progress: null,
      errorKind: 'crashed',
      error: (t) => t.errors.crashed(e.message, at),
    });
  }
}
