// What the β sweep (betaSweep.ts) runs and finds, as the store keeps it.

/** β of each run, log-spaced around 1. */
export const SWEEP_BETAS = [0.25, 0.5, 1, 2, 4, 8] as const;
/** Steps of each run: images train slower than points. */
export const SWEEP_STEPS = { image: 300, points: 1000 } as const;

export interface SweepPoint {
  beta: number;
  /** KL(q(z|x) ‖ N(0, I)), nats: the rate. */
  rate: number;
  /** The reconstruction loss, nats: the distortion. */
  distortion: number;
}

export interface BetaSweepState {
  points: SweepPoint[];
  /** The β being trained now (null: done). */
  running: number | null;
  steps: number;
}
