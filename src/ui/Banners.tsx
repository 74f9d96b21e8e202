import type { RunController } from '../state/runController.ts';
import type { RunSnapshot } from '../state/runStore.ts';
import { EstimateBanner } from './EstimateBanner.tsx';
import { formatDate } from '../i18n/format.ts';
import { useText } from '../i18n/text.ts';
import { say } from '../i18n/said.ts';

/** The ways out of an error: restart a crashed worker, go back to good weights after a NaN. */
function ErrorActions({ snap, controller }: { snap: RunSnapshot; controller: RunController }) {
  const t = useText();
  const at = snap.snapshotStep;
  if (snap.errorKind === 'crashed') {
    return (
      <button type="button" onClick={() => controller.worker.restart()}>
        {t.banners.restart}
      </button>
    );
  }
  if (snap.errorKind !== 'diverged') return null;
  return (
    <>
      {at !== null ? (
        <button type="button" onClick={() => controller.restoreSnapshot()}>
          {t.banners.backTo(at)}
        </button>
      ) : null}
      <button type="button" onClick={() => controller.restoreSnapshot(true)}>
        {t.banners.gentler(at)}
      </button>
    </>
  );
}

/** Messages a person must see: errors, recoveries, backend fallbacks, ignored link values. */
export function Banners({ snap, controller }: { snap: RunSnapshot; controller: RunController }) {
  const t = useText();
  const { backend, error, notices } = snap;
  const name = backend ? backend.name.toUpperCase() : '';
  return (
    <div className="banners">
      {error ? (
        <div className="banner banner-error" role="alert" data-testid="error">
          {say(t, error)}
          <div className="button-row banner-actions">
            <ErrorActions snap={snap} controller={controller} />
          </div>
        </div>
      ) : null}
      {snap.recovery ? (
        <div className="banner banner-warn" role="status" data-testid="recovery">
          {say(t, snap.recovery)}
        </div>
      ) : null}
      <EstimateBanner estimate={snap.estimate} lang={snap.lang} controller={controller} />
      {snap.resumeOffer ? (
        <div className="banner banner-info" role="status" data-testid="resume-offer">
          {t.banners.kept(snap.resumeOffer.step, formatDate(snap.lang, snap.resumeOffer.savedAt))}
          <div className="button-row banner-actions">
            <button type="button" onClick={() => controller.worker.resumeKept()}>
              {t.banners.resume(snap.resumeOffer.step)}
            </button>
            <button type="button" onClick={() => controller.startOver()}>
              {t.banners.startOver}
            </button>
          </div>
        </div>
      ) : null}
      {snap.kept.note ? (
        <div className="banner banner-warn" role="status" data-testid="kept-note">
          {say(t, snap.kept.note)}
        </div>
      ) : null}
      {backend?.fallbackReason ? (
        <div className="banner banner-warn" data-testid="fallback">
          {t.banners.fallback(name, backend.fallbackReason)}
        </div>
      ) : null}
      {backend?.forced && !backend.fallbackReason ? (
        <div className="banner banner-info" data-testid="forced">
          {t.banners.forced(name, backend.name)}
        </div>
      ) : null}
      {backend?.autoChoice ? (
        <div className="banner banner-info" data-testid="auto-backend">
          {t.banners.auto(name)}
        </div>
      ) : null}
      {notices.length ? (
        <div className="banner banner-info" data-testid="notices">
          {t.banners.ignored}
          <ul>
            {notices.map((n) => (
              <li key={`${n.key}=${n.shown}`}>{t.notice(n)}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
