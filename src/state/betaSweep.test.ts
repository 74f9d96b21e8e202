import { describe, expect, it } from 'vitest';
import { defaultsFor } from '../config/models.ts';
import type { RunConfig } from '../config/schema.ts';
import { sweepBeta } from './betaSweep.ts';
import { RunStore } from './runStore.ts';
import { SWEEP_BETAS } from './sweepPoints.ts';

// The β sweep against a stand-in worker: each fresh run begins (a reset), reports its losses
// step by step and stops at its budget; the sweep keeps where each run ended (the mean of its
// last tenth), then sets the person's run up again.

/** What a worker would send for a run of `config`: rate 10/β, distortion 100 + 5β (+ noise). */
function fakeWorker(store: RunStore, config: RunConfig): void {
  setTimeout(() => {
    store.receive({ type: 'reset', keepUpTo: null });
    const names = ['reconstruction', 'kl', 'total'] as const;
    const values = new Float32Array(config.steps * 3);
    for (let s = 0; s < config.steps; s++) {
      const wiggle = s % 2 ? 0.5 : -0.5;
      values.set([100 + 5 * config.beta + wiggle, 10 / config.beta + wiggle, 0], s * 3);
    }
    store.receive({ type: 'metrics', firstStep: 1, names: [...names], values });
    const status = {
      type: 'status' as const,
      step: config.steps,
      stepsPerSec: 100,
      firstStepMs: 10,
      numTensors: 0,
      numBytes: 0,
      gpuCalls: null,
      paintTicket: null,
    };
    store.receive({ ...status, running: true });
    store.receive({ ...status, running: false });
  }, 0);
}

describe('sweepBeta', () => {
  it('trains a run per β in turn and keeps where each ended, then restores the run', async () => {
    const original = { ...defaultsFor('vae', 'moons'), beta: 1.5, warmup: 50 };
    const store = new RunStore(original, [], new Float32Array(), null);
    const ran: RunConfig[] = [];
    const restored: RunConfig[] = [];
    await sweepBeta(
      store,
      (config) => {
        ran.push(config);
        store.update({ config }, true);
        fakeWorker(store, config);
      },
      (config) => restored.push(config),
      true,
    );
    expect(ran.map((c) => c.beta)).toEqual([...SWEEP_BETAS]);
    // Each run: no warm-up (its end must be β's own point), the sweep's step budget.
    expect(ran.every((c) => c.warmup === 0 && c.steps === 1000)).toBe(true);
    const { points, running } = store.getSnapshot().sweep!;
    expect(running).toBeNull();
    points.forEach((p, i) => {
      const beta = SWEEP_BETAS[i]!;
      expect(p.beta).toBe(beta);
      expect(p.rate).toBeCloseTo(10 / beta, 3);
      expect(p.distortion).toBeCloseTo(100 + 5 * beta, 3);
    });
    expect(restored).toEqual([original]);
  });

  it('stops at a run that fails, keeping what it found', async () => {
    const store = new RunStore(defaultsFor('vae', 'moons'), [], new Float32Array(), null);
    let runs = 0;
    await sweepBeta(
      store,
      (config) => {
        if (++runs === 3) setTimeout(() => store.update({ error: 'The loss became NaN' }), 0);
        else fakeWorker(store, config);
      },
      () => undefined,
      true,
    );
    expect(store.getSnapshot().sweep!.points).toHaveLength(2);
  });
});
