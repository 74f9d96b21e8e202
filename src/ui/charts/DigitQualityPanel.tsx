import { memo, useMemo } from 'react';
import type { Family } from '../../config/models.ts';
import type { LossHistory } from '../../state/lossHistory.ts';
import type { RunSnapshot } from '../../state/runStore.ts';
import { ClassHistogram } from './ClassHistogram.tsx';
import { LossPlot } from './LossPlot.tsx';
import { seriesOf } from './metricStyles.ts';
import { useText } from '../../i18n/text.ts';

// MNIST's quality numbers, next to the samples: the Fréchet digit distance over the run, and
// which digits the generator makes (class histogram), with a warning when it collapses and a
// note when its samples are not yet digit-like enough for the classes to mean anything.

const MAX_POINTS = 200;
const fmt = (v: number) => (v >= 100 || v === 0 ? v.toFixed(0) : v.toPrecision(3));
const percent = (p: number) => `${Math.round(100 * p)}%`;

export const DigitQualityPanel = memo(function DigitQualityPanel({
  quality,
  history,
  every,
  family,
  conditional = false,
}: {
  /** The newest measurement: a new object with each one, so it also versions `history`. */
  quality: RunSnapshot['quality'];
  /** The Fréchet digit distance over the run. */
  history: LossHistory;
  /** The config's `quality` (0 = off). */
  every: number;
  family: Family;
  /** A conditional model: its samples ask for classes 0–9 in turn, and are scored on it. */
  conditional?: boolean;
}) {
  const t = useText();
  const frechetLine = useMemo(() => seriesOf(['frechet'], 1, t.metrics), [t]);
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
        <h3 id="quality-title">{t.quality.title}</h3>
        <p className="muted">{t.quality.off}</p>
      </section>
    );
  }
  const q = quality?.quality;
  const first = history.length > 0 ? history.series('frechet').values[0] : undefined;
  return (
    <section className="digit-quality" aria-labelledby="quality-title" data-testid="quality">
      <h3 id="quality-title">
        {t.quality.title}
        {quality ? <span className="muted">{t.app.atStep(quality.step)}</span> : null}
      </h3>
      <p className="muted small-text">{t.quality.about(every)}</p>
      {!q ? (
        <p className="muted">{t.quality.measuring}</p>
      ) : (
        <>
          <p className="quality-score">
            {t.quality.frechet} <strong data-testid="frechet">{fmt(q.frechet)}</strong>
            {first !== undefined && quality.step > 0 ? (
              <span className="muted">{t.quality.atStart(fmt(first))}</span>
            ) : null}
            <span className="muted small-text">{t.quality.lower}</span>
          </p>
          {conditional ? (
            <p className="quality-score">
              {t.lab.conditional.agreement}{' '}
              <strong data-testid="agreement">{percent(q.agreement)}</strong>{' '}
              <span className="muted small-text">{t.lab.conditional.agreementAbout}</span>
            </p>
          ) : null}
          {q.spread === 'few' && quality.step > 0 ? (
            // Few classes of digit-like samples: a GAN's mode collapse, a coder's few digits.
            <div className="banner banner-warn" role="status" data-testid="collapse-warning">
              {t.quality.few[family](q.generatedClasses.toFixed(1), q.realClasses.toFixed(1))}
            </div>
          ) : null}
          {q.spread === 'unreadable' && quality.step > 0 ? (
            // Few classes, but the classifier is guessing: blur or blobs, not a collapse.
            <p className="banner" role="status" data-testid="unreadable-note">
              {t.quality.unreadable(
                percent(q.generatedConfidence),
                percent(q.realConfidence),
                q.generatedClasses.toFixed(1),
              )}{' '}
              {t.quality.unreadableAdvice[family]}
            </p>
          ) : null}
          {line.length > 1 ? (
            <LossPlot
              points={line}
              series={frechetLine}
              log={false}
              label={t.quality.chartLabel}
              height={130}
            />
          ) : null}
          <p className="muted small-text" id="histogram-caption">
            {t.quality.histogram(
              <span data-testid="classes">{q.generatedClasses.toFixed(1)}</span>,
              q.realClasses.toFixed(1),
            )}
          </p>
          <ClassHistogram generated={q.generated} real={q.real} describedBy="histogram-caption" />
        </>
      )}
    </section>
  );
});
