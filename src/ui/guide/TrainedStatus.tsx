import type { RunSnapshot } from '../../state/runStore.ts';
import type { TrainedScores } from '../../config/trained.ts';
import { trainedFor } from '../../config/trained.ts';
import type { Catalog } from '../../i18n/catalog.ts';
import type { Lang } from '../../config/lang.ts';
import { formatBytes, formatNumber } from '../../i18n/format.ts';
import { useText } from '../../i18n/text.ts';
import { BACKEND_LABEL, type BackendName } from '../../config/schema.ts';

/** A trained model's scores in words: "Fréchet digit distance 95.2, 6.1 classes". */
export function scoresText(t: Catalog, lang: Lang, scores: TrainedScores): string {
  const n = (v: number, digits: number) =>
    formatNumber(lang, v, { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const s = t.guide.trained.scores;
  return [
    scores.frechet !== undefined ? s.frechet(n(scores.frechet, 1)) : null,
    scores.classes !== undefined ? s.classes(n(scores.classes, 1)) : null,
    scores.heldOutLoss !== undefined ? s.heldOutLoss(n(scores.heldOutLoss, 1)) : null,
    scores.js !== undefined ? s.js(n(scores.js, 3)) : null,
    scores.swd !== undefined ? s.swd(n(scores.swd, 3)) : null,
  ]
    .filter((x) => x !== null)
    .join(lang === 'zh' ? '，' : ', ');
}

/** The shipped weights' loading, arrival or failure, said where a person looks first. */
export function TrainedStatus({ snap }: { snap: RunSnapshot }) {
  const t = useText();
  const { trained, lang } = snap;
  const tt = t.guide.trained;
  switch (trained.phase) {
    case 'off':
      return null;
    case 'loading':
      return (
        <div className="banner banner-info" role="status" data-testid="trained">
          {tt.loading(formatBytes(lang, trained.loaded), formatBytes(lang, trained.total))}
          <progress
            className="load-progress"
            max={trained.total}
            value={trained.loaded}
            aria-label={tt.loading(
              formatBytes(lang, trained.loaded),
              formatBytes(lang, trained.total),
            )}
          />
        </div>
      );
    case 'loaded': {
      const found = trainedFor(snap.config);
      return (
        <div className="banner banner-info" role="status" data-testid="trained">
          {found
            ? tt.loaded(
                trained.step,
                scoresText(t, lang, found.demo.scores),
                found.demo.seconds,
                BACKEND_LABEL[found.demo.backend as BackendName] ?? found.demo.backend,
              )
            : null}
        </div>
      );
    }
    case 'failed':
      return (
        <div className="banner banner-warn" role="alert" data-testid="trained">
          {tt.failed(trained.reason)}
        </div>
      );
    case 'none':
      return (
        <div className="banner banner-info" role="status" data-testid="trained">
          {tt.none}
        </div>
      );
  }
}
