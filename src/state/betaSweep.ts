import type { RunConfig } from '../config/schema.ts';
import type { RunStore, RunSnapshot } from './runStore.ts';
import { SWEEP_BETAS, SWEEP_STEPS, type SweepPoint } from './sweepPoints.ts';

// "Sweep β": short runs of the same VAE at several β, in turn, in the run's own worker; each
// ends at a point (rate, distortion) = (KL, reconstruction), and together they draw the
// rate–distortion frontier (Alemi et al., 2018). The run the person had is set up again after.

/** The end of a run is the mean of its last tenth of steps (one step's losses are noisy). */
const TAIL = 0.1;

/** The mean of the last TAIL of a series. */
const tailMean = (values: number[]) => {
  const tail = values.slice(-Math.max(1, Math.round(values.length * TAIL)));
  return tail.reduce((a, b) => a + b, 0) / tail.length;
};

/** Resolves once the store satisfies `done` (checked at each change). */
function until(store: RunStore, done: (s: RunSnapshot) => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (done(store.getSnapshot())) return resolve();
    const stop = store.subscribe(() => {
      if (!done(store.getSnapshot())) return;
      stop();
      resolve();
    });
  });
}

export async function sweepBeta(
  store: RunStore,
  /** Begins a fresh run of `config` (a reset with it), and starts it. */
  runFresh: (config: RunConfig) => void,
  /** Sets up `config` again, not started (the person's run, after the sweep). */
  restore: (config: RunConfig) => void,
  points: boolean,
): Promise<void> {
  const original = store.getSnapshot().config;
  const steps = SWEEP_STEPS[points ? 'points' : 'image'];
  const found: SweepPoint[] = [];
  for (const beta of SWEEP_BETAS) {
    store.update({ sweep: { points: [...found], running: beta, steps } }, true);
    const before = store.runsBegun;
    runFresh({ ...original, beta, warmup: 0, steps });
    // A run that fails (a NaN, a lost worker) ends the sweep where it is.
    await until(
      store,
      (s) => s.error !== null || (store.runsBegun > before && s.step >= steps && !s.running),
    );
    if (store.getSnapshot().error !== null) break;
    found.push({
      beta,
      rate: tailMean(store.history.series('kl').values),
      distortion: tailMean(store.history.series('reconstruction').values),
    });
  }
  store.update({ sweep: { points: found, running: null, steps } }, true);
  restore(original);
}
