import { switches } from '../config/switches.ts';
import type { RunController } from './runController.ts';

// Test-only fault injection: window.__faults, only when the page's query turns the triggers
// on (`?faults=…`, see config/switches.ts); without it nothing here exists and the worker
// ignores fault messages.

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
  if (!switches().triggers) return;
  window.__faults = Object.freeze({
    loseDevice: () => controller.worker.fault('lose-device'),
    crashWorker: () => controller.worker.fault('crash'),
  });
}
