import type { RunStore } from './runStore.ts';
import type { RunConfig } from '../config/schema.ts';
import { toHash } from '../config/link.ts';
import { MODELS } from '../config/models.ts';

/** The single-run page's link: its setup, drawing, latent code, panels, language. */
export function runHash(store: RunStore, config = store.getSnapshot().config): string {
  const { drawn, explorer, closed, lang, langInLink, trained, dirac, posterior, graph, rd, slow } =
    store.getSnapshot();
  return toHash(config, {
    drawn,
    dirac,
    posterior: posterior?.target ?? null,
    graph,
    rd,
    slow: slow.on,
    z: explorer.z,
    // A conditional model's class: only its links need it.
    y: MODELS[config.model].conditional ? explorer.label : null,
    closed,
    lang: langInLink ? lang : null,
    trained: trained.phase === 'loaded' || trained.phase === 'loading',
  });
}

/** A drag writes the link once it has rested this long… */
const REST_MS = 300;
/** …or at the latest this long after its first unwritten change. */
const MAX_WAIT_MS = 2000;
/** An idle moment is waited for at most this long. */
const IDLE_TIMEOUT_MS = 500;

/** Where the link is written and when there is time for it (replaced in unit tests). */
export interface LinkSink {
  replace(hash: string): void;
  /** Runs `fn` when the main thread is idle (or after `timeoutMs`); returns a cancel. */
  whenIdle(fn: () => void, timeoutMs: number): () => void;
  /** Calls `fn` when the page is hidden or left (a closed tab is restored from its link). */
  onHide(fn: () => void): void;
}

const browserSink: LinkSink = {
  replace: (hash) =>
    history.replaceState(null, '', `${location.pathname}${location.search}${hash}`),
  whenIdle: (fn, timeout) => {
    if (typeof requestIdleCallback !== 'function') {
      const id = setTimeout(fn, 0); // Safari has no idle callbacks
      return () => clearTimeout(id);
    }
    const id = requestIdleCallback(fn, { timeout });
    return () => cancelIdleCallback(id);
  },
  onHide: (fn) => {
    document.addEventListener('visibilitychange', () => document.hidden && fn());
    window.addEventListener('pagehide', fn);
  },
};

/**
 * Keeps the address bar's link equal to the run's setup, drawing, latent code and panels.
 *
 * `history.replaceState` costs 1–41 ms on a busy 2-core machine, so a slider drag (many
 * changes a second, while the worker trains) must not call it for every change: `writeSoon`
 * writes once the drag rests, in an idle moment. Anything that reads the link (copy, leaving
 * the page) calls `flush` first.
 */
export class AddressBar {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private cancelIdle: (() => void) | null = null;
  /** When the oldest change not yet in the link was made (null: the link is current). */
  private pendingSince: number | null = null;
  /** The hash last written (null: none yet, whatever the page was opened with). */
  private written: string | null = null;

  constructor(
    /** The link's hash for the page as it is now (or with another `config`). */
    readonly hash: (config?: RunConfig) => string,
    private readonly sink: LinkSink = browserSink,
    private readonly now: () => number = () => performance.now(),
  ) {
    sink.onHide(() => this.flush());
  }

  /** Writes the link now, without a new history entry; a pending `writeSoon` is done by it. */
  write(config?: RunConfig): void {
    this.cancel();
    const hash = this.hash(config);
    if (hash === this.written) return;
    this.written = hash;
    this.sink.replace(hash);
  }

  /** Writes the link once changes rest for REST_MS (MAX_WAIT_MS at most), when idle. */
  writeSoon(): void {
    const now = this.now();
    this.pendingSince ??= now;
    this.stopTimers();
    const wait = Math.max(0, Math.min(REST_MS, this.pendingSince + MAX_WAIT_MS - now));
    this.timer = setTimeout(() => {
      this.timer = null;
      this.cancelIdle = this.sink.whenIdle(() => {
        this.cancelIdle = null;
        this.write();
      }, IDLE_TIMEOUT_MS);
    }, wait);
  }

  /** Writes a pending change now (before the link is copied or the page is left). */
  flush(): void {
    if (this.pendingSince !== null) this.write();
  }

  /** Drops a scheduled write (the timer, or the idle callback it asked for). */
  private stopTimers(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.cancelIdle?.();
    this.timer = null;
    this.cancelIdle = null;
  }

  private cancel(): void {
    this.stopTimers();
    this.pendingSince = null;
  }
}
