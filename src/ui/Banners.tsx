import type { RunController } from '../state/runController.ts';
import type { RunSnapshot } from '../state/runStore.ts';
import { EstimateBanner } from './EstimateBanner.tsx';
import { TrainedStatus } from './guide/TrainedStatus.tsx';
import { formatDate, formatNumber } from '../i18n/format.ts';
import { speedGap } from '../state/speedRecord.ts';
import { BACKEND_LABEL, type BackendName } from '../config/schema.ts';
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

/** Backends measured in this browser for this setup, when two or more differ by 20% or more. */
function MeasuredSpeeds({ snap }: { snap: RunSnapshot }) {
  const t = useText();
  const gap = speedGap(snap.speeds);
  if (!gap || gap.ratio < 1.2) return null;
  const name = (b: BackendName) => BACKEND_LABEL[b];
  const speeds = (Object.entries(snap.speeds) as [BackendName, number][])
    .sort((a, b) => b[1] - a[1])
    .map(([b, v]) =>
      t.banners.speed(name(b), formatNumber(snap.lang, v, { maximumFractionDigits: 1 })),
    );
  return (
    <div className="banner banner-info" data-testid="measured-speeds">
      {t.banners.measured(
        speeds,
        name(gap.fast),
        formatNumber(snap.lang, gap.ratio, { maximumFractionDigits: 1 }),
      )}
    </div>
  );
}

/** Messages a person must see: errors, recoveries, backend fallbacks, ignored link values. */
export function Banners({ snap, controller }: { snap: RunSnapshot; controller: RunController }) {
  const t = useText();
  const { backend, error, notices } = snap;
  const name = backend ? BACKEND_LABEL[backend.name] : '';
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
      <TrainedStatus snap={snap} />
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
          {t.banners.auto(
            name,
            (Object.entries(backend.autoChoice.msPerStep) as [BackendName, number][]).map(
              ([b, ms]) =>
                t.banners.probeTime(
                  BACKEND_LABEL[b],
                  formatNumber(snap.lang, ms, { maximumFractionDigits: 1 }),
                ),
            ),
            backend.autoChoice.timed,
            backend.autoChoice.measuredAt === null
              ? null
              : formatDate(snap.lang, backend.autoChoice.measuredAt),
          )}
        </div>
      ) : null}
      <MeasuredSpeeds snap={snap} />
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
