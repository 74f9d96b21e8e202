import { memo, useMemo } from 'react';
import type { Family } from '../../config/models.ts';
import type { LossHistory } from '../../state/lossHistory.ts';
import type { RunSnapshot } from '../../state/runStore.ts';
import { ClassHistogram } from './ClassHistogram.tsx';
import { LossPlot } from './LossPlot.tsx';
import { seriesOf } from './metricStyles.ts';

// MNIST's quality numbers, next to the samples: the Fréchet digit distance over the run, and
// which digits the generator makes (class histogram), with a warning when it collapses.

const MAX_POINTS = 200;
const fmt = (v: number) => (v >= 100 || v === 0 ? v.toFixed(0) : v.toPrecision(3));
const FRECHET = seriesOf(['frechet'], 1);

const COLLAPSE_ADVICE: Record<Family, string> = {
  gan: 'Early in training that is normal; if it lasts, G has found a few digits that fool D and makes little else. Try the WGAN-GP loss, label smoothing or a lower learning rate, then Reset.',
  vae: 'The decoder favours a few digits; a larger latent size or a smaller β usually helps.',
  ae: 'Decoded random codes land on a few digits: the autoencoder never learned what random codes mean.',
};

export const DigitQualityPanel = memo(function DigitQualityPanel({
  quality,
  history,
  every,
  family,
}: {
  /** The newest measurement: a new object with each one, so it also versions `history`. */
  quality: RunSnapshot['quality'];
  /** The Fréchet digit distance over the run. */
  history: LossHistory;
  /** The config's `quality` (0 = off). */
  every: number;
  family: Family;
}) {
  const line = useMemo(
    () => history.chartPoints(MAX_POINTS),
    // The history is mutable; a new `quality` says it changed. (Not the losses' version: the
    // charts would redraw at every chunk of training.)
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [history, quality, history.length],
  );
  if (every === 0) {
    return (
      <section className="digit-quality" aria-labelledby="quality-title" data-testid="quality">
        <h3 id="quality-title">Digit quality</h3>
        <p className="muted">Off: set “Digit quality every” in Run options to measure it.</p>
      </section>
    );
  }
  const q = quality?.quality;
  const first = history.length > 0 ? history.series('frechet').values[0] : undefined;
  return (
    <section className="digit-quality" aria-labelledby="quality-title" data-testid="quality">
      <h3 id="quality-title">
        Digit quality
        {quality ? <span className="muted"> · step {quality.step}</span> : null}
      </h3>
      <p className="muted small-text">
        A digit classifier (97.2% right on held-out digits) looks at 1,000 generated digits and
        1,000 real held-out ones, every {every} steps (less often where generating them would take
        more than a quarter of the training time).
      </p>
      {!q ? (
        <p className="muted">Measuring…</p>
      ) : (
        <>
          <p className="quality-score">
            Fréchet digit distance <strong data-testid="frechet">{fmt(q.frechet)}</strong>
            {first !== undefined && quality.step > 0 ? (
              <span className="muted"> (step 0: {fmt(first)})</span>
            ) : null}
            <span className="muted small-text">
              {' '}
              · lower is better: 1,000 other real digits score 3.5, a grey square 303
            </span>
          </p>
          {q.collapsed && quality.step > 0 ? (
            <div className="banner banner-warn" role="status" data-testid="collapse-warning">
              Mode collapse? The generated digits cover about {q.generatedClasses.toFixed(1)}{' '}
              classes, the real ones {q.realClasses.toFixed(1)}. {COLLAPSE_ADVICE[family]}
            </div>
          ) : null}
          {line.length > 1 ? (
            <LossPlot
              points={line}
              series={FRECHET}
              log={false}
              label="Chart of the Fréchet digit distance by training step"
              height={130}
            />
          ) : null}
          <p className="muted small-text" id="histogram-caption">
            Which digits come out (the classifier’s guess for each), against the real digits: covers
            about <span data-testid="classes">{q.generatedClasses.toFixed(1)}</span> of{' '}
            {q.realClasses.toFixed(1)} classes.
          </p>
          <ClassHistogram generated={q.generated} real={q.real} describedBy="histogram-caption" />
        </>
      )}
    </section>
  );
});
