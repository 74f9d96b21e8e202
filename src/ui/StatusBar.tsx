import { useEffect, useState } from 'react';
import type { RunSnapshot } from '../state/runStore.ts';
import type { Lang } from '../config/lang.ts';
import type { ModelId } from '../config/schema.ts';
import type { Catalog } from '../i18n/catalog.ts';
import { formatBytes } from '../i18n/format.ts';
import { useText } from '../i18n/text.ts';
import { BACKEND_LABEL } from '../config/schema.ts';

function progressText(
  t: Catalog,
  lang: Lang,
  p: NonNullable<RunSnapshot['progress']>,
  model: ModelId,
): string {
  const what = t.progress[p.stage](p.loaded !== null, t.models[model]);
  if (p.loaded === null) return what;
  const total = p.total ? formatBytes(lang, p.total) : null;
  return `${what} ${t.status.loaded(formatBytes(lang, p.loaded), total)}`;
}

/**
 * Seconds since the page saw the run start compiling, counted each second: the span that
 * ends as "first step after … s" (the worker's figure, timed from the same Start).
 */
function CompileClock() {
  const t = useText();
  const [start] = useState(() => performance.now());
  const [now, setNow] = useState(start);
  useEffect(() => {
    const timer = setInterval(() => setNow(performance.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <span className="muted" data-testid="compile-clock">
      {' '}
      {t.status.compilingFor(String(Math.floor((now - start) / 1000)))}
    </span>
  );
}

/** One line: backend and adapter, what the page is doing, step and speed. */
export function StatusBar({ snap }: { snap: RunSnapshot }) {
  const t = useText();
  const { backend, progress, lang } = snap;
  const compiling = snap.running && snap.firstStepMs === null;
  let activity: string;
  if (progress) activity = progressText(t, lang, progress, snap.config.model);
  else if (snap.phase === 'preparing') activity = t.status.starting;
  else if (snap.phase === 'failed') activity = t.status.failed;
  else if (compiling)
    activity = backend?.name === 'cpu' ? t.status.firstStepCpu : t.status.compiling;
  else if (snap.running) activity = t.status.training;
  else activity = snap.step > 0 ? t.status.paused : t.status.ready;

  return (
    <div className="status-bar" role="status" aria-live="polite" data-testid="status">
      <span className="status-item">
        {t.status.backend}{' '}
        <strong data-testid="backend">{backend ? BACKEND_LABEL[backend.name] : '…'}</strong>
        {backend ? (
          <span className="muted">
            {' '}
            ({backend.name === 'cpu' ? t.status.cpuAdapter : backend.adapter})
          </span>
        ) : null}
      </span>
      <span className="status-item" data-testid="activity">
        {activity}
        {/* One clock from Start to the first step, through step 0's quality measurement. */}
        {compiling ? <CompileClock /> : null}
      </span>
      {progress?.total && progress.loaded !== null ? (
        <progress
          className="load-progress"
          aria-label={activity}
          max={progress.total}
          value={progress.loaded}
        />
      ) : null}
      <span className="status-item">
        {t.status.step} <strong data-testid="step">{snap.step}</strong>
      </span>
      <span className="status-item">
        {/* The last rate measured means nothing once training stops. */}
        <strong data-testid="steps-per-sec">
          {snap.running ? snap.stepsPerSec.toFixed(1) : '0'}
        </strong>{' '}
        {t.status.stepsPerSec}
        {!snap.running && snap.step > 0 ? t.status.whilePaused : null}
      </span>
      {snap.firstStepMs !== null ? (
        <span className="status-item muted">
          {t.status.firstStep((snap.firstStepMs / 1000).toFixed(1))}
        </span>
      ) : null}
    </div>
  );
}
