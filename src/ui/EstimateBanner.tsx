import type { FieldKey } from '../config/fields.ts';
import type { RunController } from '../state/runController.ts';
import type { StepEstimate } from '../workers/train/protocol.ts';

/** A step longer than this gets the banner. */
export const SLOW_STEP_S = 10;

/** 42 s, 3.5 min, 1.2 h: a duration as a person would say it. */
export function duration(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 90 * 60) return `${(seconds / 60).toFixed(1)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/**
 * Before a heavy setup's first step: how long one step will take on this backend, about, and
 * the quicker setups one click away (the worker's estimate, stepEstimate.ts).
 */
export function EstimateBanner({
  estimate,
  controller,
}: {
  estimate: StepEstimate | null;
  controller: RunController;
}) {
  if (!estimate || estimate.seconds < SLOW_STEP_S) return null;
  const gflop = (f: number) => (f / 1e9).toPrecision(2);
  return (
    <div className="banner banner-warn" role="status" data-testid="step-estimate">
      One training step of this setup will take about {duration(estimate.seconds)} here (
      {gflop(estimate.flops)} GFLOP a step; this backend trained a convolution at{' '}
      {gflop(estimate.speed)} GFLOP/s, timed just now).
      {estimate.quicker.length ? (
        <div className="button-row banner-actions">
          Quicker:
          {estimate.quicker.map((q) => (
            <button
              key={q.label}
              type="button"
              onClick={() => {
                for (const [key, value] of Object.entries(q.patch)) {
                  controller.setField(key as FieldKey, value as number | string);
                }
              }}
            >
              {q.label} ({q.seconds < 1 ? 'under a second' : `about ${duration(q.seconds)}`} a step)
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
