import type { BackendInfo } from '../messages.ts';
import { request, withStore, type StoreAt } from '../../data/idbRequest.ts';

// 'auto''s probe results kept across visits, in the worker's IndexedDB: the same browser on the
// same adapter, preparing the same setup, takes the backend measured before instead of probing
// again. Another browser version or another adapter is another key, and a result is kept for
// MAX_AGE_DAYS. Storage never holds the preparation up: each call gives up after TIMEOUT_MS,
// and a failure (no IndexedDB, storage refused) reads as nothing kept. One worker probes at a
// time (oneProbeAtATime), so that the others find its result kept.

export type ProbeResult = NonNullable<BackendInfo['autoChoice']>;

/** Where probe results are kept: IndexedDB in the worker, a Map in tests. */
export interface ProbeMemory {
  get(key: string): Promise<ProbeResult | null>;
  set(key: string, result: ProbeResult): Promise<void>;
}

/** What is stored: the result as measured, and when (ms since the epoch). */
export interface KeptProbe {
  key: string;
  result: ProbeResult;
  at: number;
}

export const MAX_AGE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
const TIMEOUT_MS = 500;
const RESULTS: StoreAt = {
  db: 'playground-probe',
  store: 'results',
  create: (db) => db.createObjectStore('results', { keyPath: 'key' }),
};
const LOCK = 'playground-probe';

/** The key of a setup's result: the browser (its version included), the adapter, the setup. */
export const probeKey = (adapter: string, setupKey: string): string =>
  JSON.stringify([globalThis.navigator?.userAgent ?? '', adapter, setupKey]);

/**
 * A stored result as 'auto' reports it: measured at `at`, adding nothing to this preparation;
 * null when there is none or it is older than MAX_AGE_DAYS.
 */
export function keptResult(kept: KeptProbe | undefined, now: number): ProbeResult | null {
  if (!kept || !(now - kept.at < MAX_AGE_DAYS * DAY_MS)) return null;
  return { ...kept.result, probeMs: 0, measuredAt: kept.at };
}

/**
 * `work` under this browser's lock for probes (Web Locks), or at once where there is none: one
 * worker probes at a time, so that compare mode's columns, which start together, do not time
 * their steps against each other's; the later ones find the first's result kept.
 */
export function oneProbeAtATime<T>(work: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as { locks?: LockManager } | undefined)?.locks;
  return locks ? (locks.request(LOCK, work) as Promise<T>) : work();
}

/** `work`, or `fallback` if it fails or takes longer than TIMEOUT_MS. */
function patiently<T>(work: () => Promise<T>, fallback: T): Promise<T> {
  const late = new Promise<T>((resolve) => setTimeout(() => resolve(fallback), TIMEOUT_MS));
  return Promise.race([work().catch(() => fallback), late]);
}

export const indexedDbProbeMemory = (now: () => number = Date.now): ProbeMemory => ({
  get: (key) =>
    patiently(
      () =>
        withStore(RESULTS, 'readonly', async (s) =>
          keptResult((await request(s.get(key))) as KeptProbe | undefined, now()),
        ),
      null,
    ),
  set: (key, result) =>
    patiently(
      () =>
        withStore(RESULTS, 'readwrite', async (s) => {
          const kept: KeptProbe = { key, result, at: now() };
          await request(s.put(kept));
        }),
      undefined,
    ),
});
