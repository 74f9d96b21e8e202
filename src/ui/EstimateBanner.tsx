import type { FieldKey } from '../config/fields.ts';
import type { RunController } from '../state/runController.ts';
import type { StepEstimate } from '../workers/train/protocol.ts';
import type { Lang } from '../config/lang.ts';
import { formatDuration } from '../i18n/format.ts';
import { useText } from '../i18n/text.ts';

/** A step longer than this gets the banner. */
export const SLOW_STEP_S = 10;

/**
 * Before a heavy setup's first step: how long one step will take on this backend, about, and
 * the quicker setups one click away (the worker's estimate, stepEstimate.ts).
 */
export function EstimateBanner({
  estimate,
  lang,
  controller,
}: {
  estimate: StepEstimate | null;
  lang: Lang;
  controller: RunController;
}) {
  const t = useText();
  if (!estimate || estimate.seconds < SLOW_STEP_S) return null;
  const duration = (s: number) => formatDuration(lang, s);
  const gflop = (f: number) => (f / 1e9).toPrecision(2);
  return (
    <div className="banner banner-warn" role="status" data-testid="step-estimate">
      {t.estimate.slow(duration(estimate.seconds), gflop(estimate.flops), gflop(estimate.speed))}
      {estimate.quicker.length ? (
        <div className="button-row banner-actions">
          {t.estimate.quicker}
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
              {t.estimate.option(
                q.patch.batch !== undefined ? t.estimate.batch(q.patch.batch) : t.estimate.dense,
                q.seconds < 1 ? null : duration(q.seconds),
              )}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
