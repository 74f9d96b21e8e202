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
  const budget = snap.config.stepBudget;
  const done = budget > 0 && snap.step >= budget;
  return (
    <div className="train-controls">
      <div className="button-row">
        <button
          type="button"
          className="primary"
          onClick={() => controller.start()}
          disabled={!ready || snap.running || done}
        >
          Start
        </button>
        <button type="button" onClick={() => controller.pause()} disabled={!ready || !snap.running}>
          Pause
        </button>
        <button
          type="button"
          onClick={() => controller.step()}
          disabled={!ready || snap.running || done}
        >
          Step
        </button>
        <button type="button" onClick={() => controller.reset()} disabled={!ready}>
          Reset
        </button>
      </div>
      <dl className="config-summary">
        <dt>Data</dt>
        <dd>MNIST, {snap.trainCount ? `${snap.trainCount} training digits` : '…'}</dd>
        <dt>Latent size</dt>
        <dd>{snap.config.vae.latentDim}</dd>
        <dt>Hidden units</dt>
        <dd>{snap.config.vae.hiddenUnits}</dd>
        <dt>Batch</dt>
        <dd>{snap.config.vae.batchSize}</dd>
        <dt>Learning rate</dt>
        <dd>{snap.config.vae.learningRate}</dd>
        <dt>Seed</dt>
        <dd>{snap.config.seed}</dd>
        {budget > 0 ? (
          <>
            <dt>Step budget</dt>
            <dd>{budget}</dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}
