import type { RunController } from '../../state/runController.ts';
import type { RunSnapshot } from '../../state/runStore.ts';
import { useText } from '../../i18n/text.ts';
import { trainedFor } from '../../config/trained.ts';
import { MODELS } from '../../config/models.ts';
import { StartTrainedButton } from '../guide/StartTrainedButton.tsx';

export function TrainControls({
  snap,
  controller,
}: {
  snap: RunSnapshot;
  controller: RunController;
}) {
  const t = useText();
  const ready = snap.phase === 'ready';
  const budget = snap.config.steps;
  const done = budget > 0 && snap.step >= budget;
  const trained = trainedFor(snap.config);
  const gan = MODELS[snap.config.model].family === 'gan';
  const s = t.lab.steps;
  // Slow motion runs on the page's timer, a step at a time; the worker runs the normal loop.
  const running = snap.running || snap.slow.running;
  return (
    <div className="train-controls">
      <div className="button-row">
        <button
          type="button"
          className="primary"
          aria-keyshortcuts="Space"
          onClick={() => controller.start()}
          disabled={!ready || running || done}
        >
          {t.train.start}
        </button>
        <button
          type="button"
          aria-keyshortcuts="Space"
          onClick={() => controller.pause()}
          disabled={!ready || !running}
        >
          {t.train.pause}
        </button>
        <button
          type="button"
          aria-keyshortcuts="ArrowRight"
          onClick={() => controller.step()}
          disabled={!ready || running || done}
        >
          {t.train.step}
        </button>
        {gan ? (
          <>
            <button
              type="button"
              title={s.dOnlyTitle}
              onClick={() => controller.step('d')}
              disabled={!ready || running || done}
            >
              {s.dOnly}
            </button>
            <button
              type="button"
              title={s.gOnlyTitle}
              onClick={() => controller.step('g')}
              disabled={!ready || running || done}
            >
              {s.gOnly}
            </button>
          </>
        ) : null}
        <button
          type="button"
          aria-keyshortcuts="R"
          onClick={() => controller.reset()}
          disabled={!ready}
        >
          {t.train.reset}
        </button>
        {trained && snap.trained.phase !== 'loaded' ? (
          <StartTrainedButton snap={snap} controller={controller} step={trained.demo.step} />
        ) : null}
      </div>
      <label className="radio" title={s.slowAbout}>
        <input
          type="checkbox"
          checked={snap.slow.on}
          onChange={(e) => controller.setSlow(e.target.checked)}
        />
        {s.slow}
      </label>
      <p className="muted small-text keys-hint">{t.train.keys()}</p>
      <p className="muted data-line">
        {snap.data ? t.dataLine(snap.data, snap.config.batch) : t.train.dataLoading}
        {done ? t.train.budgetReached(budget) : ''}
      </p>
    </div>
  );
}
