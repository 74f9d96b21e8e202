import { presetOf } from '../../config/presets.ts';
import { MODELS } from '../../config/models.ts';
import type { RunController } from '../../state/runController.ts';
import type { RunSnapshot } from '../../state/runStore.ts';
import { useText } from '../../i18n/text.ts';
import { openHowItWorks } from './openHowItWorks.ts';
import { trainedFor } from '../../config/trained.ts';
import { StartTrainedButton } from './StartTrainedButton.tsx';

/**
 * The card a student who opens a demo or a shared link sees first: what the setup shows, what
 * to watch for and by which step (each marked once the run gets there), one button that trains,
 * and one that hides the card (`closed=card` in the link keeps it hidden).
 */
export function DemoCard({ snap, controller }: { snap: RunSnapshot; controller: RunController }) {
  const t = useText();
  if (!snap.fromLink || snap.closed.includes('card')) return null;
  const { config } = snap;
  const family = MODELS[config.model].family;
  const preset = presetOf(config);
  const title = preset
    ? t.presets[preset].title
    : t.guide.card.shared(t.models[config.model], t.options.data[config.data]);
  const shows = preset ? t.presets[preset].blurb : t.guide.families[family].shows;
  const watch = preset ? t.guide.presets[preset] : t.guide.families[family].watch;
  const ready = snap.phase === 'ready';
  const trained = trainedFor(config);
  return (
    <section className="demo-card" aria-labelledby="demo-card-title" data-testid="demo-card">
      <div className="demo-card-head">
        <h2 id="demo-card-title">
          <span className="muted">{t.guide.card.label}</span>
          {title}
        </h2>
        <button
          type="button"
          className="demo-card-close"
          aria-label={t.guide.card.dismiss}
          title={t.guide.card.dismiss}
          onClick={() => controller.setPanel('card', false)}
        >
          ×
        </button>
      </div>
      <p>
        <strong>{t.guide.card.shows}</strong>
        {shows}
      </p>
      <p className="demo-card-watch">
        <strong>{t.guide.card.watch}</strong>
      </p>
      <ol className="watch-list">
        {watch.map((w, i) => {
          const reached = w.at !== null && snap.step >= w.at;
          return (
            <li key={i} className={reached ? 'reached' : undefined}>
              <span className="watch-at">
                {w.at === null ? t.guide.card.all : t.guide.card.at(w.at)}
                {reached ? ` · ${t.guide.card.reached}` : ''}
              </span>{' '}
              {w.text}
            </li>
          );
        })}
      </ol>
      <div className="button-row">
        {snap.running ? (
          <button type="button" onClick={() => controller.pause()}>
            {t.guide.card.pause}
          </button>
        ) : (
          <>
            {trained && snap.trained.phase !== 'loaded' ? (
              <StartTrainedButton
                snap={snap}
                controller={controller}
                step={trained.demo.step}
                primary
              />
            ) : null}
            <button
              type="button"
              className={trained ? undefined : 'primary'}
              onClick={() => controller.start()}
              disabled={!ready || (config.steps > 0 && snap.step >= config.steps)}
            >
              {trained && snap.step === 0 ? t.guide.trained.scratch : t.guide.card.start}
            </button>
          </>
        )}
        <button type="button" onClick={() => openHowItWorks(controller)}>
          {t.app.howItWorks}
        </button>
      </div>
    </section>
  );
}
