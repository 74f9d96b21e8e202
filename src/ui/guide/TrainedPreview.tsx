import type { RunSnapshot } from '../../state/runStore.ts';
import { trainedFor } from '../../config/trained.ts';
import { useText } from '../../i18n/text.ts';

/**
 * Beside a run from scratch, the demo's trained model at its shipped step (its samples, or its
 * 2-D view): where this run is heading.
 */
export function TrainedPreview({ snap }: { snap: RunSnapshot }) {
  const t = useText();
  const trained = trainedFor(snap.config);
  if (!trained || snap.trained.phase === 'loaded') return null;
  return (
    <figure className="trained-preview" data-testid="trained-preview">
      <img src={`trained/${trained.demo.picture}`} alt="" width={120} height={120} loading="lazy" />
      <figcaption className="muted small-text">
        {t.guide.trained.heading(trained.demo.step)}
      </figcaption>
    </figure>
  );
}
