import type { WeightSnapshot } from '../workers/messages.ts';
import { indexedDbKeptRuns, type KeptRun, type KeptRunStore } from './keptRuns.ts';
import type { RunStore } from './runStore.ts';
import { toHash } from '../config/link.ts';

// Nothing lost on a reload: while a run trains, its newest snapshot and chart history are kept
// per link (keptRuns.ts), the chart up to the snapshot's step, at most every KEEP_EVERY_MS; on
// opening the same link again the page offers to resume, never resuming by itself. Storage
// that is full or refused is said once, and training goes on.

/** A kept run is written at most this often while training (the newest snapshot always lands). */
export const KEEP_EVERY_MS = 5_000;
/** Weights larger than this are not kept (no setup of the page comes near). */
export const KEEP_MAX_BYTES = 64 * 2 ** 20;
/**
 * The worker posts a chunk's snapshot just before its chart rows: a write that finds the
 * history short of the snapshot's step waits for them, ROW_WAIT_MS at a time, at most
 * ROW_WAITS times (then keeps what there is).
 */
export const ROW_WAIT_MS = 50;
const ROW_WAITS = 40;

export class RunKeeper {
  private pending: WeightSnapshot | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastWrite = -Infinity;
  private failed = false;
  private waits = 0;
  private offered: KeptRun | null = null;

  constructor(
    private readonly store: RunStore,
    private readonly kept: KeptRunStore = indexedDbKeptRuns,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /**
   * The slot of the setup now: its link without the view's parts (z, folded panels). None for
   * the person's own images, which the link does not carry.
   */
  private key(): string | null {
    const { config, drawn } = this.store.getSnapshot();
    if (config.data === 'upload') return null;
    return toHash(config, { drawn }) || '#';
  }

  /** A new snapshot of the run: kept within KEEP_EVERY_MS, the newest one winning. */
  snapshot(snapshot: WeightSnapshot): void {
    if (this.failed || snapshot.step === 0) return;
    this.pending = snapshot;
    if (this.timer !== null) return;
    this.writeIn(Math.max(0, this.lastWrite + KEEP_EVERY_MS - this.now()));
  }

  private writeIn(ms: number): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.write();
    }, ms);
  }

  private async write(): Promise<void> {
    const snapshot = this.pending;
    const key = this.key();
    this.pending = null;
    if (!snapshot || key === null) return;
    const bytes = snapshot.networks.reduce((n, net) => n + net.data.byteLength, 0);
    if (bytes > KEEP_MAX_BYTES) return;
    if (this.store.history.lastStep < snapshot.step && this.waits < ROW_WAITS) {
      this.waits++;
      this.pending = snapshot; // or a newer one, should it come meanwhile
      this.writeIn(ROW_WAIT_MS);
      return;
    }
    this.waits = 0;
    this.lastWrite = this.now();
    const history = this.store.history.rows(snapshot.step);
    try {
      await this.kept.put({ key, step: snapshot.step, savedAt: Date.now(), snapshot, history });
      this.store.update({ kept: { step: snapshot.step, note: null } });
    } catch (e) {
      this.failed = true; // said once; the run trains on
      const why = e instanceof Error && e.message ? e.message : 'the browser refused its storage';
      this.store.update({
        kept: {
          step: null,
          note: (t) => t.errors.notKept(why),
        },
      });
    }
  }

  /** Once the page is ready: the link's kept run, if any, offered (not resumed). */
  async offer(): Promise<void> {
    const key = this.key();
    if (key === null) return;
    try {
      const run = await this.kept.get(key);
      if (!run || run.step <= 0) return;
      this.offered = run;
      this.store.update({ resumeOffer: { step: run.step, savedAt: run.savedAt } });
    } catch {
      // No storage to read: nothing to offer, and writing will say so.
    }
  }

  /** The offered run, taken up: its weights and chart history (the offer is gone). */
  takeOffer(): KeptRun | null {
    const run = this.offered;
    this.offered = null;
    this.store.update({ resumeOffer: null });
    return run;
  }

  /**
   * "Start over": the kept run of this link is dropped; the offer goes once it is (a reload
   * right after would otherwise still find it).
   */
  async forget(): Promise<void> {
    this.offered = null;
    const key = this.key();
    if (key !== null) await this.kept.remove(key).catch(() => undefined);
    this.store.update({ resumeOffer: null });
  }
}
