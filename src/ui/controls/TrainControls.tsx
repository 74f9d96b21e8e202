import type { RunController } from '../../state/runController.ts';
import type { RunSnapshot } from '../../state/runStore.ts';

export function TrainControls({
  snap,
  controller,
}: {
  snap: RunSnapshot;
  controller: RunController;
}) {
  const ready = snap.phase === 'ready';
  const budget = snap.config.steps;
  const done = budget > 0 && snap.step >= budget;
  return (
    <div className="train-controls">
      <div className="button-row">
        <button
          type="button"
          className="primary"
          aria-keyshortcuts="Space"
          onClick={() => controller.start()}
          disabled={!ready || snap.running || done}
        >
          Start
        </button>
        <button
          type="button"
          aria-keyshortcuts="Space"
          onClick={() => controller.pause()}
          disabled={!ready || !snap.running}
        >
          Pause
        </button>
        <button
          type="button"
          aria-keyshortcuts="ArrowRight"
          onClick={() => controller.step()}
          disabled={!ready || snap.running || done}
        >
          Step
        </button>
        <button
          type="button"
          aria-keyshortcuts="R"
          onClick={() => controller.reset()}
          disabled={!ready}
        >
          Reset
        </button>
      </div>
      <p className="muted small-text keys-hint">
        Keys: <kbd>Space</kbd> train / pause · <kbd>→</kbd> one step · <kbd>R</kbd> reset
      </p>
      <p className="muted data-line">
        {snap.data ? snap.data.description : 'Data: loading…'}
        {done ? ` · step budget of ${budget} reached` : ''}
      </p>
    </div>
  );
}
