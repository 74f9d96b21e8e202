import type { LossHistory } from '../../state/lossHistory.ts';
import type { RunSnapshot } from '../../state/runStore.ts';
import { useText } from '../../i18n/text.ts';
import { formatValue } from '../charts/metricStyles.ts';

/**
 * A column's quality, as numbers: on MNIST the Fréchet digit distance and how many classes its
 * samples cover; on 2-D data the JS divergence and sliced Wasserstein distance to held-out
 * points (the newest measurement of each).
 */
export function QualityNumbers({
  snap,
  evaluations,
  points,
}: {
  snap: RunSnapshot;
  /** Mutable: `snap.lossVersion` says when it changed. */
  evaluations: LossHistory;
  points: boolean;
}) {
  const t = useText();
  const n = t.compare.numbers;
  let parts: string[] | null = null;
  if (points) {
    const last = (name: 'jsDivergence' | 'slicedWasserstein') =>
      evaluations.series(name).values.at(-1);
    const js = last('jsDivergence');
    const swd = last('slicedWasserstein');
    if (js !== undefined && swd !== undefined)
      parts = [n.js(formatValue(js)), n.swd(formatValue(swd))];
  } else if (snap.quality) {
    const q = snap.quality.quality;
    parts = [n.frechet(formatValue(q.frechet)), n.classes(q.generatedClasses.toFixed(1))];
  }
  if (!points && snap.config.quality === 0) return null;
  return (
    <p className="compare-numbers" data-testid="compare-numbers">
      {parts ? (
        <>
          <strong>{parts[0]}</strong> · {parts[1]}
          {snap.quality && !points ? (
            <span className="muted">{t.app.atStep(snap.quality.step)}</span>
          ) : null}
        </>
      ) : (
        <span className="muted">{n.pending}</span>
      )}
    </p>
  );
}
