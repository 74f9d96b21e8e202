import type { WeightSnapshot } from '../workers/messages.ts';
import type { HistoryRows } from './lossHistory.ts';
import { request, withStore, type StoreAt } from '../data/idbRequest.ts';

// Runs kept for a reload: per link (one slot each), the newest finite weight snapshot and the
// chart's history, in the page's IndexedDB (plain records of typed arrays; no tfjs on this
// thread). The newest few links are kept; older slots are dropped as new ones are written.

export interface KeptRun {
  /** The setup's link (its hash): the slot. */
  key: string;
  step: number;
  savedAt: number;
  snapshot: WeightSnapshot;
  history: HistoryRows;
}

/** Where kept runs live: IndexedDB in the page, a Map in tests. */
export interface KeptRunStore {
  get(key: string): Promise<KeptRun | null>;
  put(run: KeptRun): Promise<void>;
  remove(key: string): Promise<void>;
}

/** Slots kept at most: the links trained last. */
export const KEPT_SLOTS = 4;

const RUNS: StoreAt = {
  db: 'playground-kept-runs',
  store: 'runs',
  create: (db) =>
    db.createObjectStore('runs', { keyPath: 'key' }).createIndex('savedAt', 'savedAt'),
};

export const indexedDbKeptRuns: KeptRunStore = {
  get: (key) =>
    withStore(
      RUNS,
      'readonly',
      async (s) => ((await request(s.get(key))) as KeptRun | undefined) ?? null,
    ),
  put: (run) =>
    withStore(RUNS, 'readwrite', async (s) => {
      await request(s.put(run));
      // Drop the oldest slots beyond KEPT_SLOTS: their keys, oldest first, by the time index
      // (no weights are read).
      const keys = await request(s.index('savedAt').getAllKeys());
      for (const key of keys.slice(0, Math.max(0, keys.length - KEPT_SLOTS))) {
        await request(s.delete(key));
      }
    }),
  remove: (key) =>
    withStore(RUNS, 'readwrite', async (s) => {
      await request(s.delete(key));
    }),
};
