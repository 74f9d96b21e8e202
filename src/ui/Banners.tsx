import type { RunController } from '../state/runController.ts';
import type { RunSnapshot } from '../state/runStore.ts';
import { EstimateBanner } from './EstimateBanner.tsx';

/** The ways out of an error: restart a crashed worker, go back to good weights after a NaN. */
function ErrorActions({ snap, controller }: { snap: RunSnapshot; controller: RunController }) {
  const at = snap.snapshotStep;
  if (snap.errorKind === 'crashed') {
    return (
      <button type="button" onClick={() => controller.worker.restart()}>
        Restart
      </button>
    );
  }
  if (snap.errorKind !== 'diverged') return null;
  return (
    <>
      {at !== null ? (
        <button type="button" onClick={() => controller.restoreSnapshot()}>
          Back to step {at}
        </button>
      ) : null}
      <button type="button" onClick={() => controller.restoreSnapshot(true)}>
        {at !== null ? `Back to step ${at}` : 'Reset'} with learning rates ÷ 10
      </button>
    </>
  );
}

/** Messages a person must see: errors, recoveries, backend fallbacks, ignored link values. */
export function Banners({ snap, controller }: { snap: RunSnapshot; controller: RunController }) {
  const { backend, error, notices } = snap;
  return (
    <div className="banners">
      {error ? (
        <div className="banner banner-error" role="alert" data-testid="error">
          {error}
          <div className="button-row banner-actions">
            <ErrorActions snap={snap} controller={controller} />
          </div>
        </div>
      ) : null}
      {snap.recovery ? (
        <div className="banner banner-warn" role="status" data-testid="recovery">
          {snap.recovery}
        </div>
      ) : null}
      <EstimateBanner estimate={snap.estimate} controller={controller} />
      {snap.resumeOffer ? (
        <div className="banner banner-info" role="status" data-testid="resume-offer">
          This link's run was kept at step {snap.resumeOffer.step} (
          {new Date(snap.resumeOffer.savedAt).toLocaleString()}).
          <div className="button-row banner-actions">
            <button type="button" onClick={() => controller.worker.resumeKept()}>
              Resume at step {snap.resumeOffer.step}
            </button>
            <button type="button" onClick={() => controller.startOver()}>
              Start over
            </button>
          </div>
        </div>
      ) : null}
      {snap.kept.note ? (
        <div className="banner banner-warn" role="status" data-testid="kept-note">
          {snap.kept.note}
        </div>
      ) : null}
      {backend?.fallbackReason ? (
        <div className="banner banner-warn" data-testid="fallback">
          Running on {backend.name.toUpperCase()} because: {backend.fallbackReason}. Training works,
          only slower; Chrome or Edge with WebGPU enabled runs it on your GPU.
        </div>
      ) : null}
      {backend?.forced && !backend.fallbackReason ? (
        <div className="banner banner-info" data-testid="forced">
          The link asked for the {backend.name.toUpperCase()} backend (backend={backend.name}).
        </div>
      ) : null}
      {backend?.autoChoice ? (
        <div className="banner banner-info" data-testid="auto-backend">
          Auto chose the {backend.name.toUpperCase()} backend: {backend.autoChoice}
        </div>
      ) : null}
      {notices.length ? (
        <div className="banner banner-info" data-testid="notices">
          Some values in the link were ignored:
          <ul>
            {notices.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
