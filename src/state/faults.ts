import type { FaultFlag } from '../worker/protocol.ts';
import type { RunController } from './runController.ts';

// Test-only fault injection. `?faults=1` (or a list: `?faults=no-gpu,no-storage`) in the
// page's query enables window.__faults; without it nothing here exists and the worker ignores
// fault messages. It is in the query, not the hash, so a shared link never carries it.

// The benchmark uses the same channel for its instrumentation: `count-gpu` counts GPU
// dispatches, `plain-loop` reads the loss back after every step as tfjs's examples do,
// `no-mirror` sends latent queries to the training worker (as before the mirror).
const FLAGS: readonly FaultFlag[] = [
  'no-gpu',
  'no-storage',
  'count-gpu',
  'plain-loop',
  'no-mirror',
];

/** The flags in `?faults=`: null when absent (normal use); triggers are on whenever present. */
export function parseFaults(search: string): FaultFlag[] | null {
  let value: string | null;
  try {
    value = new URLSearchParams(search).get('faults');
  } catch {
    return null;
  }
  if (value === null) return null;
  return ['triggers', ...FLAGS.filter((f) => value.split(',').includes(f))];
}

export interface FaultTriggers {
  /** Destroys the worker's GPU device mid-run (GPUDevice.destroy()). */
  loseDevice(): void;
  /** Throws in the worker where nothing catches it. */
  crashWorker(): void;
}

declare global {
  interface Window {
    __faults?: FaultTriggers;
  }
}

export function installFaultTriggers(controller: RunController): void {
  window.__faults = Object.freeze({
    loseDevice: () => controller.fault('lose-device'),
    crashWorker: () => controller.fault('crash'),
  });
}
